"""The numbers of the OCW dashboards, independent of any request: the pages, the exports and the
PDF voortgangsrapportage all read them from here.

Each function runs a fixed number of queries whatever the number of SWVs (milestone statuses
through `ondersteuningsplan.selectors.standen`, pupil figures through `swv.deelname`,
thuiszitters through `toezicht.selectors.per_periode`). Percentages are rounded once, here, to
one decimal, so a page, a CSV and an XLSX show the same numbers.
"""

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db.models import QuerySet

from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan import toelichtingen
from ondersteuningsplan.models import RANG, Mijlpaal, Status
from ondersteuningsplan.stappen import Groep
from passend.charts import Grafiek, _slug, lijndiagram, staafdiagram
from swv import deelname
from swv.models import Samenwerkingsverband, Sector
from toezicht import selectors as toezicht_selectors
from toezicht.models import Verzuimsoort

SECTOREN = (Sector.PO, Sector.VO)


def afgerond(waarde: float | None, decimalen: int = 1) -> float | None:
    return None if waarde is None else round(waarde, decimalen)


# -- portfolio ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Portefeuilleregel:
    swv: Samenwerkingsverband
    standen: list[op_selectors.Stand]
    volgende: op_selectors.Stand | None
    #: Milestones and OP cycles missed, met late or at risk that the SWV has not explained yet
    #: (ADR 0082).
    zonder_toelichting: int = 0

    def aantal(self, status: Status) -> int:
        """Counts earlier OP cycles too: a plan adopted late stays late (ADR 0056)."""
        return sum(s.statussen.count(status) for s in self.standen)

    @property
    def cyclus(self) -> op_selectors.Stand | None:
        """The recurring milestone (a new OP every four years), with its cycles."""
        return next((s for s in self.standen if s.cycli), None)

    @property
    def gemist(self) -> int:
        return self.aantal(Status.GEMIST)

    @property
    def risico(self) -> int:
        return self.aantal(Status.RISICO)

    @property
    def te_laat(self) -> int:
        return self.aantal(Status.TE_LAAT)

    @property
    def ergste(self) -> Status | None:
        statussen = [s.status for s in self.standen if s.status]
        return min(statussen, key=RANG.__getitem__, default=None)

    @property
    def risicosleutel(self) -> tuple:
        """Missed milestones first, then at risk, then the nearest open deadline."""
        deadline = self.volgende.deadline if self.volgende else datetime.date.max
        return (-self.gemist, -self.risico, -self.te_laat, deadline, self.swv.code)


def portefeuille(swvs, peildatum: datetime.date) -> list[Portefeuilleregel]:
    """The given SWVs (a queryset) with their statuses on the peildatum and how many of their
    late items they have not explained, riskiest first; six queries."""
    swvs = list(swvs)
    standen = op_selectors.standen(swvs, peildatum)
    uitleg = toelichtingen.van([swv.pk for swv in swvs])

    def onverklaard(swv) -> int:
        return sum(
            1
            for stand in standen[swv.pk]
            for _, toelichting in toelichtingen.delen(swv.pk, stand, uitleg)
            if toelichting is None
        )

    regels = [
        Portefeuilleregel(
            swv, standen[swv.pk], op_selectors.volgende(standen[swv.pk]), onverklaard(swv)
        )
        for swv in swvs
    ]
    return sorted(regels, key=lambda r: r.risicosleutel)


# -- the national monitor ----------------------------------------------------------------------


@dataclass(frozen=True)
class LandelijkeMonitor:
    peildatum: datetime.date
    per_sector: dict[str, op_selectors.Monitor]

    def groepen(self) -> list[tuple[Groep, list[tuple]]]:
        """Per group of steps: (step label, po %, vo %) as the voortgangsrapportage shows."""
        uit = []
        for groep in Groep:
            regels = []
            cijfers = {s: m.groep(groep) for s, m in self.per_sector.items()}
            for i, cijfer in enumerate(cijfers[Sector.PO]):
                regels.append(
                    (
                        cijfer.stap.label,
                        *(afgerond(100 * cijfers[s][i].aandeel) for s in SECTOREN),
                        *(cijfers[s][i].aantal for s in SECTOREN),
                    )
                )
            uit.append((groep, regels))
        return uit

    @property
    def opgericht(self) -> dict[str, int]:
        return {s: m.aantal_opgericht for s, m in self.per_sector.items()}

    @property
    def aantallen(self) -> dict[str, int]:
        return {s: m.aantal_swvs for s, m in self.per_sector.items()}


