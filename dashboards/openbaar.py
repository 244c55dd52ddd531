"""The public progress page (ADR 0083): what anyone may read without logging in, the country's
figures only: milestones met, OP cycles met on time, late or not, the trend of deelname, thuiszitters per complete round. Every count under five is shown as "< 5", so that no small group can be singled
out; the tables are cached per peildatum and per state of the data (the newest entry of the
history), so a change shows at once and a repeated visit costs one query."""

import datetime

from auditlog.models import LogEntry
from django.core.cache import cache
from django.db.models import Max

from dashboards import selectors
from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan.models import Mijlpaal, Status
from passend import formatting
from passend.tables import Tabel
from swv import deelname
from swv.models import Samenwerkingsverband, Sector

#: Counts below this are shown as "< 5" on every public page and download.
ONDERGRENS = 5
KLEIN = f"< {ONDERGRENS}"
#: The complete thuiszitter rounds the page shows: two years.
RONDES = 12


#: What a public table downloads as.
FORMATEN = ("csv", "json")


def klein(aantal: int) -> int | str:
    return KLEIN if aantal < ONDERGRENS else aantal


def json_waarde(waarde):
    """A cell as JSON holds it: a date as ISO text, the rest as it is."""
    return waarde.isoformat() if isinstance(waarde, datetime.date) else waarde


def _mijlpalen(peildatum: datetime.date, swvs, standen) -> Tabel:
    mijlpalen = [
        m
        for m in Mijlpaal.objects.order_by("volgorde")
        if m.stappen and m.deadline and not m.herhaling_jaren and not m.alleen_tijdlijn
    ]
    totaal = {s: sum(1 for swv in swvs if swv.sector == s) for s in Sector.values}
    behaald = {(m.pk, s): 0 for m in mijlpalen for s in Sector.values}
    for swv in swvs:
        for stand in standen[swv.pk]:
            sleutel = (stand.mijlpaal.pk, swv.sector)
            if sleutel in behaald and stand.status in (Status.BEHAALD, Status.TE_LAAT):
                behaald[sleutel] += 1
    kolommen = [
        "Mijlpaal",
        "Uiterste datum",
        *(f"{Sector(s).label}: behaald (van {klein(totaal[s])})" for s in Sector.values),
    ]
    return Tabel(
        "mijlpalen",
        f"Samenwerkingsverbanden die de mijlpaal hadden behaald op {formatting.datum_lang(peildatum)}",
        kolommen,
        [
            [m.naam, m.deadline, *(klein(behaald[(m.pk, s)]) for s in Sector.values)]
            for m in mijlpalen
        ],
        getallen=frozenset(range(2, len(kolommen))),
    )


#: How the outcome of an OP cycle is counted on the public page.
CYCLUSUITKOMSTEN = (
    ("op tijd", (Status.BEHAALD,)),
    ("te laat", (Status.TE_LAAT,)),
    ("nog niet of niet behaald", (Status.OPEN, Status.RISICO, Status.GEMIST)),
)


def _cycli(peildatum: datetime.date, swvs, standen) -> Tabel:
    """Per OP cycle ("1e plan", "2e plan", ...) and sector: how many SWVs adopted it on
    time, late, or not (yet) on the peildatum. A cycle's deadline differs per SWV (it runs
    four years from the previous plan), so the column gives the range."""
    telling: dict[tuple[int, str, str], int] = {}
    deadlines: dict[int, list[datetime.date]] = {}
    for swv in swvs:
        for stand in standen[swv.pk]:
            for cyclus in stand.cycli:
                deadlines.setdefault(cyclus.nummer, []).append(cyclus.deadline)
                uitkomst = next(u for u, st in CYCLUSUITKOMSTEN if cyclus.status in st)
                sleutel = (cyclus.nummer, swv.sector, uitkomst)
                telling[sleutel] = telling.get(sleutel, 0) + 1
    kolommen = [
        "OP-cyclus",
        "Uiterste datum",
        *(f"{Sector(s).label}: {u}" for s in Sector.values for u, _ in CYCLUSUITKOMSTEN),
    ]

    def termijn(data: list[datetime.date]) -> str:
        eerste, laatste = min(data), max(data)
        if eerste == laatste:
            return formatting.datum(eerste)
        return f"{formatting.datum(eerste)} tot en met {formatting.datum(laatste)}"

    return Tabel(
        "op-cycli",
        f"Ondersteuningsplannen per OP-cyclus op {formatting.datum_lang(peildatum)}: "
        "vastgesteld op tijd, te laat, of nog niet",
        kolommen,
        [
            [
                f"{nummer}e plan",
                termijn(deadlines[nummer]),
                *(
                    klein(telling.get((nummer, s, u), 0))
                    for s in Sector.values
                    for u, _ in CYCLUSUITKOMSTEN
                ),
            ]
            for nummer in sorted(deadlines)
        ],
        getallen=frozenset(range(2, len(kolommen))),
    )


def _thuiszitters(peildatum: datetime.date) -> Tabel:
    # two months a round: three years back hold the last RONDES complete ones, whatever is
    # still provisional; reading all twelve years would cost the first visit half a second
    vanaf = peildatum - datetime.timedelta(days=3 * 365)
    rondes = [
        r
        for r in selectors.thuiszitters(tot=peildatum + datetime.timedelta(days=1), vanaf=vanaf)
        if not r.voorlopig
    ][-RONDES:]
    kolommen = [
        "Periode van",
        "Periode tot en met",
        "Thuiszitters",
        "Drie maanden of langer zonder aanbod",
    ]
    return Tabel(
        "thuiszitters",
        "Thuiszitters in het land per complete rapportageronde, de laatste twee jaar",
        kolommen,
        [
            [r.periode_van, r.periode_tot, klein(r.totaal), klein(r.lang_zonder_aanbod)]
            for r in reversed(rondes)
        ],
        getallen=frozenset({2, 3}),
    )


def _deelname(peildatum: datetime.date, sector: str) -> Tabel:
    """The sector's participation per teldatum up to the peildatum: shares of large counts, so
    no count is shown."""
    land = deelname.landelijk(sector)
    maten = list(deelname.TELLERS[sector])
    kolommen = ["Teldatum", *(f"{deelname.LABELS[m]} (%)" for m in maten)]
    getallen = frozenset(range(1, len(kolommen)))
    return Tabel(
        f"deelname-{sector.lower()}",
        f"Deelname in het {Sector(sector).label.lower()} per teldatum",
        kolommen,
        [
            [t, *(selectors.afgerond(land[t].percentages[m], 2) for m in maten)]
            for t in sorted((t for t in land if t <= peildatum), reverse=True)
        ],
        getallen=getallen,
        decimalen=dict.fromkeys(getallen, 2),
    )


def tabellen(peildatum: datetime.date) -> dict[str, Tabel]:
    """The public tables on the peildatum, from the cache while the data has not changed."""
    versie = LogEntry.objects.aggregate(laatste=Max("pk"))["laatste"] or 0
    sleutel = f"openbaar:{peildatum.isoformat()}:{versie}"
    bewaard = cache.get(sleutel)
    if bewaard is None:
        swvs = list(Samenwerkingsverband.objects.all())
        standen = op_selectors.standen(swvs, peildatum)
        bewaard = {
            t.naam: t
            for t in (
                _mijlpalen(peildatum, swvs, standen),
                _cycli(peildatum, swvs, standen),
                _deelname(peildatum, Sector.PO),
                _deelname(peildatum, Sector.VO),
                _thuiszitters(peildatum),
            )
        }
        cache.set(sleutel, bewaard, 24 * 3600)
    return bewaard
