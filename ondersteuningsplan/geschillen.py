"""Disputes as they stood on a peildatum: which were open, which settled, which milestones they
held up, and the monitor's counts per kind (ADR 0079).

A dispute is there from the day it arose. It is put to a body on `voorgelegd_op` and settled on
the day of the ruling; a reading before those days does not see them yet.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from ondersteuningsplan.models import Geschil, Geschilsoort, Instantie
from ondersteuningsplan.stappen import Stap
from swv.models import Schoolbestuur

#: The steps a dispute of each kind holds up while it is open: without the OPR's consent or
#: the agreement of the gemeenten a plan cannot be adopted and sent; a board in dispute with the
#: SWV has not agreed with its foundations.
HOUDT_OP: dict[str, tuple[Stap, ...]] = {
    Geschilsoort.OOGO: (
        Stap.AFGESTEMD_GEMEENTEN,
        Stap.OP_VASTGESTELD,
        Stap.OP_AANGEBODEN_INSPECTIE,
    ),
    Geschilsoort.OPR: (Stap.AKKOORD_OPR, Stap.OP_VASTGESTELD, Stap.OP_AANGEBODEN_INSPECTIE),
    Geschilsoort.BESTUUR: (
        Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD,
        Stap.RECHTSPERSOON_OPGERICHT,
    ),
}

#: The body each kind goes to; any may go to court instead.
INSTANTIE: dict[str, Instantie] = {
    Geschilsoort.OOGO: Instantie.OOGO_COMMISSIE,
    Geschilsoort.OPR: Instantie.LCG_WMS,
    Geschilsoort.BESTUUR: Instantie.GESCHILLENCOMMISSIE,
}


#: The kinds the coördinator records on a form; an OOGO's dispute is made when it ends in one.
OP_FORMULIER = (Geschilsoort.OPR, Geschilsoort.BESTUUR)


def instanties(soort: str) -> list[Instantie]:
    return [INSTANTIE[soort], Instantie.RECHTER]


@dataclass(frozen=True)
class Geschilstand:
    """One dispute on a peildatum: what was known of it by the end of that day."""

    geschil: Geschil
    voorgelegd_op: datetime.date | None
    uitspraak: str
    uitspraak_op: datetime.date | None

    @property
    def open(self) -> bool:
        return self.uitspraak_op is None

    @property
    def instantie(self) -> str:
        return self.geschil.instantie if self.voorgelegd_op else ""

    @property
    def instantie_label(self) -> str:
        return Instantie(self.instantie).label if self.instantie else ""

    @property
    def partij(self) -> str:
        """The other party, in words."""
        g = self.geschil
        if g.soort == Geschilsoort.OOGO:
            return f"Gemeente {g.oogo.gemeente}"
        if g.soort == Geschilsoort.OPR:
            return "Ondersteuningsplanraad"
        return str(g.bestuur)

    @property
    def fase(self) -> str:
        """Where it stands, in words: "Uitspraak: gegrond", "Voorgelegd", "Nog niet voorgelegd"."""
        if self.uitspraak:
            return f"Uitspraak: {self.geschil.get_uitspraak_display().lower()}"
        if self.voorgelegd_op:
            return "Voorgelegd"
        return "Nog niet voorgelegd"


def stand(geschil: Geschil, peildatum: datetime.date) -> Geschilstand | None:
    if geschil.ontstaan_op > peildatum:
        return None
    voorgelegd = geschil.voorgelegd_op if _op(geschil.voorgelegd_op, peildatum) else None
    beslecht = _op(geschil.uitspraak_op, peildatum)
    return Geschilstand(
        geschil,
        voorgelegd,
        geschil.uitspraak if beslecht else "",
        geschil.uitspraak_op if beslecht else None,
    )


def _op(datum, peildatum) -> bool:
    return datum is not None and datum <= peildatum


def op_peildatum(swv, peildatum: datetime.date) -> list[Geschilstand]:
    """The SWV's disputes that had arisen by the peildatum, oldest first (two queries)."""
    geschillen = (
        Geschil.objects.filter(swv=swv, ontstaan_op__lte=peildatum)
        .select_related("oogo__gemeente", "opr_besluit__ondersteuningsplan")
        .prefetch_related(Prefetch("bestuur", Schoolbestuur.objects.met_schoolnaam()))
        .order_by("ontstaan_op", "pk")
    )
    return [stand(g, peildatum) for g in geschillen]


def houdt_op(stand_mijlpaal, geschillen: list[Geschilstand]) -> list[Geschilstand]:
    """The open disputes that hold up a milestone not met yet: those whose kind holds up one of
    the steps it still lacks."""
    if stand_mijlpaal.behaald_op or not stand_mijlpaal.status:
        return []
    ontbrekend = set(stand_mijlpaal.ontbrekend)
    return [g for g in geschillen if g.open and ontbrekend & set(HOUDT_OP[g.geschil.soort])]


@dataclass(frozen=True)
class Soorttelling:
    soort: Geschilsoort
    nog_niet_voorgelegd: int
    voorgelegd: int
    beslecht: int

    @property
    def open(self) -> int:
        return self.nog_niet_voorgelegd + self.voorgelegd

    @property
    def totaal(self) -> int:
        return self.open + self.beslecht


def per_soort(peildatum: datetime.date, swvs=None) -> list[Soorttelling]:
    """Open and settled disputes per kind on the peildatum, over all SWVs or those of `swvs`
    (one aggregate query)."""
    geschillen = Geschil.objects.filter(ontstaan_op__lte=peildatum)
    if swvs is not None:
        geschillen = geschillen.filter(swv__in=swvs)
    beslecht = Q(uitspraak_op__lte=peildatum)
    voorgelegd = Q(voorgelegd_op__lte=peildatum) & ~beslecht
    rijen = {
        r["soort"]: r
        for r in geschillen.values("soort").annotate(
            beslecht=Count("pk", filter=beslecht),
            voorgelegd=Count("pk", filter=voorgelegd),
            alle=Count("pk"),
        )
    }
    tellingen = []
    for soort in Geschilsoort:
        r = rijen.get(soort.value, {"beslecht": 0, "voorgelegd": 0, "alle": 0})
        tellingen.append(
            Soorttelling(
                soort,
                r["alle"] - r["beslecht"] - r["voorgelegd"],
                r["voorgelegd"],
                r["beslecht"],
            )
        )
    return tellingen
