"""The werkagenda of an SWV in oprichting and the subsidy that came with it (ADR 0077).

In 2012 an SWV in oprichting could claim EUR 10 per pupil of the regular schools of its region,
on the condition that it had a werkagenda. The portal does not store the amount: it follows from
the pupil counts, the regular base of the sector (`swv.deelname.NOEMER`: bao and sbo in po; vo,
lwoo and pro in vo) on the last teldatum on or before the request."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from ondersteuningsplan.models import Werkagenda
from swv.deelname import NOEMER
from swv.models import Leerlingtelling, Samenwerkingsverband, Sector

BEDRAG_PER_LEERLING = Decimal(10)
AANVRAAGJAAR = 2012


@dataclass(frozen=True)
class Subsidie:
    """What a request was worth: the pupils of the regular base on `teldatum` times EUR 10.
    `teldatum` None: no count on or before the request, so no amount can be computed."""

    teldatum: datetime.date | None
    leerlingen: int

    @property
    def bedrag(self) -> Decimal:
        return BEDRAG_PER_LEERLING * self.leerlingen


def subsidies(werkagendas) -> dict[int, Subsidie]:
    """The subsidy of every werkagenda with a request, by SWV id, in one query (with their
    SWVs selected along)."""
    aanvragen = {w.swv_id: w for w in werkagendas if w.subsidie_aangevraagd_op}
    if not aanvragen:
        return {}
    sectoren = {swv_id: w.swv.sector for swv_id, w in aanvragen.items()}
    tellingen = defaultdict(lambda: defaultdict(int))
    rijen = (
        Leerlingtelling.objects.filter(
            swv_id__in=aanvragen,
            teldatum__lte=max(w.subsidie_aangevraagd_op for w in aanvragen.values()),
        )
        .values("swv_id", "teldatum", "categorie")
        .annotate(aantal=Sum("aantal"))
    )
    for rij in rijen:
        if rij["categorie"] in NOEMER[sectoren[rij["swv_id"]]]:
            tellingen[rij["swv_id"]][rij["teldatum"]] += rij["aantal"]
    uitkomst = {}
    for swv_id, werkagenda in aanvragen.items():
        teldata = [t for t in tellingen[swv_id] if t <= werkagenda.subsidie_aangevraagd_op]
        teldatum = max(teldata, default=None)
        uitkomst[swv_id] = Subsidie(teldatum, tellingen[swv_id][teldatum] if teldatum else 0)
    return uitkomst


def subsidie(werkagenda: Werkagenda | None) -> Subsidie | None:
    if werkagenda is None or not werkagenda.subsidie_aangevraagd_op:
        return None
    return subsidies([werkagenda])[werkagenda.swv_id]


@dataclass(frozen=True)
class Werkagendastand:
    """An SWV's werkagenda as it stood on a peildatum: a request or grant dated later is not
    there yet."""

    werkagenda: Werkagenda
    aangevraagd_op: datetime.date | None
    toegekend_op: datetime.date | None
    subsidie: Subsidie | None


def op_peildatum(swv, peildatum: datetime.date) -> Werkagendastand | None:
    werkagenda = (
        Werkagenda.objects.filter(swv=swv, vastgesteld_op__lte=peildatum)
        .select_related("document", "swv")
        .first()
    )
    if werkagenda is None:
        return None

    def gezet(datum):
        return datum if datum and datum <= peildatum else None

    aangevraagd = gezet(werkagenda.subsidie_aangevraagd_op)
    return Werkagendastand(
        werkagenda,
        aangevraagd,
        gezet(werkagenda.subsidie_toegekend_op),
        subsidie(werkagenda) if aangevraagd else None,
    )


@dataclass(frozen=True)
class Sectorstand:
    """How many SWVs of a sector had a werkagenda, had asked for the subsidy and had been
    granted it on a peildatum, and the total granted."""

    sector: str
    swvs: int
    met_werkagenda: int
    aangevraagd: int
    toegekend: int
    bedrag_toegekend: Decimal

    @property
    def label(self) -> str:
        return Sector(self.sector).label


def per_sector(
    peildatum: datetime.date, aantallen: dict | None = None, swv_ids=None
) -> list[Sectorstand]:
    """Per sector on the peildatum, over all SWVs or those of `swv_ids` (a group's), in three
    queries whatever the number of SWVs (two when the number of SWVs per sector, `aantallen`, is
    known already)."""
    swvs = Samenwerkingsverband.objects.all()
    werkagendas = Werkagenda.objects.filter(vastgesteld_op__lte=peildatum)
    if swv_ids is not None:
        swvs = swvs.filter(pk__in=swv_ids)
        werkagendas = werkagendas.filter(swv__in=swv_ids)
    aantal = aantallen or dict(swvs.values_list("sector").annotate(n=Count("pk")).order_by())
    werkagendas = list(werkagendas.select_related("swv"))
    toegekend = [
        w for w in werkagendas if w.subsidie_toegekend_op and w.subsidie_toegekend_op <= peildatum
    ]
    bedragen = subsidies(toegekend)
    standen = []
    for sector in Sector.values:
        eigen = [w for w in werkagendas if w.swv.sector == sector]
        standen.append(
            Sectorstand(
                sector=sector,
                swvs=aantal.get(sector, 0),
                met_werkagenda=len(eigen),
                aangevraagd=sum(
                    1
                    for w in eigen
                    if w.subsidie_aangevraagd_op and w.subsidie_aangevraagd_op <= peildatum
                ),
                toegekend=sum(1 for w in toegekend if w.swv.sector == sector),
                bedrag_toegekend=sum(
                    (bedragen[w.swv_id].bedrag for w in toegekend if w.swv.sector == sector),
                    Decimal(0),
                ),
            )
        )
    return standen
