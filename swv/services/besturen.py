"""Import of DUO's open-data file of school boards ("Adressen bevoegde gezagen": `;`-separated,
Windows-1252, one row per bevoegd gezag): the boards' names, so that no page shows a board by
its number or its schools once the file is imported."""

from pathlib import Path

from django.db import transaction

from swv.models import Schoolbestuur
from swv.services.csv_import import Importverslag, lees_csv
from swv.services.scholen import BEVOEGD_GEZAG

KOLOMMEN = {"bevoegd gezag nummer", "bevoegd gezag naam"}


@transaction.atomic
def importeer_besturen(pad: Path) -> Importverslag:
    """Idempotent: a board whose name changed gets the new name (kept in the history); a board
    not yet known is added; boards missing from the file stay."""
    verslag = Importverslag(pad.name)
    besturen = {b.bevoegd_gezag_nummer: b for b in Schoolbestuur.objects.all()}
    for regel, rij in lees_csv(pad, KOLOMMEN, verslag, delimiter=";"):
        nummer, naam = rij["bevoegd gezag nummer"], " ".join(rij["bevoegd gezag naam"].split())
        if not BEVOEGD_GEZAG.match(nummer):
            verslag.weiger(regel, f"'{nummer}' is geen bevoegd-gezagnummer van vijf cijfers")
            continue
        if not naam:
            verslag.weiger(regel, f"bevoegd gezag {nummer} heeft geen naam; overgeslagen")
            continue
        naam = naam[: Schoolbestuur._meta.get_field("naam").max_length]
        bestuur = besturen.get(nummer)
        if bestuur is None:
            besturen[nummer] = Schoolbestuur.objects.create(bevoegd_gezag_nummer=nummer, naam=naam)
            verslag.tel("schoolbesturen aangemaakt")
        elif bestuur.naam != naam:
            bestuur.naam = naam
            bestuur.save(update_fields=["naam"])
            verslag.tel("schoolbesturen bijgewerkt")
        else:
            verslag.tel("schoolbesturen ongewijzigd")
    return verslag
