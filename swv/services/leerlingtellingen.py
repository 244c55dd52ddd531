"""Importing pupil counts per SWV, teldatum and category from a CSV file
(`swv,teldatum,categorie,aantal`).

All or nothing: a file with any wrong line is refused as a whole with every problem listed, so a
half-read count never skews the deelnamepercentages. A count already there is updated; reading
the same file twice changes nothing. Each change goes through the model's save, so the audit log
keeps who changed which count.
"""

import datetime
from pathlib import Path

from django.db import transaction

from swv.models import (
    CATEGORIEEN_PER_SECTOR,
    SWV_CODE,
    Leerlingcategorie,
    Leerlingtelling,
    Samenwerkingsverband,
)
from swv.services.csv_import import ImportGeweigerd, Importverslag, lees_csv

KOLOMMEN = {"swv", "teldatum", "categorie", "aantal"}
MAX_MELDINGEN = 50


def _code(waarde: str) -> str:
    """PO2707, `PO 27-07` and `po 27-07` are one SWV."""
    return waarde.upper().replace(" ", "").replace("-", "")


def _teldatum(waarde: str) -> datetime.date:
    try:
        datum = datetime.date.fromisoformat(waarde)
    except ValueError:
        raise ValueError(f"teldatum '{waarde}' is geen datum (JJJJ-MM-DD)") from None
    if (datum.month, datum.day) != (10, 1):
        raise ValueError(f"teldatum {waarde} is geen 1 oktober")
    return datum


@transaction.atomic
def importeer_leerlingtellingen(pad: Path) -> Importverslag:
    verslag = Importverslag(pad.name)
    rijen = lees_csv(pad, KOLOMMEN, verslag)
    if verslag.meldingen:
        raise ImportGeweigerd("; ".join(verslag.meldingen) + ". Er is niets ingelezen.")
    swvs = {s.code: s for s in Samenwerkingsverband.objects.all()}
    fouten, gelezen = [], {}
    for regel, rij in rijen:
        try:
            code = _code(rij["swv"])
            if not SWV_CODE.match(code):
                raise ValueError(f"'{rij['swv']}' is geen code van een samenwerkingsverband")
            swv = swvs.get(code)
            if swv is None:
                raise ValueError(f"samenwerkingsverband {rij['swv']} bestaat niet")
            teldatum = _teldatum(rij["teldatum"])
            categorie = rij["categorie"].lower()
            if categorie not in Leerlingcategorie.values:
                raise ValueError(
                    f"categorie '{rij['categorie']}' bestaat niet; kies uit "
                    + ", ".join(Leerlingcategorie.values)
                )
            if categorie not in CATEGORIEEN_PER_SECTOR[swv.sector]:
                raise ValueError(f"categorie {categorie} hoort niet bij sector {swv.sector}")
            if not rij["aantal"].isdigit():
                raise ValueError(f"aantal '{rij['aantal']}' is geen geheel getal van 0 of meer")
            sleutel = (swv.pk, teldatum, categorie)
            if sleutel in gelezen:
                raise ValueError(
                    f"{swv.code} {teldatum} {categorie} staat ook op regel {gelezen[sleutel][0]}"
                )
            gelezen[sleutel] = (regel, int(rij["aantal"]))
        except ValueError as fout:
            fouten.append(f"regel {regel}: {fout}")
    if fouten:
        meer = len(fouten) - MAX_MELDINGEN
        raise ImportGeweigerd(
            f"{len(fouten)} regel(s) kloppen niet; er is niets ingelezen.\n  "
            + "\n  ".join(fouten[:MAX_MELDINGEN])
            + (f"\n  … en nog {meer}" if meer > 0 else "")
        )

    bestaand = {
        (t.swv_id, t.teldatum, t.categorie): t
        for t in Leerlingtelling.objects.filter(
            swv_id__in={k[0] for k in gelezen}, teldatum__in={k[1] for k in gelezen}
        )
    }
    for (swv_id, teldatum, categorie), (_, aantal) in gelezen.items():
        telling = bestaand.get((swv_id, teldatum, categorie))
        if telling is None:
            Leerlingtelling.objects.create(
                swv_id=swv_id, teldatum=teldatum, categorie=categorie, aantal=aantal
            )
            verslag.tel("tellingen aangemaakt")
        elif telling.aantal != aantal:
            telling.aantal = aantal
            telling.save(update_fields=["aantal"])
            verslag.tel("tellingen bijgewerkt")
        else:
            verslag.tel("tellingen ongewijzigd")
    return verslag