def landelijke_monitor(peildatum: datetime.date, swv_ids=None) -> LandelijkeMonitor:
    """Both sectors' monitors; six queries. Over the SWVs of `swv_ids` only, if given: a
    group's figures, to stand beside the national ones."""
    return LandelijkeMonitor(
        peildatum,
        {sector: op_selectors.monitor(peildatum, sector, swv_ids) for sector in SECTOREN},
    )


def monitorgrafieken(monitor: LandelijkeMonitor) -> list[Grafiek]:
    """The graphs of the voortgangsrapportage: per group of steps, the share of SWVs per sector
    that passed each step."""
    datum = f"{monitor.peildatum:%d-%m-%Y}"
    return [
        staafdiagram(
            f"{groep.label}: aandeel samenwerkingsverbanden per stap op {datum}",
            [r[0] for r in regels],
            {"po": [r[1] for r in regels], "vo": [r[2] for r in regels]},
            maximum=100,
            id=f"monitor-{groep.value}",
            kolomtitel="Stap",
        )
        for groep, regels in monitor.groepen()
    ]


class Reeks(Sequence):
    """Rows computed a slice at a time: a page asks for fifty, an export for all of them
    (ADR 0024). `aantal` counts the rows, `maak(start, stop)` computes a slice (`stop` None:
    to the end); both are given by the table, so a page costs the same queries whatever the
    number of SWVs. Iterating computes every row once and keeps them."""

    def __init__(self, aantal: Callable[[], int], maak: Callable[[int, int | None], list]):
        self._aantal = aantal
        self._maak = maak
        self._lengte: int | None = None
        self._alle: list | None = None

    def __len__(self) -> int:
        if self._lengte is None:
            self._lengte = len(self._alle) if self._alle is not None else self._aantal()
        return self._lengte

    def __getitem__(self, index):
        if self._alle is not None:
            return self._alle[index]
        if isinstance(index, slice):
            start, stop, stap = index.indices(len(self))
            return self._maak(start, stop)[::stap] if start < stop else []
        if index < 0:
            index += len(self)
        rijen = self._maak(index, index + 1) if index >= 0 else []
        if not rijen:
            raise IndexError(index)
        return rijen[0]

    def __iter__(self) -> Iterator:
        if self._alle is None:
            self._alle = self._maak(0, None)
            self._lengte = len(self._alle)
        return iter(self._alle)

    def map(self, functie: Callable) -> "Reeks":
        """The same rows, each passed through `functie` when it is computed."""
        return Reeks(lambda: len(self), lambda a, b: [functie(r) for r in self._plak(a, b)])

    def _plak(self, start: int, stop: int | None) -> list:
        if self._alle is not None or stop is None:
            return list(self)[start:stop]
        return self[start:stop]


def _swv_reeks(swvs) -> Reeks:
    """SWVs (a queryset, paged in the database, or a list) as a Reeks in their own order."""
    if isinstance(swvs, QuerySet):
        return Reeks(swvs.count, lambda a, b: list(swvs[a:b]))
    swvs = list(swvs)
    return Reeks(lambda: len(swvs), lambda a, b: swvs[a:b])


def _als_queryset(swvs) -> QuerySet:
    if isinstance(swvs, QuerySet):
        return swvs
    return Samenwerkingsverband.objects.filter(pk__in=[s.pk for s in swvs])


@dataclass(frozen=True)
class Matrix:
    """SWV by mijlpaal: each SWV's status per milestone of its sector on the peildatum. The
    rows are computed per page (`rijen[a:b]`); iterating them computes every row."""

    peildatum: datetime.date
    mijlpalen: list[Mijlpaal]
    rijen: Reeks  # of (Samenwerkingsverband, [Stand | None per milestone])
    swvs: QuerySet | list
    alle_mijlpalen: list[Mijlpaal]  # the whole schedule, timeline moments included


