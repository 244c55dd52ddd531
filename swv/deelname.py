"""Deelnamepercentages: special provision against the regular base of the sector, per SWV and
nationally, per teldatum (DOMAIN.md, "Money and pupils").

po: sbo% = sbo / (bao + sbo); so% = so / (bao + sbo), per cluster and together
vo: lwoo%, pro%, vso% = each / (vo + lwoo + pro), vso per cluster and together

Heavy support (the basis of verevening) is so cluster 3 and 4 in po and vso cluster 3 and 4 in
vo: cluster 1 and 2 are funded nationally. An SWV whose heavy-support share is below the
national average gains under verevening (positief), above it loses (negatief).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from swv.models import Leerlingtelling, Sector
from swv.selectors import in_groep_op, ooit_in_groep

NOEMER = {Sector.PO: ("bao", "sbo"), Sector.VO: ("vo", "lwoo", "pro")}
TELLERS = {
    Sector.PO: {
        "sbo": ("sbo",),
        "so_cl1": ("so_cl1",),
        "so_cl2": ("so_cl2",),
        "so_cl34": ("so_cl34",),
        "so": ("so_cl1", "so_cl2", "so_cl34"),
    },
    Sector.VO: {
        "lwoo": ("lwoo",),
        "pro": ("pro",),
        "vso_cl1": ("vso_cl1",),
        "vso_cl2": ("vso_cl2",),
        "vso_cl34": ("vso_cl34",),
        "vso": ("vso_cl1", "vso_cl2", "vso_cl34"),
    },
}
ZWAAR = {Sector.PO: "so_cl34", Sector.VO: "vso_cl34"}
LABELS = {
    "sbo": "sbo",
    "so_cl1": "so cluster 1",
    "so_cl2": "so cluster 2",
    "so_cl34": "so cluster 3 en 4",
    "so": "so totaal",
    "lwoo": "lwoo",
    "pro": "pro",
    "vso_cl1": "vso cluster 1",
    "vso_cl2": "vso cluster 2",
    "vso_cl34": "vso cluster 3 en 4",
    "vso": "vso totaal",
}


@dataclass(frozen=True)
class Deelname:
    """The participation rates of one SWV (or of the country, `swv_id` None) on a teldatum."""

    sector: str
    teldatum: datetime.date
    aantallen: dict[str, int]
    swv_id: int | None = None

    @property
    def basis(self) -> int:
        return sum(self.aantallen.get(c, 0) for c in NOEMER[self.sector])

    @property
    def percentages(self) -> dict[str, float | None]:
        """Per measure (see TELLERS) the share in percent, None when the base is 0."""
        basis = self.basis
        return {
            maat: (100 * sum(self.aantallen.get(c, 0) for c in cats) / basis if basis else None)
            for maat, cats in TELLERS[self.sector].items()
        }

    @property
    def zwaar(self) -> float | None:
        return self.percentages[ZWAAR[self.sector]]


def _groepeer(rijen, sector, per_swv=True) -> dict:
    aantallen = defaultdict(dict)
    for rij in rijen:
        sleutel = (rij["swv_id"] if per_swv else None, rij["teldatum"])
        aantallen[sleutel][rij["categorie"]] = rij["aantal"]
    return {
        sleutel: Deelname(sector, sleutel[1], tellingen, sleutel[0])
        for sleutel, tellingen in aantallen.items()
    }


def per_swv(
    sector: str,
    swvs=None,
    teldatum: datetime.date | None = None,
    vanaf: datetime.date | None = None,
    groepering=None,
):
    """{(swv_id, teldatum): Deelname} for the SWVs of a sector (all teldata unless one is
    given, or the teldata from `vanaf` on), in one query; with a group, only the teldata on
    which the SWV was in it."""
    tellingen = Leerlingtelling.objects.filter(swv__sector=sector)
    if groepering is not None:
        tellingen = tellingen.filter(swv__in=ooit_in_groep(groepering)).filter(
            in_groep_op(groepering, "teldatum")
        )
    if swvs is not None:
        tellingen = tellingen.filter(swv__in=swvs)
    if teldatum is not None:
        tellingen = tellingen.filter(teldatum=teldatum)
    if vanaf is not None:
        tellingen = tellingen.filter(teldatum__gte=vanaf)
    return _groepeer(tellingen.values("swv_id", "teldatum", "categorie", "aantal"), sector)


def landelijk(
    sector: str,
    teldatum: datetime.date | None = None,
    vanaf: datetime.date | None = None,
    groepering=None,
) -> dict:
    """{teldatum: Deelname} of the whole country, the sum of every SWV's counts, in one query;
    with a group, the sum over the SWVs that were in it on each teldatum."""
    tellingen = Leerlingtelling.objects.filter(swv__sector=sector)
    if groepering is not None:
        tellingen = tellingen.filter(swv__in=ooit_in_groep(groepering)).filter(
            in_groep_op(groepering, "teldatum")
        )
    if teldatum is not None:
        tellingen = tellingen.filter(teldatum=teldatum)
    if vanaf is not None:
        tellingen = tellingen.filter(teldatum__gte=vanaf)
    rijen = tellingen.values("teldatum", "categorie").annotate(aantal=Sum("aantal")).order_by()
    return {
        sleutel[1]: deelname
        for sleutel, deelname in _groepeer(
            ({**r, "swv_id": None} for r in rijen), sector, per_swv=False
        ).items()
    }


def teldata(sector: str | None = None) -> list[datetime.date]:
    tellingen = Leerlingtelling.objects.all()
    if sector:
        tellingen = tellingen.filter(swv__sector=sector)
    return sorted(tellingen.order_by().values_list("teldatum", flat=True).distinct())


@dataclass(frozen=True)
class Verevening:
    richting: str  # "positief", "negatief" or "gelijk"
    verschil: float  # percentage points against the national average

    @property
    def label(self) -> str:
        return {
            "positief": "positieve verevening (onder het landelijk gemiddelde)",
            "negatief": "negatieve verevening (boven het landelijk gemiddelde)",
            "gelijk": "gelijk aan het landelijk gemiddelde",
        }[self.richting]


def verevening(swv: Deelname, land: Deelname) -> Verevening | None:
    if swv.zwaar is None or land.zwaar is None:
        return None
    verschil = swv.zwaar - land.zwaar
    if abs(verschil) < 0.005:
        return Verevening("gelijk", 0.0)
    return Verevening("positief" if verschil < 0 else "negatief", verschil)
