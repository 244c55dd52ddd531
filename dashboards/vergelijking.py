"""One SWV's participation beside the SWVs it is compared with, each comparison stating which SWVs
it holds: its sector nationally, its neighbours (the SWVs of its sector with which it shares a
gemeente on the peildatum) and those of a similar size (the quarter of its sector whose base on
the latest teldatum is nearest its own). A comparison's figure is the sum of its SWVs' counts, as
the national figure is; the comparisons hold the SWVs of the peildatum for every teldatum, so a
trend compares like with like.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from passend import formatting
from swv import deelname
from swv.models import Regiotoewijzing, Samenwerkingsverband
from toezicht import selectors as toezicht_selectors
from toezicht.models import Rapportageronde, Thuiszitterregistratie

#: Into how many bands of equal size the SWVs of a sector are split by their base.
OMVANGBANDEN = 4


@dataclass(frozen=True)
class Vergelijking:
    naam: str
    uitleg: str
    swvs: list[Samenwerkingsverband]
    reeks: dict[datetime.date, deelname.Deelname]  # per teldatum, summed over `swvs`


@dataclass(frozen=True)
class Deelnamevergelijking:
    swv: Samenwerkingsverband
    peildatum: datetime.date
    teldata: list[datetime.date]  # on or before the peildatum, oldest first
    eigen: dict[datetime.date, deelname.Deelname]
    vergelijkingen: list[Vergelijking]  # the sector first
    #: All pupils of each SWV of the sector per teldatum: {(swv id, teldatum): count}.
    leerlingen: dict[tuple[int, datetime.date], int]

    @property
    def teldatum(self) -> datetime.date | None:
        return self.teldata[-1] if self.teldata else None

    @property
    def landelijk(self) -> Vergelijking:
        return self.vergelijkingen[0]

    def verevening(self, teldatum: datetime.date) -> deelname.Verevening | None:
        eigen, land = self.eigen.get(teldatum), self.landelijk.reeks.get(teldatum)
        return deelname.verevening(eigen, land) if eigen and land else None

    @property
    def richting(self) -> tuple[float, float] | None:
        """The difference with the national heavy-support share on the last two teldata that
        have one (before, now), in percentage points: the direction of travel of verevening."""
        verschillen = [
            (t, v.verschil) for t in self.teldata if (v := self.verevening(t)) is not None
        ]
        if len(verschillen) < 2:
            return None
        return verschillen[-2][1], verschillen[-1][1]


def vereveningszin(v: Deelnamevergelijking) -> str:
    """Verevening on the last teldatum and its direction of travel, in one Dutch sentence."""
    verevening = v.verevening(v.teldatum) if v.teldatum else None
    if verevening is None:
        return "Niet te berekenen: er is geen basis om de deelname tegen af te zetten."
    eigen, land = v.eigen[v.teldatum].zwaar, v.landelijk.reeks[v.teldatum].zwaar
    zin = (
        f"{verevening.label[0].upper()}{verevening.label[1:]}: {formatting.procent(eigen, 2)} "
        f"tegen {formatting.procent(land, 2)} landelijk."
    )
    if v.richting is None:
        return zin
    vorig, nu = (round(x, 2) for x in v.richting)  # as the sentence shows them
    if abs(nu) < abs(vorig):
        gevolg = "het verschil met het landelijk gemiddelde wordt kleiner"
    elif abs(nu) > abs(vorig):
        gevolg = "het verschil met het landelijk gemiddelde wordt groter"
    else:
        gevolg = "het verschil blijft gelijk"
    return (
        f"{zin} Op de teldatum ervoor was het verschil {formatting.procentpunten(vorig)}, nu "
        f"{formatting.procentpunten(nu)}: {gevolg}."
    )


def buren(swv: Samenwerkingsverband, peildatum: datetime.date) -> list[int]:
    """The SWVs of the same sector that hold part of one of this SWV's gemeenten on the
    peildatum (one query)."""
    regio = Regiotoewijzing.objects.geldig_op(peildatum)
    gemeenten = regio.filter(swv=swv).values("postcodegebied__gemeente_id")
    return list(
        regio.filter(sector=swv.sector, postcodegebied__gemeente_id__in=gemeenten)
        .exclude(swv=swv)
        .order_by()
        .values_list("swv_id", flat=True)
        .distinct()
    )


def _som(per_swv: dict, ids: set[int]) -> dict[datetime.date, deelname.Deelname]:
    aantallen: dict[datetime.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sector = None
    for (swv_id, teldatum), d in per_swv.items():
        if swv_id in ids:
            sector = d.sector
            for categorie, aantal in d.aantallen.items():
                aantallen[teldatum][categorie] += aantal
    return {t: deelname.Deelname(sector, t, dict(a)) for t, a in aantallen.items()}


def _omvangband(per_swv: dict, swv_id: int, teldatum: datetime.date) -> list[int]:
    """The ids of the SWVs in the same size band as `swv_id` on the teldatum: the sector's SWVs
    sorted by their base and cut into OMVANGBANDEN bands of (nearly) equal size."""
    bases = sorted((d.basis, i) for (i, t), d in per_swv.items() if t == teldatum and d.basis > 0)
    ids = [i for _, i in bases]
    if swv_id not in ids:
        return []
    plek = ids.index(swv_id)
    grenzen = [round(b * len(ids) / OMVANGBANDEN) for b in range(OMVANGBANDEN + 1)]
    # the band that holds the SWV (with fewer SWVs than bands, some bands are empty)
    van, tot = next(
        (grenzen[b], grenzen[b + 1])
        for b in range(OMVANGBANDEN)
        if grenzen[b] <= plek < grenzen[b + 1]
    )
    return ids[van:tot]


def vergelijk(swv: Samenwerkingsverband, peildatum: datetime.date) -> Deelnamevergelijking:
    """The SWV's participation per teldatum beside its comparisons; four queries, whatever the
    number of SWVs."""
    sector = swv.sector
    per_swv = {
        sleutel: d for sleutel, d in deelname.per_swv(sector).items() if sleutel[1] <= peildatum
    }
    eigen = {t: d for (i, t), d in per_swv.items() if i == swv.pk}
    teldata = sorted(eigen)
    sectorlabel = swv.get_sector_display().lower()
    alle = {s.pk: s for s in Samenwerkingsverband.objects.filter(sector=sector).order_by("code")}

    def vergelijking(naam, uitleg, ids) -> Vergelijking:
        leden = [s for pk, s in alle.items() if pk in ids]
        return Vergelijking(naam, uitleg, leden, _som(per_swv, set(ids)))

    vergelijkingen = [
        vergelijking(
            f"Landelijk ({sector.lower()})",
            f"Alle samenwerkingsverbanden in het {sectorlabel}.",
            set(alle),
        ),
        vergelijking(
            "Buren",
            f"De samenwerkingsverbanden in het {sectorlabel} die op {formatting.datum_lang(peildatum)} "
            "een deel van een van zijn gemeenten hebben.",
            set(buren(swv, peildatum)),
        ),
    ]
    if teldata:
        band = _omvangband(per_swv, swv.pk, teldata[-1])
        bases = [per_swv[(i, teldata[-1])].basis for i in band]
        vergelijkingen.append(
            vergelijking(
                "Vergelijkbare omvang",
                f"Het kwart van de samenwerkingsverbanden in het {sectorlabel} met een basis "
                f"van {formatting.getal(min(bases))} tot en met {formatting.getal(max(bases))} "
                f"leerlingen op {formatting.datum_lang(teldata[-1])}, dit samenwerkingsverband "
                "niet meegeteld.",
                set(band) - {swv.pk},
            )
        )
    leerlingen = {sleutel: sum(d.aantallen.values()) for sleutel, d in per_swv.items()}
    return Deelnamevergelijking(swv, peildatum, teldata, eigen, vergelijkingen, leerlingen)


#: How many of the latest rounds the thuiszitter comparison shows.
RONDES = 6


@dataclass(frozen=True)
class Rondecijfer:
    """A comparison's thuiszitters in one round: per 1,000 pupils over the SWVs that had
    submitted it (with a count of their pupils), and how many of its SWVs those are."""

    per_duizend: float | None
    ingediend: int
    verwacht: int

    @property
    def volledigheidstekst(self) -> str:
        """Such as "compleet: 8 van 8" or "voorlopig: 5 van 8"; empty for a comparison of no SWVs."""
        if not self.verwacht:
            return ""
        woord = "compleet" if self.ingediend >= self.verwacht else "voorlopig"
        return f"{woord}: {self.ingediend} van {self.verwacht}"


@dataclass(frozen=True)
class Ronderegel:
    ronde: Rapportageronde
    registratie: Thuiszitterregistratie | None
    totaal: int | None
    eigen: Rondecijfer
    vergelijkingen: list[Rondecijfer]  # in the order of `Deelnamevergelijking.vergelijkingen`


def _teldatum_voor(teldata: list[datetime.date], dag: datetime.date) -> datetime.date | None:
    eerder = [t for t in teldata if t <= dag]
    return eerder[-1] if eerder else None


def thuiszitters(v: Deelnamevergelijking, aantal: int = RONDES) -> list[Ronderegel]:
    """The SWV's latest rounds ended before the peildatum, newest first, each with the
    thuiszitters per 1,000 pupils of the SWV and of each comparison (like with like: only the
    SWVs that had submitted the round, with their pupils on the teldatum before the period's
    end); three queries."""
    rondelijst = list(toezicht_selectors.rondes(v.peildatum))[-aantal:][::-1]
    if not rondelijst:
        return []
    ids = {s.pk for x in v.vergelijkingen for s in x.swvs} | {v.swv.pk}
    totalen = toezicht_selectors.totalen_per_swv(
        Samenwerkingsverband.objects.filter(pk__in=ids), rondelijst, v.peildatum
    )
    registraties = {
        r.ronde_id: r
        for r in Thuiszitterregistratie.objects.filter(swv=v.swv, ronde__in=rondelijst)
        .filter(Q(ingediend_op__isnull=True) | Q(ingediend_op__date__lt=v.peildatum))
        .select_related("ronde")
    }
    teldata = sorted({t for _, t in v.leerlingen})

    def cijfer(swv_ids, per_swv: dict[int, int], teldatum) -> Rondecijfer:
        teller = noemer = ingediend = 0
        for i in swv_ids:
            if i in per_swv:
                ingediend += 1
                leerlingen = v.leerlingen.get((i, teldatum), 0)
                if leerlingen:
                    teller += per_swv[i]
                    noemer += leerlingen
        return Rondecijfer(1000 * teller / noemer if noemer else None, ingediend, len(swv_ids))

    uit = []
    for ronde in rondelijst:
        per_swv = totalen.get(ronde.pk, {})
        teldatum = _teldatum_voor(teldata, ronde.periode_tot)
        uit.append(
            Ronderegel(
                ronde,
                registraties.get(ronde.pk),
                per_swv.get(v.swv.pk),
                cijfer([v.swv.pk], per_swv, teldatum),
                [cijfer([s.pk for s in x.swvs], per_swv, teldatum) for x in v.vergelijkingen],
            )
        )
    return uit
