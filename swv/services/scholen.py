"""Import of DUO's open-data file "Adressen alle vestigingen" (`;`, CRLF, Windows-1252):
school boards, school locations, and each board's memberships of the SWVs its schools lie in."""

import re
from collections import defaultdict
from pathlib import Path

from django.db import transaction

from accounts.audit import in_bulk
from swv.models import (
    REGIO_INGANGSDATUM,
    SECTOR_VAN_SOORT,
    Lidmaatschap,
    Postcodegebied,
    Regiotoewijzing,
    School,
    Schoolbestuur,
    Schoolsoort,
)
from swv.services.csv_import import Importverslag, lees_csv

KOLOMMEN = {
    "bevoegd gezag nummer",
    "brin nummer",
    "vestigingsnummer",
    "vestigingsnaam",
    "straatnaam",
    "huisnummer-toevoeging",
    "postcode",
    "plaatsnaam",
    "denominatie",
}

BEVOEGD_GEZAG = re.compile(r"^\d{5}$")
VESTIGING = re.compile(r"^\d{2}[A-Z]{2}\d{2}$")
POSTCODE = re.compile(r"^(\d{4}) ?([A-Z]{2})$")


@transaction.atomic
def importeer_vestigingen(pad: Path, soort: str = Schoolsoort.BAO) -> Importverslag:
    """Idempotent: a second run of the same file changes nothing. A school whose data changed
    is updated (and its change kept in the history); schools missing from the file stay."""
    verslag = Importverslag(pad.name)
    sector = SECTOR_VAN_SOORT[soort]
    goed = _geldige_rijen(lees_csv(pad, KOLOMMEN, verslag, delimiter=";"), verslag)

    besturen = {b.bevoegd_gezag_nummer: b for b in Schoolbestuur.objects.all()}
    in_bestand = {rij["bevoegd gezag nummer"] for _, rij, _ in goed}
    nieuwe_besturen = Schoolbestuur.objects.bulk_create(
        [Schoolbestuur(bevoegd_gezag_nummer=n) for n in sorted(in_bestand - besturen.keys())]
    )
    in_bulk(nieuwe_besturen, tekst=lambda b: f"Bestuur {b.bevoegd_gezag_nummer}")
    verslag.tel("schoolbesturen aangemaakt", len(nieuwe_besturen))
    verslag.tel("schoolbesturen ongewijzigd", len(in_bestand & besturen.keys()))
    besturen.update({b.bevoegd_gezag_nummer: b for b in nieuwe_besturen})

    swv_van_pc4 = dict(
        Regiotoewijzing.objects.filter(sector=sector, geldig_tot__isnull=True).values_list(
            "postcodegebied__pc4", "swv_id"
        )
    )
    scholen = {s.vestigingsnummer: s for s in School.objects.all()}
    swvs_van_bestuur: dict[str, set[int]] = defaultdict(set)
    nieuwe_scholen: list[School] = []
    for regel, rij, gebied in goed:
        nummer, vestiging = rij["bevoegd gezag nummer"], rij["vestigingsnummer"]
        waarden = {
            "brin": rij["brin nummer"].upper(),
            "naam": rij["vestigingsnaam"],
            "soort": soort,
            "sector": sector,
            "bestuur": besturen[nummer],
            "straat": f"{rij['straatnaam']} {rij['huisnummer-toevoeging']}".strip(),
            "postcode": rij["postcode"],
            "plaats": rij["plaatsnaam"],
            "postcodegebied": gebied,
            "denominatie": rij["denominatie"],
        }
        school = scholen.get(vestiging)
        if school is None:
            nieuwe_scholen.append(School(vestigingsnummer=vestiging, **waarden))
        elif any(getattr(school, veld) != waarde for veld, waarde in waarden.items()):
            for veld, waarde in waarden.items():
                setattr(school, veld, waarde)
            school.save()
            verslag.tel("scholen bijgewerkt")
        else:
            verslag.tel("scholen ongewijzigd")

        swv_id = swv_van_pc4.get(gebied.pc4)
        if swv_id is None:
            verslag.meld(
                regel,
                f"vestiging {vestiging} ligt in PC4 {gebied.pc4}, dat bij geen "
                f"{sector}-samenwerkingsverband hoort (Europoort); geen lidmaatschap",
            )
        else:
            swvs_van_bestuur[nummer].add(swv_id)

    in_bulk(School.objects.bulk_create(nieuwe_scholen))
    verslag.tel("scholen aangemaakt", len(nieuwe_scholen))
    in_bestand = {rij["vestigingsnummer"] for _, rij, _ in goed}
    ontbrekend = sum(
        1
        for nummer, school in scholen.items()
        if school.soort == soort and nummer not in in_bestand
    )
    if ontbrekend:
        verslag.meld(
            None,
            f"{ontbrekend} vestigingen ({soort}) staan niet in het bestand; een import verwijdert "
            "geen scholen, ze blijven staan",
        )
    _lidmaatschappen(swvs_van_bestuur, besturen, verslag)
    return verslag


