"""Import of the CBS gemeente boundaries (GeoJSON, WGS84): each gemeente's CBS code and shape."""

import json
import re
import unicodedata
from pathlib import Path

from django.db import transaction

from accounts.audit import in_bulk
from swv.models import Gemeente
from swv.services.csv_import import ImportGeweigerd, Importverslag, lees_tekst


def normaliseer(naam: str) -> str:
    """Names from CBS and from the region table differ in accents and punctuation
    (Súdwest-Fryslân / Sudwest Fryslan): compare them without either."""
    ascii_naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_naam.lower())


@transaction.atomic
def importeer_gemeentegrenzen(pad: Path) -> Importverslag:
    verslag = Importverslag(pad.name)
    try:
        data = json.loads(lees_tekst(pad))
        features = data["features"]
        eigenschappen = [
            (f["properties"]["statcode"], f["properties"]["statnaam"]) for f in features
        ]
    except (ValueError, KeyError, TypeError) as exc:
        raise ImportGeweigerd(
            f"{pad.name} is geen GeoJSON FeatureCollection met properties.statcode en "
            f"properties.statnaam ({exc.__class__.__name__}: {exc}). Er is niets ingelezen."
        ) from exc

    gemeenten = {normaliseer(g.naam): g for g in Gemeente.objects.all()}
    gevonden, gewijzigd = set(), []
    for feature, (code, naam) in zip(features, eigenschappen, strict=True):
        gemeente = gemeenten.get(normaliseer(naam))
        if gemeente is None:
            verslag.meld(None, f"{code} {naam} staat niet in de regio-indeling; overgeslagen")
            continue
        gevonden.add(gemeente.pk)
        if gemeente.naam != naam:
            verslag.meld(
                None, f"{code}: '{naam}' gekoppeld aan '{gemeente.naam}' (andere spelling)"
            )
        if gemeente.cbs_code != code or gemeente.grens != feature["geometry"]:
            gemeente.cbs_code, gemeente.grens = code, feature["geometry"]
            gewijzigd.append(gemeente)
        else:
            verslag.tel("gemeenten ongewijzigd")
    Gemeente.objects.bulk_update(gewijzigd, ["cbs_code", "grens"])
    in_bulk(gewijzigd, "gewijzigd", tekst=lambda g: g.naam)
    verslag.tel("gemeenten bijgewerkt", len(gewijzigd))
    for gemeente in sorted(gemeenten.values(), key=lambda g: g.naam):
        if gemeente.pk not in gevonden:
            verslag.meld(None, f"{gemeente.naam} heeft geen grens in {pad.name}")
    return verslag
