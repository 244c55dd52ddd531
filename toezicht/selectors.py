"""Thuiszitter figures per period, for one SWV, several, or the whole country."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from swv.selectors import groepsgrootte, in_groep_op, ooit_in_groep
from toezicht.models import (
    Cijfertoelichting,
    Duur,
    Indieningsstatus,
    Rapportageronde,
    Rapportagesoort,
    Schorsingtelling,
    Thuiszitterregistratie,
    Thuiszittertelling,
    Verzuimsoort,
)


@dataclass
class Periodecijfers:
    periode_van: datetime.date
    periode_tot: datetime.date
    cellen: dict[tuple[str, str, bool], int] = field(default_factory=dict)

    @property
    def totaal(self) -> int:
        return sum(self.cellen.values())

    def per_soort(self) -> dict[str, int]:
        return {
            s: sum(a for (so, _, _), a in self.cellen.items() if so == s)
            for s in Verzuimsoort.values
        }

    def per_duur(self) -> dict[str, int]:
        return {d: sum(a for (_, du, _), a in self.cellen.items() if du == d) for d in Duur.values}

    @property
    def met_aanbod(self) -> int:
        return sum(a for (_, _, aanbod), a in self.cellen.items() if aanbod)

    @property
    def zonder_aanbod(self) -> int:
        return self.totaal - self.met_aanbod

    @property
    def lang_zonder_aanbod(self) -> int:
        """At home three months or longer without an offer: what the Thuiszitterspact aims at."""
        return sum(
            a for (_, duur, aanbod), a in self.cellen.items() if duur == Duur.LANG and not aanbod
        )


def per_periode(swvs=None) -> list[Periodecijfers]:
    """The counts summed over the given SWVs (all when None), per period, oldest first; one
    query."""
    tellingen = Thuiszittertelling.objects.all()
    if swvs is not None:
        tellingen = tellingen.filter(registratie__swv__in=swvs)
    rijen = (
        tellingen.values(
            "registratie__periode_van", "registratie__periode_tot", "soort", "duur", "met_aanbod"
        )
        .annotate(aantal=Sum("aantal"))
        .order_by()
    )
    perioden = defaultdict(dict)
    for rij in rijen:
        periode = (rij["registratie__periode_van"], rij["registratie__periode_tot"])
        perioden[periode][(rij["soort"], rij["duur"], rij["met_aanbod"])] = rij["aantal"]
    return [Periodecijfers(van, tot, cellen) for (van, tot), cellen in sorted(perioden.items())]


# -- reporting rounds -------------------------------------------------------------------------


class Weergave:
    """Which submissions the figures count: every submitted one, or the accepted ones only."""

    ALLE = "alle"
    GEACCEPTEERD = "geaccepteerd"
    KEUZES = ((ALLE, "Alle ingediende aantallen"), (GEACCEPTEERD, "Alleen geaccepteerde aantallen"))


def _registraties(
    swvs, weergave: str = Weergave.ALLE, tot: datetime.date | None = None, groepering=None
):
    """The submissions of `swvs` that a reading counts. With `tot`, only what had been
    submitted (and, for accepted only, accepted) before that day: a reading for a past peildatum
    does not count a submission that came in later. Counts from before the rounds have no
    submission date and always count. With a group, only the submissions of SWVs that were in it
    on the period's last day."""
    registraties = Thuiszitterregistratie.objects.all()
    if swvs is not None:
        registraties = registraties.filter(swv__in=swvs)
    if groepering is not None:
        registraties = registraties.filter(swv__in=ooit_in_groep(groepering)).filter(
            in_groep_op(groepering, "periode_tot")
        )
    if tot is not None:
        registraties = registraties.filter(
            Q(ingediend_op__isnull=True) | Q(ingediend_op__date__lt=tot)
        )
    if weergave == Weergave.GEACCEPTEERD:
        registraties = registraties.filter(status=Indieningsstatus.GEACCEPTEERD)
        if tot is not None:
            registraties = registraties.filter(
                Q(beoordeeld_op__isnull=True) | Q(beoordeeld_op__date__lt=tot)
            )
    return registraties


