"""How far every samenwerkingsverband is, as of any peildatum.

Everything here reads; nothing writes. A status depends only on the dates of facts (a fact
dated after the peildatum does not exist yet on that day), never on when it was recorded, so a
report for 1 February 2013 shows that day's state. Each function runs a fixed number of queries
whatever the number of SWVs: facts are aggregated in the database, statuses computed in Python.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import (
    Count,
    Max,
    Min,
    Q,
    QuerySet,
)

from ondersteuningsplan.models import (
    OOGO,
    Besluit,
    Feit,
    Mijlpaal,
    MijlpaalUitzondering,
    OPRBesluit,
    OPRLid,
    Status,
)
from ondersteuningsplan.stappen import REGELS, Groep, Stap
from swv.models import Samenwerkingsverband


def plus_jaren(datum: datetime.date, jaren: int) -> datetime.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


@dataclass
class Stapdata:
    """The dates of an SWV's steps as of a peildatum: the first (when the step was first done)
    and the last (for duties that recur, such as a new OP every four years)."""

    eerste: dict[str, datetime.date] = field(default_factory=dict)
    laatste: dict[str, datetime.date] = field(default_factory=dict)
    #: Per step of a plan, its date in each OP version, oldest first: the cycles read these.
    per_plan: dict[str, list[datetime.date]] = field(default_factory=dict)

    def zet(self, stap: str, eerste: datetime.date, laatste: datetime.date, per_plan: bool = False):
        if stap not in self.eerste or eerste < self.eerste[stap]:
            self.eerste[stap] = eerste
        if stap not in self.laatste or laatste > self.laatste[stap]:
            self.laatste[stap] = laatste
        if per_plan:
            reeks = self.per_plan.setdefault(stap, [])
            reeks.append(eerste)
            reeks.sort()


def stapdata(
    swv_ids, peildatum: datetime.date, zonder_feit: int | None = None
) -> dict[int, Stapdata]:
    """The step dates of the given SWVs (ids or a queryset of them), in two queries; as they
    would be without the fact `zonder_feit` (a pk), when given."""
    data: dict[int, Stapdata] = defaultdict(Stapdata)
    feiten = Feit.objects.filter(swv__in=swv_ids, datum__lte=peildatum)
    if zonder_feit is not None:
        feiten = feiten.exclude(pk=zonder_feit)
    feiten = (
        feiten.values("swv_id", "stap", "ondersteuningsplan_id")
        .annotate(eerste=Min("datum"), laatste=Max("datum"))
        .order_by()
    )
    for rij in feiten:
        data[rij["swv_id"]].zet(
            rij["stap"],
            rij["eerste"],
            rij["laatste"],
            per_plan=rij["ondersteuningsplan_id"] is not None,
        )
    besluiten = (
        OPRBesluit.objects.filter(
            ondersteuningsplan__swv__in=swv_ids, datum_voorgelegd__lte=peildatum
        )
        .values("ondersteuningsplan__swv_id")
        .annotate(
            voorgelegd_eerste=Min("datum_voorgelegd"),
            voorgelegd_laatste=Max("datum_voorgelegd"),
            akkoord_eerste=Min("datum_besluit", filter=_akkoord_op(peildatum)),
            akkoord_laatste=Max("datum_besluit", filter=_akkoord_op(peildatum)),
        )
        .order_by()
    )
    for rij in besluiten:
        stap = data[rij["ondersteuningsplan__swv_id"]]
        stap.zet(Stap.VOORGELEGD_OPR, rij["voorgelegd_eerste"], rij["voorgelegd_laatste"])
        if rij["akkoord_eerste"]:
            stap.zet(Stap.AKKOORD_OPR, rij["akkoord_eerste"], rij["akkoord_laatste"])
    return data


def _akkoord_op(peildatum):
    return Q(besluit=Besluit.INSTEMMING, datum_besluit__lte=peildatum)


def duur(dagen: int, van: datetime.date | None = None) -> str:
    """A delay in Dutch words: "12 dagen", "1 maand", "10 maanden" (calendar months from
    `van` when given, so 20 January to 20 November is ten months)."""
    van = van or datetime.date(2001, 1, 1)
    verschil = relativedelta(van + datetime.timedelta(days=dagen), van)
    maanden = verschil.years * 12 + verschil.months
    if maanden:
        return "1 maand" if maanden == 1 else f"{maanden} maanden"
    return "1 dag" if dagen == 1 else f"{dagen} dagen"


@dataclass(frozen=True)
class Cyclus:
    """One round of a recurring milestone (a new OP every four years): from the adoption of the
    previous plan (none for the first) to its deadline, met by the adoption of the next plan.
    Its outcome is computed from dates only, so it stays when later plans arrive."""

    nummer: int
    begin: datetime.date | None
    deadline: datetime.date
    behaald_op: datetime.date | None
    status: Status

    @property
    def naam(self) -> str:
        if self.begin is None:
            return f"eerste, tot {self.deadline.year}"
        return f"{self.begin.year}-{self.deadline.year}"

    @property
    def dagen_te_laat(self) -> int | None:
        if self.behaald_op is None or self.behaald_op <= self.deadline:
            return None
        return (self.behaald_op - self.deadline).days

    @property
    def te_laat_tekst(self) -> str:
        dagen = self.dagen_te_laat
        return duur(dagen, self.deadline) if dagen else ""

    @property
    def uitkomst(self) -> str:
        """The outcome in words: "te laat behaald (10 maanden)", "gemist", "open"."""
        tekst = self.status.label.lower()
        if self.status == Status.TE_LAAT:
            return f"{tekst} ({self.te_laat_tekst})"
        return tekst


@dataclass(frozen=True)
class Stand:
    """A milestone's state for one SWV on a peildatum. For a recurring milestone, the state of
    its current cycle, with every cycle up to the peildatum (oldest first)."""

    mijlpaal: Mijlpaal
    deadline: datetime.date | None
    status: Status | None  # None: a moment on the timeline, or a duty not yet due
    behaald_op: datetime.date | None = None
    ontbrekend: tuple[str, ...] = ()
    cycli: tuple[Cyclus, ...] = ()

    @property
    def ontbrekend_labels(self) -> list[str]:
        return [Stap(stap).label for stap in self.ontbrekend]

    @property
    def cyclus(self) -> Cyclus | None:
        """The current cycle: the one whose plan is not adopted yet."""
        return self.cycli[-1] if self.cycli else None

    @property
    def vorige_cyclus(self) -> Cyclus | None:
        return self.cycli[-2] if len(self.cycli) > 1 else None

    @property
    def eerdere_cycli(self) -> tuple[Cyclus, ...]:
        return self.cycli[:-1]

    @property
    def statussen(self) -> list[Status]:
        """The current status and the outcome of every earlier cycle: what a count of late or
        missed milestones counts, so a late plan is not forgotten once the next is due."""
        eerder = [c.status for c in self.eerdere_cycli]
        return [*eerder, self.status] if self.status else eerder


class Schema:
    """The milestones and their per-SWV exceptions, loaded once (two queries; one when the
    caller has the milestones in schedule order already)."""

    def __init__(self, swv_ids=None, mijlpalen: list[Mijlpaal] | None = None):
        if mijlpalen is None:
            mijlpalen = list(Mijlpaal.objects.order_by("volgorde"))
        self.mijlpalen = mijlpalen
        uitzonderingen = MijlpaalUitzondering.objects.all()
        if swv_ids is not None:
            uitzonderingen = uitzonderingen.filter(swv__in=swv_ids)
        self.uitzonderingen = {
            (u.mijlpaal_id, u.swv_id): u.deadline for u in uitzonderingen if u.cyclus is None
        }
        self.cyclusuitzonderingen: dict[tuple[int, int], dict[int, datetime.date]] = defaultdict(
            dict
        )
        for u in uitzonderingen:
            if u.cyclus is not None:
                self.cyclusuitzonderingen[(u.mijlpaal_id, u.swv_id)][u.cyclus] = u.deadline

    def voor(self, swv: Samenwerkingsverband) -> list[Mijlpaal]:
        return [m for m in self.mijlpalen if not m.sector or m.sector == swv.sector]

    def deadline(self, mijlpaal: Mijlpaal, swv: Samenwerkingsverband) -> datetime.date | None:
        eigen = self.uitzonderingen.get((mijlpaal.pk, swv.pk))
        if eigen:
            return eigen
        if swv.experiment and mijlpaal.deadline_experiment:
            return mijlpaal.deadline_experiment
        return mijlpaal.deadline

    def cyclusdeadlines(
        self, mijlpaal: Mijlpaal, swv: Samenwerkingsverband
    ) -> dict[int, datetime.date]:
        """The beheerder's deadlines for single cycles of a recurring milestone, by number."""
        return self.cyclusuitzonderingen.get((mijlpaal.pk, swv.pk), {})