def matrix(swvs, peildatum: datetime.date) -> Matrix:
    """Two queries (the schedule, the sectors present); then one to count the rows and four
    for each slice (its SWVs, exceptions, facts, OPR decisions). The columns are the
    milestones with a status (not moments on the timeline), in schedule order; an SWV of the
    other sector has None in a column that is not its own."""
    sectoren = (
        set(swvs.order_by().values_list("sector", flat=True).distinct())
        if isinstance(swvs, QuerySet)
        else {s.sector for s in swvs}
    )
    alle_mijlpalen = list(Mijlpaal.objects.order_by("volgorde"))
    mijlpalen = [
        m
        for m in alle_mijlpalen
        if not m.alleen_tijdlijn and (not m.sector or m.sector in sectoren)
    ]
    swvs_reeks = _swv_reeks(swvs)

    def rijen(start: int, stop: int | None) -> list:
        deel = swvs_reeks[start:stop] if stop is not None else list(swvs_reeks)[start:]
        standen = op_selectors.standen(deel, peildatum, alle_mijlpalen)
        uit = []
        for swv in deel:
            per_mijlpaal = {s.mijlpaal.pk: s for s in standen[swv.pk]}
            uit.append((swv, [per_mijlpaal.get(m.pk) for m in mijlpalen]))
        return uit

    return Matrix(peildatum, mijlpalen, Reeks(lambda: len(swvs_reeks), rijen), swvs, alle_mijlpalen)


#: The statuses of the list "who is late", in its order.
ACHTERSTAND = (Status.GEMIST, Status.RISICO, Status.TE_LAAT)


def achterstanden(matrix_: Matrix) -> Reeks:
    """Who is late: every missed, at-risk and late-met milestone of the matrix's SWVs, and
    every earlier OP cycle adopted late, worst first, then by deadline and code (then in
    schedule order), as (swv, Stand).

    The statuses come from the one status engine (`ondersteuningsplan.selectors.standen`,
    i.e. `bereken_stand`) over all the matrix's SWVs at once, in five queries: for the
    country's 150 SWVs this takes milliseconds (ADR 0027). The sorted list is computed once
    per `Reeks`; a page is a slice of it."""
    rangen = {status: i for i, status in enumerate(ACHTERSTAND)}
    kolommen = {m.pk for m in matrix_.mijlpalen}
    regels: list[tuple] = []

    def bereken() -> list[tuple]:
        if regels or not kolommen:
            return regels
        swvs = list(_als_queryset(matrix_.swvs).order_by())
        standen = op_selectors.standen(swvs, matrix_.peildatum, matrix_.alle_mijlpalen)
        for swv in swvs:
            for stand in standen[swv.pk]:
                m = stand.mijlpaal
                if m.pk not in kolommen:
                    continue
                # An earlier OP cycle adopted late stays on the list, as its own row.
                for cyclus in stand.eerdere_cycli:
                    if cyclus.status in rangen:
                        eerder = op_selectors.Stand(
                            m, cyclus.deadline, cyclus.status, cyclus.behaald_op, (), (cyclus,)
                        )
                        sleutel = (rangen[cyclus.status], cyclus.deadline, swv.code, m.volgorde)
                        regels.append(((*sleutel, m.pk), swv, eerder))
                if stand.status in rangen:
                    sleutel = (rangen[stand.status], stand.deadline, swv.code, m.volgorde, m.pk)
                    regels.append((sleutel, swv, stand))
        regels.sort(key=lambda regel: regel[0])
        return regels

    def rijen(start: int, stop: int | None) -> list:
        return [(swv, stand) for _, swv, stand in bereken()[start:stop]]

    return Reeks(lambda: len(bereken()), rijen)


# -- pupil figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Deelnameregel:
    """One SWV's (or the country's) participation on one teldatum, with its changes."""

    teldatum: datetime.date
    basis: int
    percentages: dict[str, float | None]
    t_o_v_vorige: dict[str, float | None]
    t_o_v_eerste: dict[str, float | None]
    zwaar: float | None
    verevening: deelname.Verevening | None = None
    swv: Samenwerkingsverband | None = None