@dataclass(frozen=True)
class Schorsingsregel:
    """The suspensions of a round's period, summed over the SWVs that counted them."""

    periode_van: datetime.date
    periode_tot: datetime.date
    swvs: int
    per_soort: dict[str, int]  # school type -> count
    per_duur: dict[str, int]  # length -> count

    @property
    def totaal(self) -> int:
        return sum(self.per_soort.values())


def schorsingen_per_periode(
    swvs,
    weergave: str = Weergave.ALLE,
    tot: datetime.date | None = None,
    vanaf: datetime.date | None = None,
    groepering=None,
) -> list[Schorsingsregel]:
    """Per period, oldest first, the suspensions the SWVs submitted with their thuiszitters
    (ADR 0078), by school type and by length; with `tot`, only periods that ended and
    submissions made before that day; with `vanaf`, only periods from that day on. Two
    aggregate queries, a few hundred rows at most. With a group, its members of each period."""
    registraties = _registraties(swvs, weergave, tot, groepering)
    if tot is not None:
        registraties = registraties.filter(periode_tot__lt=tot)
    if vanaf is not None:
        registraties = registraties.filter(periode_van__gte=vanaf)
    perioden = ("registratie__periode_van", "registratie__periode_tot")
    tellingen = Schorsingtelling.objects.filter(registratie__in=registraties)
    per_cel = tellingen.values(*perioden, "schoolsoort", "duur").annotate(aantal=Sum("aantal"))
    per_periode = tellingen.values(*perioden).annotate(
        swvs=Count("registratie__swv_id", distinct=True)
    )
    uit = {
        (r["registratie__periode_van"], r["registratie__periode_tot"]): (
            r["swvs"],
            defaultdict(int),
            defaultdict(int),
        )
        for r in per_periode.order_by()
    }
    for rij in per_cel.order_by():
        _, per_soort, per_duur = uit[
            rij["registratie__periode_van"], rij["registratie__periode_tot"]
        ]
        per_soort[rij["schoolsoort"]] += rij["aantal"]
        per_duur[rij["duur"]] += rij["aantal"]
    return [
        Schorsingsregel(van, tot, swvs, dict(per_soort), dict(per_duur))
        for (van, tot), (swvs, per_soort, per_duur) in sorted(uit.items())
    ]


@dataclass
class Volledigheid:
    """How complete and how timely one round is, over a set of SWVs."""

    ronde: Rapportageronde
    verwacht: int
    ingediend: int = 0
    op_tijd: int = 0
    te_laat: int = 0
    geaccepteerd: int = 0
    teruggestuurd: int = 0

    @property
    def ontbreekt(self) -> int:
        return self.verwacht - self.ingediend

    @property
    def compleet(self) -> bool:
        return self.verwacht > 0 and self.ingediend >= self.verwacht

    @property
    def percentage_op_tijd(self) -> float | None:
        return round(100 * self.op_tijd / self.verwacht, 1) if self.verwacht else None


def rondes(tot: datetime.date | None = None, soort: str = Rapportagesoort.THUISZITTERS):
    """The rounds whose period has ended on `tot` (default today), oldest first."""
    tot = tot or timezone.localdate()
    return Rapportageronde.objects.filter(soort=soort, periode_tot__lt=tot).order_by("periode_van")


def volledigheid(swvs, rondelijst) -> list[Volledigheid]:
    """Expected, submitted, on time, late, accepted and returned per round, for the SWVs in
    `swvs` (a queryset); two queries whatever the number of rounds and SWVs."""
    rondelijst = list(rondelijst)
    verwacht = swvs.count()
    uit = {r.pk: Volledigheid(r, verwacht) for r in rondelijst}
    rijen = (
        Thuiszitterregistratie.objects.filter(swv__in=swvs, ronde__in=[r.pk for r in rondelijst])
        .values("ronde_id")
        .annotate(
            ingediend=Count("pk"),
            op_tijd=Count("pk", filter=Q(ingediend_op__date__lte=F("ronde__deadline"))),
            te_laat=Count("pk", filter=Q(ingediend_op__date__gt=F("ronde__deadline"))),
            geaccepteerd=Count("pk", filter=Q(status=Indieningsstatus.GEACCEPTEERD)),
            teruggestuurd=Count("pk", filter=Q(status=Indieningsstatus.TERUGGESTUURD)),
        )
        .order_by()
    )
    for rij in rijen:
        v = uit[rij.pop("ronde_id")]
        for naam, waarde in rij.items():
            setattr(v, naam, waarde)
    return [uit[r.pk] for r in rondelijst]