def bereken_cycli(
    mijlpaal: Mijlpaal,
    eerste_deadline: datetime.date | None,
    data: Stapdata,
    peildatum: datetime.date,
    venster_dagen: int,
    eigen: dict[int, datetime.date] | None = None,
) -> tuple[Cyclus, ...]:
    """The cycles of a recurring milestone: the first due on `eerste_deadline`, each next one
    `herhaling_jaren` after the previous plan was adopted, unless `eigen` (by cycle number)
    says otherwise. The last is the current, open one. Without a first deadline the cycles
    start at the first adoption."""
    eigen = eigen or {}
    vastgesteld = list(data.per_plan.get(mijlpaal.stappen[0], ()))
    if not vastgesteld and mijlpaal.stappen[0] in data.eerste:
        vastgesteld = [data.eerste[mijlpaal.stappen[0]]]
    begin, nummer = None, 1
    if eerste_deadline is None and 1 not in eigen:
        if not vastgesteld:
            return ()
        begin, nummer = vastgesteld.pop(0), 2
        deadline = eigen.get(2, plus_jaren(begin, mijlpaal.herhaling_jaren))
    else:
        deadline = eigen.get(1, eerste_deadline)
    cycli = []
    for datum in vastgesteld:
        status = Status.BEHAALD if datum <= deadline else Status.TE_LAAT
        cycli.append(Cyclus(nummer, begin, deadline, datum, status))
        begin, nummer = datum, nummer + 1
        deadline = eigen.get(nummer, plus_jaren(datum, mijlpaal.herhaling_jaren))
    status = _open_status(deadline, peildatum, venster_dagen, True)
    cycli.append(Cyclus(nummer, begin, deadline, None, status))
    return tuple(cycli)