def _verschil(nu: float | None, toen: float | None) -> float | None:
    if nu is None or toen is None:
        return None
    return round(nu - toen, 2)


def _reeks(deelnames: list[deelname.Deelname], land=None, swv=None) -> list[Deelnameregel]:
    """Deelnames of one SWV or the country, oldest first, with change against the previous
    teldatum and against the first, in percentage points (rounded to two decimals, computed
    from the rounded percentages so that the table adds up)."""
    regels = []
    eerste = vorige = None
    for d in deelnames:
        pct = {maat: afgerond(w, 2) for maat, w in d.percentages.items()}
        regels.append(
            Deelnameregel(
                teldatum=d.teldatum,
                basis=d.basis,
                percentages=pct,
                t_o_v_vorige={m: _verschil(w, vorige and vorige[m]) for m, w in pct.items()},
                t_o_v_eerste={m: _verschil(w, eerste and eerste[m]) for m, w in pct.items()},
                zwaar=afgerond(d.zwaar, 2),
                verevening=deelname.verevening(d, land[d.teldatum])
                if land and d.teldatum in land
                else None,
                swv=swv,
            )
        )
        eerste = eerste or pct
        vorige = pct
    return regels


def deelname_landelijk(sector: str) -> list[Deelnameregel]:
    """The country's participation per teldatum, oldest first; one query."""
    land = deelname.landelijk(sector)
    return _reeks([land[t] for t in sorted(land)])


def deelname_groep(sector: str, groepering) -> list[Deelnameregel]:
    """A group's participation per teldatum, over the SWVs in it on that teldatum, with its
    verevening against the country; two queries."""
    land = deelname.landelijk(sector)
    groep = deelname.landelijk(sector, groepering=groepering)
    return _reeks([groep[t] for t in sorted(groep)], land)


def deelname_per_swv(sector: str, swvs=None) -> dict[int, list[Deelnameregel]]:
    """Per SWV (of the sector, or of `swvs`), its participation per teldatum with changes and
    verevening against the national figure of the same teldatum; three queries."""
    land = deelname.landelijk(sector)
    per = deelname.per_swv(sector, swvs)
    swv_qs = Samenwerkingsverband.objects.filter(sector=sector)
    if swvs is not None:
        swv_qs = swv_qs.filter(pk__in=swvs)
    objecten = {s.pk: s for s in swv_qs.order_by("code")}
    reeksen: dict[int, list] = {}
    for (swv_id, _), d in sorted(per.items(), key=lambda kv: kv[0][1]):
        reeksen.setdefault(swv_id, []).append(d)
    return {pk: _reeks(reeksen[pk], land, swv) for pk, swv in objecten.items() if pk in reeksen}


def deelnamegrafiek(sector: str, regels: list[Deelnameregel], wie: str = "landelijk") -> Grafiek:
    maten = [m for m in deelname.TELLERS[sector] if m not in ("so", "vso")]
    return lijndiagram(
        f"Deelnamepercentages {sector.lower()} {wie} per teldatum",
        [f"{r.teldatum:%d-%m-%Y}" for r in regels],
        {deelname.LABELS[m]: [r.percentages[m] for r in regels] for m in maten},
        eenheid="%",
        id=f"deelname-{sector.lower()}-{_slug(wie)}",
        kolomtitel="Teldatum",
    )


# -- thuiszitters ------------------------------------------------------------------------------


@dataclass
class Thuiszitterregel:
    periode_van: datetime.date
    periode_tot: datetime.date
    totaal: int
    per_soort: dict[str, int]
    per_duur: dict[str, int]
    met_aanbod: int
    zonder_aanbod: int
    lang_zonder_aanbod: int
    verschil: int | None = None  # against the previous round, over the SWVs in both
    swv: Samenwerkingsverband | None = field(default=None)
    ingediend: int | None = None  # how many SWVs the figures hold, of
    verwacht: int | None = None  # how many should have submitted
    vergeleken: int = 0  # how many SWVs the difference is over

    @property
    def voorlopig(self) -> bool:
        return self.verwacht is not None and (self.ingediend or 0) < self.verwacht

    @property
    def stand(self) -> str:
        if self.verwacht is None:
            return ""
        woord = "voorlopig" if self.voorlopig else "compleet"
        return f"{woord}: {self.ingediend} van {self.verwacht} samenwerkingsverbanden"


