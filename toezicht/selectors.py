"""Thuiszitter figures per period, for one SWV, several, or the whole country."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum

from toezicht.models import Duur, Thuiszittertelling, Verzuimsoort


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