def bereken_stand(
    mijlpaal: Mijlpaal,
    deadline: datetime.date | None,
    data: Stapdata,
    peildatum: datetime.date,
    venster_dagen: int,
    cyclusdeadlines: dict[int, datetime.date] | None = None,
) -> Stand:
    """The status rules, as one pure function.

    met (behaald): every step dated on or before the deadline; met late (te laat): all done,
    the last after the deadline; missed (gemist): the deadline reached with a step missing; at
    risk (risico): the deadline within the window and a precondition (or, for a milestone
    without preconditions, a step) missing; otherwise open.
    """
    if mijlpaal.alleen_tijdlijn:
        return Stand(mijlpaal, deadline, None)
    if mijlpaal.herhaling_jaren:
        cycli = bereken_cycli(mijlpaal, deadline, data, peildatum, venster_dagen, cyclusdeadlines)
        if not cycli:
            return Stand(mijlpaal, None, None)
        huidig = cycli[-1]
        return Stand(mijlpaal, huidig.deadline, huidig.status, None, tuple(mijlpaal.stappen), cycli)

    data_stappen = [data.eerste.get(stap) for stap in mijlpaal.stappen]
    if all(data_stappen):
        behaald_op = max(data_stappen)
        status = Status.BEHAALD if behaald_op <= deadline else Status.TE_LAAT
        return Stand(mijlpaal, deadline, status, behaald_op)

    ontbrekend = tuple(
        stap
        for stap in dict.fromkeys([*mijlpaal.voorwaarden, *mijlpaal.stappen])
        if stap not in data.eerste
    )
    voorwaarden = mijlpaal.voorwaarden or mijlpaal.stappen
    voorwaarde_mist = any(stap not in data.eerste for stap in voorwaarden)
    status = _open_status(deadline, peildatum, venster_dagen, voorwaarde_mist)
    return Stand(mijlpaal, deadline, status, None, ontbrekend)


def _open_status(deadline, peildatum, venster_dagen, voorwaarde_mist) -> Status:
    """A peildatum stands for the end of that day (facts dated on it count), so a deadline that
    is reached with a step still missing is missed on that very day."""
    if peildatum >= deadline:
        return Status.GEMIST
    if voorwaarde_mist and (deadline - peildatum).days <= venster_dagen:
        return Status.RISICO
    return Status.OPEN