def _thuiszitterregel(p, *verschil, **extra) -> Thuiszitterregel:
    """One row of the thuiszitter tables from one period's figures (`Periodecijfers`)."""
    return Thuiszitterregel(
        p.periode_van,
        p.periode_tot,
        p.totaal,
        p.per_soort(),
        p.per_duur(),
        p.met_aanbod,
        p.zonder_aanbod,
        p.lang_zonder_aanbod,
        *verschil,
        **extra,
    )


def thuiszitters(
    swvs=None,
    tot: datetime.date | None = None,
    weergave: str = "alle",
    groepering=None,
    vanaf: datetime.date | None = None,
) -> list[Thuiszitterregel]:
    """The counts per reporting round that has ended, summed over the given SWVs (all when
    None), oldest first: how many SWVs are in (voorlopig or compleet) and the change against the
    previous round over the SWVs in both; with a group, over its members of each round. The one
    source for page, API and PDF (`toezicht.selectors.rondecijfers`); a fixed number of
    queries."""
    if swvs is None:
        swvs = Samenwerkingsverband.objects.all()
    elif not isinstance(swvs, QuerySet):
        swvs = Samenwerkingsverband.objects.filter(pk__in=[s.pk for s in swvs])
    return [
        _thuiszitterregel(
            r.cijfers,
            r.verschil,
            ingediend=r.ingediend,
            verwacht=r.verwacht,
            vergeleken=r.vergeleken,
        )
        for r in toezicht_selectors.rondecijfers(swvs, tot, weergave, groepering, vanaf)
    ]


def thuiszitters_per_swv(swvs, periode_van: datetime.date) -> list[Thuiszitterregel]:
    """Each SWV's counts in one period (SWVs without a registration left out); two queries."""
    from django.db.models import Sum

    from toezicht.models import Thuiszittertelling

    rijen = (
        Thuiszittertelling.objects.filter(
            registratie__swv__in=swvs, registratie__periode_van=periode_van
        )
        .values("registratie__swv_id", "registratie__periode_tot", "soort", "duur", "met_aanbod")
        .annotate(aantal=Sum("aantal"))
        .order_by()
    )
    cellen: dict[int, dict] = {}
    tot: dict[int, datetime.date] = {}
    for r in rijen:
        pk = r["registratie__swv_id"]
        tot[pk] = r["registratie__periode_tot"]
        cellen.setdefault(pk, {})[(r["soort"], r["duur"], r["met_aanbod"])] = r["aantal"]
    uit = []
    for swv in Samenwerkingsverband.objects.filter(pk__in=list(cellen)).order_by("code"):
        p = toezicht_selectors.Periodecijfers(periode_van, tot[swv.pk], cellen[swv.pk])
        uit.append(_thuiszitterregel(p, swv=swv))
    return uit


def thuiszittergrafiek(regels: list[Thuiszitterregel], wie: str = "landelijk") -> Grafiek:
    """Complete rounds on the lines; a round not every SWV has submitted yet stands apart as
    "totaal, voorlopig", so a half-filled round never reads as a drop."""
    return lijndiagram(
        f"Thuiszitters {wie} per periode",
        [f"{r.periode_van:%m-%Y}" for r in regels],
        {
            "totaal": [None if r.voorlopig else r.totaal for r in regels],
            "totaal, voorlopig": [r.totaal if r.voorlopig else None for r in regels],
            **{
                Verzuimsoort(s).label.split(" (")[0]: [r.per_soort[s] for r in regels]
                for s in Verzuimsoort.values
            },
            "3 maanden of langer zonder aanbod": [r.lang_zonder_aanbod for r in regels],
        },
        id=f"thuiszitters-{_slug(wie)}",
        kolomtitel="Periode",
    )