def _geldige_rijen(rijen, verslag):
    """The rows that can be imported, each with its PC4 area; every other row gets a line in
    the report saying why it was left out."""
    gebieden = {p.pc4: p for p in Postcodegebied.objects.all()}
    gezien: set[str] = set()
    goed = []
    for regel, rij in rijen:
        nummer = rij["bevoegd gezag nummer"]
        vestiging = rij["vestigingsnummer"] = rij["vestigingsnummer"].upper()
        postcode = POSTCODE.match(rij["postcode"].upper())
        if not BEVOEGD_GEZAG.match(nummer):
            verslag.weiger(
                regel, f"'{nummer}' is geen bevoegd-gezagnummer (vijf cijfers); overgeslagen"
            )
        elif not VESTIGING.match(vestiging):
            verslag.weiger(
                regel, f"'{vestiging}' is geen vestigingsnummer zoals 16AH00; overgeslagen"
            )
        elif vestiging in gezien:
            verslag.weiger(
                regel, f"vestiging {vestiging} staat twee keer in het bestand; de eerste telt"
            )
        elif postcode is None:
            verslag.weiger(
                regel, f"vestiging {vestiging}: '{rij['postcode']}' is geen postcode; overgeslagen"
            )
        elif postcode[1] not in gebieden:
            verslag.weiger(
                regel,
                f"vestiging {vestiging}: postcode {postcode[1]} {postcode[2]} staat niet in de "
                "regio-indeling; overgeslagen",
            )
        else:
            gezien.add(vestiging)
            rij["postcode"] = f"{postcode[1]} {postcode[2]}"
            goed.append((regel, rij, gebieden[postcode[1]]))
    return goed


def _lidmaatschappen(swvs_van_bestuur, besturen, verslag):
    """A board is a member of every SWV in which it has a school. Memberships are added, never
    ended by an import: ending one is a decision, recorded by the beheerder."""
    lopend = set(
        Lidmaatschap.objects.filter(einddatum__isnull=True).values_list(
            "bestuur__bevoegd_gezag_nummer", "swv_id"
        )
    )
    nieuw = [
        Lidmaatschap(swv_id=swv_id, bestuur=besturen[nummer], begindatum=REGIO_INGANGSDATUM)
        for nummer, swv_ids in sorted(swvs_van_bestuur.items())
        for swv_id in sorted(swv_ids)
        if (nummer, swv_id) not in lopend
    ]
    in_bulk(
        Lidmaatschap.objects.bulk_create(nieuw),
        tekst=lambda lid: (
            f"Bestuur {lid.bestuur.bevoegd_gezag_nummer}, lid sinds {lid.begindatum:%d-%m-%Y}"
        ),
    )
    verslag.tel("lidmaatschappen aangemaakt", len(nieuw))
    verslag.tel(
        "lidmaatschappen ongewijzigd", sum(map(len, swvs_van_bestuur.values())) - len(nieuw)
    )
    meervoudig = sum(1 for swv_ids in swvs_van_bestuur.values() if len(swv_ids) > 1)
    if meervoudig:
        verslag.meld(
            None, f"{meervoudig} besturen hebben scholen in meer dan één samenwerkingsverband"
        )