def niet_ingediend(swvs, ronde):
    """The SWVs of `swvs` without a submission for the round, with their coördinatoren."""
    return (
        swvs.exclude(thuiszitterregistraties__ronde=ronde)
        .prefetch_related("coordinatoren")
        .order_by("code")
    )


@dataclass
class Rondecijfers:
    """The national (or sector, or portfolio) figures of one round, with how many SWVs they
    hold. `voorlopig` when not every expected SWV is in; `verschil` is against the previous
    round over the SWVs counted in both (like with like), `vergeleken` how many those are."""

    ronde: Rapportageronde
    cijfers: Periodecijfers
    ingediend: int
    verwacht: int
    verschil: int | None = None
    vergeleken: int = 0

    @property
    def voorlopig(self) -> bool:
        return self.ingediend < self.verwacht

    @property
    def volledigheidstekst(self) -> str:
        if not self.voorlopig:
            return f"compleet: {self.ingediend} van {self.verwacht} samenwerkingsverbanden"
        return f"voorlopig: {self.ingediend} van {self.verwacht} samenwerkingsverbanden"


def rondecijfers(
    swvs,
    tot: datetime.date | None = None,
    weergave: str = Weergave.ALLE,
    groepering=None,
    vanaf: datetime.date | None = None,
) -> list[Rondecijfers]:
    """The one source of the thuiszitter figures per round for the dashboards, the API and the
    PDF: sums over `swvs` (a queryset) of every round whose period ended before `tot`, oldest
    first, counting what had been submitted before `tot` (ADR 0060); three queries. With a
    group, each round sums (and expects) the SWVs that were in it on the period's last day;
    one query more. With `vanaf`, only the rounds from that day on (the first has no change
    against the round before it)."""
    rondelijst = list(rondes(tot))
    if vanaf is not None:
        rondelijst = [r for r in rondelijst if r.periode_van >= vanaf]
    if groepering is None:
        verwacht = dict.fromkeys((r.periode_tot for r in rondelijst), swvs.count())
    else:
        verwacht = groepsgrootte(groepering, {r.periode_tot for r in rondelijst}, swvs)
    registraties = _registraties(swvs, weergave, tot, groepering).filter(
        ronde__in=[r.pk for r in rondelijst]
    )
    cellen = defaultdict(dict)
    for rij in (
        Thuiszittertelling.objects.filter(registratie__in=registraties)
        .values("registratie__ronde_id", "soort", "duur", "met_aanbod")
        .annotate(aantal=Sum("aantal"))
        .order_by()
    ):
        cellen[rij["registratie__ronde_id"]][(rij["soort"], rij["duur"], rij["met_aanbod"])] = rij[
            "aantal"
        ]
    per_swv = defaultdict(dict)  # ronde -> swv -> total
    for rij in (
        Thuiszittertelling.objects.filter(registratie__in=registraties)
        .values("registratie__ronde_id", "registratie__swv_id")
        .annotate(aantal=Sum("aantal"))
        .order_by()
    ):
        per_swv[rij["registratie__ronde_id"]][rij["registratie__swv_id"]] = rij["aantal"]
    uit, vorige = [], None
    for ronde in rondelijst:
        totalen = per_swv.get(ronde.pk, {})
        if not totalen:
            continue
        regel = Rondecijfers(
            ronde,
            Periodecijfers(ronde.periode_van, ronde.periode_tot, cellen[ronde.pk]),
            ingediend=len(totalen),
            verwacht=verwacht[ronde.periode_tot],
        )
        if vorige is not None:
            beide = totalen.keys() & vorige.keys()
            regel.vergeleken = len(beide)
            regel.verschil = sum(totalen[s] for s in beide) - sum(vorige[s] for s in beide)
        uit.append(regel)
        vorige = totalen
    return uit