def standen(
    swvs, peildatum: datetime.date, mijlpalen: list[Mijlpaal] | None = None
) -> dict[int, list[Stand]]:
    """Every milestone's state for each SWV (a list or queryset; one query more for a queryset),
    in four queries: milestones (unless given, every one in schedule order), exceptions, facts,
    OPR decisions."""
    swvs = list(swvs)
    ids = [swv.pk for swv in swvs]
    schema = Schema(ids, mijlpalen)
    data = stapdata(ids, peildatum)
    venster = settings.MIJLPAAL_RISICO_DAGEN
    return {
        swv.pk: [
            bereken_stand(
                m,
                schema.deadline(m, swv),
                data[swv.pk],
                peildatum,
                venster,
                schema.cyclusdeadlines(m, swv),
            )
            for m in schema.voor(swv)
        ]
        for swv in swvs
    }


def met_status(swvs: QuerySet, mijlpaal: str, status: str, peildatum: datetime.date) -> QuerySet:
    """The SWVs of the queryset whose milestone (by code) has this status on the peildatum.
    A status is computed, not stored: every SWV's statuses are computed once (`standen`)."""
    ids = [
        swv_id
        for swv_id, lijst in standen(swvs.only("pk", "sector", "experiment"), peildatum).items()
        if any(s.mijlpaal.code == mijlpaal and s.status == status for s in lijst)
    ]
    return swvs.filter(pk__in=ids)


def standen_van(swv: Samenwerkingsverband, peildatum: datetime.date) -> list[Stand]:
    return standen([swv], peildatum)[swv.pk]


@dataclass(frozen=True)
class Gevolg:
    """What removing a fact does to one milestone: its state now and after."""

    nu: Stand
    daarna: Stand

    @property
    def beide(self) -> tuple[Stand, Stand]:
        return self.nu, self.daarna


def gevolgen_van_verwijderen(
    swv: Samenwerkingsverband, feit: Feit, peildatum: datetime.date
) -> list[Gevolg]:
    """The milestones of the SWV whose status or date met would change if its fact `feit` were
    removed, in six queries."""
    schema = Schema([swv.pk])
    nu = stapdata([swv.pk], peildatum)[swv.pk]
    daarna = stapdata([swv.pk], peildatum, zonder_feit=feit.pk)[swv.pk]
    venster = settings.MIJLPAAL_RISICO_DAGEN
    gevolgen = []
    for m in schema.voor(swv):
        deadline, eigen = schema.deadline(m, swv), schema.cyclusdeadlines(m, swv)
        voor = bereken_stand(m, deadline, nu, peildatum, venster, eigen)
        na = bereken_stand(m, deadline, daarna, peildatum, venster, eigen)
        if (voor.status, voor.behaald_op, voor.deadline, voor.cycli) != (
            na.status,
            na.behaald_op,
            na.deadline,
            na.cycli,
        ):
            gevolgen.append(Gevolg(voor, na))
    return gevolgen


def volgende(standen_swv: list[Stand]) -> Stand | None:
    """The milestone to work on next: the first with the nearest deadline that is not met."""
    open_ = [
        s
        for s in standen_swv
        if s.status in (Status.OPEN, Status.RISICO, Status.GEMIST) and s.deadline
    ]
    return min(open_, key=lambda s: (s.status != Status.GEMIST, s.deadline), default=None)


@dataclass(frozen=True)
class Stapcijfer:
    stap: Stap
    groep: Groep
    aantal: int
    totaal: int

    @property
    def aandeel(self) -> float:
        return self.aantal / self.totaal if self.totaal else 0.0

    @property
    def percentage(self) -> int:
        return round(100 * self.aandeel)


@dataclass(frozen=True)
class Monitor:
    """The national monitor of one sector on a peildatum: how many SWVs passed each step."""

    peildatum: datetime.date
    sector: str
    aantal_swvs: int
    stappen: tuple[Stapcijfer, ...]

    def cijfer(self, stap: Stap) -> Stapcijfer:
        return next(c for c in self.stappen if c.stap == stap)

    def groep(self, groep: Groep) -> list[Stapcijfer]:
        return [c for c in self.stappen if c.groep == groep]

    @property
    def aantal_opgericht(self) -> int:
        return self.cijfer(Stap.RECHTSPERSOON_OPGERICHT).aantal


