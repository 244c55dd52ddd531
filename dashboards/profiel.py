"""One SWV on one page (ADR 0085): its milestones and OP cycles with its explanations, its
participation and verevening beside its comparisons, its thuiszitters per round beside the same
comparisons, the Inspectie's findings in short and its documents. Every part reads the selector
its own page reads, so the profile never tells another story than the tab it links to."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from dashboards import vergelijking
from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan import toelichtingen
from ondersteuningsplan.models import Status
from swv.models import Document, Samenwerkingsverband
from toezicht import selectors as toezicht_selectors
from toezicht.lijsten import SOORTEN
from toezicht.models import Cijfertoelichting, Vervolgafspraak

#: How many of the newest documents the profile lists; the overview has them all.
DOCUMENTEN = 10


@dataclass(frozen=True)
class Bevindingen:
    """The findings of one kind the reader may see for the SWV."""

    slug: str
    titel: str
    aantal: int
    tekst: str


@dataclass(frozen=True)
class Profiel:
    swv: Samenwerkingsverband
    peildatum: datetime.date
    #: (Stand, [(Verklaarbaar, Toelichting | None)], the Stand on `vergelijkdatum` when it
    #: differs, and "nieuw", "gewijzigd" or "")
    mijlpalen: list[tuple]
    statustelling: list[tuple[Status, int]]
    cyclusstand: object | None  # the Stand of the recurring milestone (the OP cycles)
    deelname: vergelijking.Deelnamevergelijking
    vereveningszin: str
    #: (the round, the SWV's explanation, whether it ended after `vergelijkdatum`)
    thuiszitters: list[tuple[vergelijking.Ronderegel, Cijfertoelichting | None, bool]]
    bevindingen: list[Bevindingen]
    verlopen_afspraken: int
    documenten: list[Document]
    zonder_toelichting: int
    uitleg: toezicht_selectors.Cijferuitleg
    #: Another peildatum to compare with (ADR 0085): what changed since then is marked.
    vergelijkdatum: datetime.date | None = None

    def nieuw_sinds(self, dag: datetime.date) -> bool:
        """Whether a figure of `dag` (a teldatum, a round's last day) was not there yet on the
        day compared with."""
        return self.vergelijkdatum is not None and self.vergelijkdatum < dag <= self.peildatum

    @property
    def deelnameregels(self) -> list[tuple]:
        """The heavy-support share on the last five teldata, newest first: the SWV's own, each
        comparison's, and the SWV's explanation of that teldatum."""
        v = self.deelname
        return [
            (
                t,
                v.eigen[t].zwaar,
                [x.reeks[t].zwaar if t in x.reeks else None for x in v.vergelijkingen],
                self.uitleg.teldatum(self.swv.pk, t),
                self.nieuw_sinds(t),
            )
            for t in v.teldata[-5:][::-1]
        ]


def _bevindingen(swv, user) -> tuple[list[Bevindingen], int]:
    """Per kind the findings the reader may see for this SWV, and the agreements past their
    deadline and not closed; one query per kind and one more."""
    vandaag = timezone.localdate()
    telling = []
    for soort in SOORTEN.values():
        aantal = soort.model.objects.for_user(user).filter(swv=swv).count()
        telling.append(Bevindingen(soort.slug, soort.titel, aantal, soort.aantal(aantal)))
    verlopen = (
        Vervolgafspraak.objects.for_user(user)
        .filter(swv=swv, deadline__lt=vandaag)
        .filter(Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gt=vandaag))
        .count()
    )
    return telling, verlopen


def _wijziging(nu, toen) -> str:
    if toen is None:
        return ""
    if toen.status is None and nu.status is not None:
        return "nieuw"
    if (toen.status, toen.behaald_op) != (nu.status, nu.behaald_op):
        return "gewijzigd"
    return ""


def profiel(
    swv: Samenwerkingsverband,
    peildatum: datetime.date,
    user,
    vergelijkdatum: datetime.date | None = None,
) -> Profiel:
    """The profile of the SWV on the peildatum, as `user` may read it, with what changed since
    `vergelijkdatum` marked; a bounded number of queries whatever the number of SWVs, rounds
    and milestones."""
    standen = op_selectors.standen_van(swv, peildatum)
    toen = (
        {s.mijlpaal.pk: s for s in op_selectors.standen_van(swv, vergelijkdatum)}
        if vergelijkdatum
        else {}
    )
    uitleg = toelichtingen.van([swv.pk])
    mijlpalen = []
    for s in standen:
        wijziging = _wijziging(s, toen.get(s.mijlpaal.pk))
        mijlpalen.append(
            (
                s,
                toelichtingen.delen(swv.pk, s, uitleg),
                toen.get(s.mijlpaal.pk) if wijziging else None,
                wijziging,
            )
        )
    telling = Counter(status for s in standen for status in s.statussen)
    deelname = vergelijking.vergelijk(swv, peildatum)
    bevindingen, verlopen = _bevindingen(swv, user)
    cijferuitleg = toezicht_selectors.cijferuitleg([swv.pk])
    return Profiel(
        swv=swv,
        peildatum=peildatum,
        mijlpalen=mijlpalen,
        statustelling=[(s, telling[s]) for s in Status if telling[s]],
        cyclusstand=next((s for s in standen if s.cycli), None),
        deelname=deelname,
        vereveningszin=vergelijking.vereveningszin(deelname),
        thuiszitters=[
            (
                r,
                cijferuitleg.ronde(swv.pk, r.ronde.pk),
                vergelijkdatum is not None and vergelijkdatum <= r.ronde.periode_tot,
            )
            for r in vergelijking.thuiszitters(deelname)
        ],
        bevindingen=bevindingen,
        verlopen_afspraken=verlopen,
        documenten=list(swv.documenten.order_by("-geupload_op", "-pk")[:DOCUMENTEN]),
        uitleg=cijferuitleg,
        zonder_toelichting=sum(1 for _, delen, *_ in mijlpalen for _, t in delen if t is None),
        vergelijkdatum=vergelijkdatum,
    )