def totalen_per_swv(swvs, rondelijst, tot: datetime.date) -> dict[int, dict[int, int]]:
    """{ronde id: {swv id: thuiszitters}} for the SWVs of `swvs` that had submitted the round
    before `tot` (as `rondecijfers` counts them); one query."""
    uit = defaultdict(dict)
    for rij in (
        Thuiszittertelling.objects.filter(
            registratie__in=_registraties(swvs, tot=tot).filter(ronde__in=rondelijst)
        )
        .values("registratie__ronde_id", "registratie__swv_id")
        .annotate(aantal=Sum("aantal"))
        .order_by()
    ):
        uit[rij["registratie__ronde_id"]][rij["registratie__swv_id"]] = rij["aantal"]
    return uit


def signaalsamenvatting(signalen, periode_van: datetime.date | None, periode_tot: datetime.date):
    """Signals received in a period, counted by source and by outcome, with percentages; one
    query. `signalen` is already limited to what the reader may see."""
    from django.db.models import Count

    from toezicht.models import Bron, Uitkomst

    signalen = signalen.filter(ontvangen_op__lte=periode_tot)
    if periode_van is not None:
        signalen = signalen.filter(ontvangen_op__gte=periode_van)
    cellen = {
        (rij["bron"], rij["uitkomst"]): rij["aantal"]
        for rij in signalen.values("bron", "uitkomst").annotate(aantal=Count("pk")).order_by()
    }
    totaal = sum(cellen.values())

    def pct(deel, geheel):
        return round(100 * deel / geheel, 1) if geheel else 0.0

    per_bron = {b: sum(a for (bron, _), a in cellen.items() if bron == b) for b in Bron.values}
    per_uitkomst = {
        u: sum(a for (_, uitkomst), a in cellen.items() if uitkomst == u) for u in Uitkomst.values
    }
    return {
        "periode_van": periode_van,
        "periode_tot": periode_tot,
        "totaal": totaal,
        "per_bron": [
            {"sleutel": b, "aantal": a, "percentage": pct(a, totaal)} for b, a in per_bron.items()
        ],
        "per_uitkomst": [
            {"sleutel": u, "aantal": a, "percentage": pct(a, totaal)}
            for u, a in per_uitkomst.items()
        ],
        "per_bron_en_uitkomst": [
            {
                "bron": b,
                "uitkomst": u,
                "aantal": cellen.get((b, u), 0),
                "percentage": pct(cellen.get((b, u), 0), per_bron[b]),
            }
            for b in Bron.values
            for u in Uitkomst.values
        ],
    }


@dataclass(frozen=True)
class Cijferuitleg:
    """The SWVs' explanations of their figures (ADR 0086), by round and by teldatum."""

    per_ronde: dict[tuple[int, int], Cijfertoelichting]  # (swv id, ronde id)
    per_teldatum: dict[tuple[int, datetime.date], Cijfertoelichting]  # (swv id, teldatum)

    def ronde(self, swv_id: int, ronde_id: int) -> Cijfertoelichting | None:
        return self.per_ronde.get((swv_id, ronde_id))

    def teldatum(self, swv_id: int, teldatum: datetime.date) -> Cijfertoelichting | None:
        return self.per_teldatum.get((swv_id, teldatum))


def cijferuitleg(swvs, **onderwerp) -> Cijferuitleg:
    """The explanations of the figures of `swvs` (ids or a queryset), or of one round
    (`ronde=...`) or teldatum (`teldatum=...`) only; one query."""
    per_ronde, per_teldatum = {}, {}
    for t in Cijfertoelichting.objects.filter(swv__in=swvs, **onderwerp).select_related(
        "gewijzigd_door", "document", "ronde"
    ):
        if t.ronde_id is not None:
            per_ronde[(t.swv_id, t.ronde_id)] = t
        else:
            per_teldatum[(t.swv_id, t.teldatum)] = t
    return Cijferuitleg(per_ronde, per_teldatum)


def uitlegteksten(swvs, **onderwerp) -> dict[int, str]:
    """{swv id: the text of its explanation} of one round (`ronde__periode_van=...`) or one
    teldatum (`teldatum=...`), for a table per SWV: the text, and the document's name; one
    query."""
    uitleg = cijferuitleg(swvs, **onderwerp)
    return {
        t.swv_id: t.tekst + (f" (document: {t.document.naam})" if t.document_id else "")
        for t in [*uitleg.per_ronde.values(), *uitleg.per_teldatum.values()]
    }