def monitor(peildatum: datetime.date, sector: str, swv_ids=None) -> Monitor:
    """Three queries, whatever the number of SWVs; over the SWVs of `swv_ids` only if given
    (a group's figures)."""
    swvs = Samenwerkingsverband.objects.filter(sector=sector)
    feiten = Feit.objects.filter(swv__sector=sector)
    besluiten = OPRBesluit.objects.filter(ondersteuningsplan__swv__sector=sector)
    if swv_ids is not None:
        swvs = swvs.filter(pk__in=swv_ids)
        feiten = feiten.filter(swv__in=swv_ids)
        besluiten = besluiten.filter(ondersteuningsplan__swv__in=swv_ids)
    totaal = swvs.count()
    aantallen = dict(
        feiten.filter(datum__lte=peildatum)
        .values("stap")
        .annotate(aantal=Count("swv", distinct=True))
        .order_by()
        .values_list("stap", "aantal")
    )
    opr = besluiten.aggregate(
        voorgelegd=Count(
            "ondersteuningsplan__swv",
            distinct=True,
            filter=Q(datum_voorgelegd__lte=peildatum),
        ),
        akkoord=Count("ondersteuningsplan__swv", distinct=True, filter=_akkoord_op(peildatum)),
    )
    aantallen[Stap.VOORGELEGD_OPR] = opr["voorgelegd"]
    aantallen[Stap.AKKOORD_OPR] = opr["akkoord"]
    return Monitor(
        peildatum,
        sector,
        totaal,
        tuple(
            Stapcijfer(stap, regel.groep, aantallen.get(stap, 0), totaal)
            for stap, regel in REGELS.items()
        ),
    )


def feiten_van(swv: Samenwerkingsverband) -> list[Feit]:
    """The SWV's facts, oldest first, with their plan and document."""
    return list(
        Feit.objects.filter(swv=swv)
        .select_related("ondersteuningsplan", "document")
        .order_by("datum", "pk")
    )


def tijdlijn(swv: Samenwerkingsverband, feiten: list[Feit] | None = None) -> list[tuple]:
    """Every dated event of the SWV, oldest first: (date, text, plan, document). `feiten` are
    the SWV's facts if the caller has them already (`feiten_van`)."""
    feiten = feiten_van(swv) if feiten is None else feiten
    besluiten = OPRBesluit.objects.filter(ondersteuningsplan__swv=swv).select_related(
        "ondersteuningsplan", "notulen"
    )
    oogo = OOGO.objects.filter(
        ondersteuningsplan__swv=swv, datum_gehouden__isnull=False
    ).select_related("ondersteuningsplan", "gemeente")
    regels = [(f.datum, f.get_stap_display(), f.ondersteuningsplan, f.document) for f in feiten]
    for b in besluiten:
        regels.append(
            (
                b.datum_voorgelegd,
                "OP voorgelegd aan de ondersteuningsplanraad",
                b.ondersteuningsplan,
                None,
            )
        )
        if b.datum_besluit:
            regels.append(
                (
                    b.datum_besluit,
                    f"Besluit van de OPR: {b.get_besluit_display().lower()}",
                    b.ondersteuningsplan,
                    b.notulen,
                )
            )
    for o in oogo:
        regels.append(
            (o.datum_gehouden, f"OOGO gehouden met {o.gemeente}", o.ondersteuningsplan, None)
        )
        if o.datum_uitkomst:
            regels.append(
                (
                    o.datum_uitkomst,
                    f"OOGO met {o.gemeente}: {o.get_status_display().lower()}",
                    o.ondersteuningsplan,
                    None,
                )
            )
    return sorted(regels, key=lambda r: r[0])


def opr_leden(swv: Samenwerkingsverband, peildatum: datetime.date | None) -> list[OPRLid]:
    """The OPR's members by geleding: those in office on the peildatum, or every one (None)."""
    leden = OPRLid.objects.filter(swv=swv).select_related("school")
    if peildatum is not None:
        leden = leden.filter(begin_termijn__lte=peildatum).filter(
            Q(einde_termijn__isnull=True) | Q(einde_termijn__gte=peildatum)
        )
    return list(leden.order_by("geleding", "begin_termijn", "pk"))
