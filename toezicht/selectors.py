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
