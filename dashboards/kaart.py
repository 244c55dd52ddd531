"""The map of the SWV regions of one sector, as server-rendered SVG.

A region is drawn from the gemeente boundaries (`Gemeente.grens`, imported from
gemeenten-2015.geojson) and the legal region table (`Regiotoewijzing`, by PC4): each gemeente is
given to the SWV that holds most of its PC4 areas on the peildatum, and the gemeenten of one SWV
are dissolved into one shape (shapely). A gemeente split over more SWVs is marked with a dashed
outline and named in the table. Dissolving ~400 shapes takes a moment, so the projected region
paths are cached per assignment and per content of the gemeenten; the colours are computed
per request. See docs/adr/0022 and 0025.
"""

import datetime
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from math import cos, radians

from django.core.cache import cache
from django.db.models import Count, Q, TextField
from django.db.models.functions import Cast
from django.utils.safestring import mark_safe
from shapely.geometry import shape
from shapely.ops import unary_union

from dashboards.tables import cyclustekst
from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan.models import Mijlpaal, Status
from passend.tables import Tabel
from swv import deelname
from swv.models import Gemeente, Regiotoewijzing, Samenwerkingsverband
from swv.selectors import groepsleden

KLEURINGEN = ("status", "verevening")

#: Map fills: strong enough to tell apart, each with a text label in the legend and table.
STATUSKLEUREN = {
    Status.BEHAALD: "#39870c",
    Status.TE_LAAT: "#f9e11e",
    Status.OPEN: "#8fcae7",
    Status.RISICO: "#e17000",
    Status.GEMIST: "#a4161a",
    None: "#ffffff",
}
VEREVENINGKLEUREN = {
    "positief": "#01689b",
    "negatief": "#e17000",
    "gelijk": "#b4c0cf",
    None: "#ffffff",
}
VEREVENINGLABELS = {
    "positief": "Positieve verevening (onder het landelijk gemiddelde)",
    "negatief": "Negatieve verevening (boven het landelijk gemiddelde)",
    "gelijk": "Gelijk aan het landelijk gemiddelde",
    None: "Geen leerlingcijfers",
}
#: A region outside the chosen group: drawn, so the map stays whole, but not coloured.
BUITEN_GROEP = ("#d9dde3", "Niet in de groep")
BREEDTE = 600
VEREENVOUDIGING = 0.002  # degrees; the 2015 shapes are generalised already


@dataclass(frozen=True)
class Regio:
    swv: Samenwerkingsverband
    pad: str
    kleur: str
    label: str
    gemeenten: tuple[str, ...]
    gesplitst: tuple[str, ...]  # split gemeenten drawn in this region


@dataclass(frozen=True)
class Kaart:
    sector: str
    peildatum: datetime.date
    kleuring: str
    mijlpaal: Mijlpaal | None
    svg: str
    legenda: list[tuple[str, str]]  # (colour, label)
    tabel: Tabel


def toewijzing(sector: str, peildatum: datetime.date) -> dict[int, Counter]:
    """Per gemeente: how many of its PC4 areas each SWV holds on the peildatum (one query)."""
    rijen = (
        Regiotoewijzing.objects.filter(sector=sector, geldig_van__lte=peildatum)
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=peildatum))
        .values("postcodegebied__gemeente_id", "swv_id")
        .annotate(aantal=Count("id"))
        .order_by()
    )
    per_gemeente: dict[int, Counter] = defaultdict(Counter)
    for r in rijen:
        per_gemeente[r["postcodegebied__gemeente_id"]][r["swv_id"]] = r["aantal"]
    return per_gemeente


def _projecteer(lon: float, lat: float) -> tuple[float, float]:
    return lon * cos(radians(52.2)), -lat


def _pad(geometrie, schaal, x0, y0) -> str:
    delen = []
    polygonen = geometrie.geoms if geometrie.geom_type == "MultiPolygon" else [geometrie]
    for polygoon in polygonen:
        for ring in [polygoon.exterior, *polygoon.interiors]:
            punten = [_projecteer(x, y) for x, y in ring.coords]
            delen.append(
                "M"
                + "L".join(f"{(x - x0) * schaal:.1f},{(y - y0) * schaal:.1f}" for x, y in punten)
                + "Z"
            )
    return "".join(delen)


def regiovormen(sector: str, peildatum: datetime.date):
    """{swv_id: (path, [gemeente names], [split gemeente names])}, the split gemeenten's own
    paths, and the viewBox; three queries, cached per assignment and reference data."""
    per_gemeente = toewijzing(sector, peildatum)
    houder = {
        gid: max(tellingen.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        for gid, tellingen in per_gemeente.items()
    }
    # The key holds what the drawing is made of: the assignment, and the gemeenten's names and
    # boundaries as the database has them (about 200 kB of text, hashed in a few ms), so a new
    # import of either is drawn at once.
    referentie = (
        Gemeente.objects.filter(pk__in=list(houder))
        .order_by("pk")
        .values_list("pk", "naam", Cast("grens", TextField()))
    )
    inhoud = hashlib.sha256(
        json.dumps(sorted((g, s, len(per_gemeente[g])) for g, s in houder.items())).encode()
    )
    for pk, naam, grens in referentie:
        inhoud.update(f"\n{pk}\t{naam}\t{grens}".encode())
    sleutel = "kaart:" + inhoud.hexdigest()
    bewaard = cache.get(sleutel)
    if bewaard is not None:
        return bewaard

    gemeenten = {
        g.pk: g
        for g in Gemeente.objects.filter(pk__in=list(houder), grens__isnull=False).only(
            "naam", "grens"
        )
    }
    vormen = {gid: shape(g.grens).buffer(0) for gid, g in gemeenten.items()}
    if not vormen:
        uitkomst = ({}, {}, "0 0 1 1")
        cache.set(sleutel, uitkomst, 3600)
        return uitkomst
    per_swv = defaultdict(list)
    for gid, swv_id in houder.items():
        if gid in vormen:
            per_swv[swv_id].append(gid)
    minx, miny, maxx, maxy = unary_union(list(vormen.values())).bounds
    x0, y0 = _projecteer(minx, maxy)
    x1, y1 = _projecteer(maxx, miny)
    schaal = BREEDTE / (x1 - x0)
    hoogte = (y1 - y0) * schaal
    regios = {}
    for swv_id, gids in per_swv.items():
        vorm = unary_union([vormen[g] for g in gids]).simplify(VEREENVOUDIGING)
        namen = sorted(gemeenten[g].naam for g in gids)
        gesplitst = sorted(gemeenten[g].naam for g in gids if len(per_gemeente[g]) > 1)
        regios[swv_id] = (_pad(vorm, schaal, x0, y0), namen, gesplitst)
    splitsingen = {
        gemeenten[g].naam: _pad(vormen[g].simplify(VEREENVOUDIGING), schaal, x0, y0)
        for g in vormen
        if len(per_gemeente[g]) > 1
    }
    uitkomst = (regios, splitsingen, f"0 0 {BREEDTE} {hoogte:.0f}")
    cache.set(sleutel, uitkomst, 3600)
    return uitkomst


def kies_mijlpaal(sector: str, peildatum: datetime.date, code: str | None = None):
    """The milestone to colour by: the given one, else the recurring one (its current OP
    cycle, the milestone that matters after the introduction), else the first whose deadline is
    on or after the peildatum (else the last); milestones of this sector with a status only."""
    mijlpalen = [
        m
        for m in Mijlpaal.objects.order_by("volgorde")
        if not m.alleen_tijdlijn
        and (m.deadline or m.herhaling_jaren)
        and (not m.sector or m.sector == sector)
    ]
    if code:
        return next((m for m in mijlpalen if m.code == code), None), mijlpalen
    cyclisch = [m for m in mijlpalen if m.herhaling_jaren]
    if cyclisch:
        return cyclisch[0], mijlpalen
    komend = [m for m in mijlpalen if m.deadline >= peildatum]
    return (min(komend, key=lambda m: m.deadline) if komend else mijlpalen[-1]), mijlpalen


def kaart(
    sector: str,
    peildatum: datetime.date,
    kleuring: str,
    user,
    mijlpaal: Mijlpaal | None = None,
    groepering=None,
) -> Kaart:
    """The map; with a group, only its members on the peildatum are coloured and listed, the
    other regions are drawn in grey."""
    regios, splitsingen, viewbox = regiovormen(sector, peildatum)
    alle_swvs = {
        s.pk: s for s in Samenwerkingsverband.objects.for_user(user).filter(pk__in=list(regios))
    }
    swvs = alle_swvs
    if groepering is not None:
        leden = set(groepsleden(groepering, peildatum))
        swvs = {pk: s for pk, s in alle_swvs.items() if pk in leden}
    cycli = None  # per SWV: its current and previous OP cycle, when colouring by them
    if kleuring == "status":
        if mijlpaal is None:
            mijlpaal, _ = kies_mijlpaal(sector, peildatum)
        standen = op_selectors.standen(list(swvs.values()), peildatum)
        gekozen = {
            pk: next((s for s in standen[pk] if s.mijlpaal.pk == mijlpaal.pk), None) for pk in swvs
        }
        waarden = {pk: s.status if s else None for pk, s in gekozen.items()}
        if mijlpaal.herhaling_jaren:
            cycli = {
                pk: (cyclustekst(s.cyclus), cyclustekst(s.vorige_cyclus))
                for pk, s in gekozen.items()
                if s
            }
        kleuren, labels = (
            STATUSKLEUREN,
            {
                **{s: Status(s).label for s in STATUSKLEUREN if s},
                None: "Geen status",
            },
        )
        onderwerp = (
            f"status van de huidige OP-cyclus ('{mijlpaal.naam}')"
            if mijlpaal.herhaling_jaren
            else f"status van mijlpaal '{mijlpaal.naam}'"
        )
    else:
        teldata = [t for t in deelname.teldata(sector) if t <= peildatum]
        waarden = {}
        if teldata:
            land = deelname.landelijk(sector, teldata[-1]).get(teldata[-1])
            per = deelname.per_swv(sector, list(swvs), teldata[-1])
            for (pk, _), d in per.items():
                v = deelname.verevening(d, land) if land else None
                waarden[pk] = v.richting if v else None
        kleuren, labels = VEREVENINGKLEUREN, VEREVENINGLABELS
        onderwerp = "verevening" + (f" (teldatum {teldata[-1]:%d-%m-%Y})" if teldata else "")

    titel = f"Regio's {sector.lower()} op {peildatum:%d-%m-%Y}, gekleurd naar {onderwerp}"
    if groepering is not None:
        titel += f", alleen de groep '{groepering.naam}'"
    kolommen = ["Samenwerkingsverband", "Naam", "Kleur naar", "Gemeenten", "Gesplitste gemeenten"]
    if cycli is not None:
        kolommen += ["Huidige OP-cyclus", "Vorige OP-cyclus"]
    tabel = Tabel("kaart", titel, kolommen)
    regiolijst = []
    for swv in sorted(alle_swvs.values(), key=lambda s: s.code):
        pk = swv.pk
        pad, namen, gesplitst = regios[pk]
        if pk not in swvs:
            kleur, label = BUITEN_GROEP
            regiolijst.append(Regio(swv, pad, kleur, label, tuple(namen), tuple(gesplitst)))
            continue
        waarde = waarden.get(pk)
        label = labels[waarde]
        regiolijst.append(Regio(swv, pad, kleuren[waarde], label, tuple(namen), tuple(gesplitst)))
        rij = [swv, swv.naam, label, ", ".join(namen), ", ".join(gesplitst)]
        if cycli is not None:
            rij += list(cycli.get(pk, ("", "")))
        tabel.rijen.append(rij)
    tellingen = Counter(r.label for r in regiolijst)
    beschrijving = f"{titel}. " + "; ".join(f"{label}: {n}" for label, n in tellingen.items())
    legenda = [(kleuren[w], f"{labels[w]} ({tellingen.get(labels[w], 0)})") for w in kleuren]
    if groepering is not None:
        kleur, label = BUITEN_GROEP
        legenda.append((kleur, f"{label} ({tellingen.get(label, 0)})"))
    return Kaart(
        sector,
        peildatum,
        kleuring,
        mijlpaal if kleuring == "status" else None,
        _svg(sector, titel, beschrijving, viewbox, regiolijst, splitsingen),
        legenda,
        tabel,
    )


def _svg(sector, titel, beschrijving, viewbox, regios, splitsingen) -> str:
    id = f"kaart-{sector.lower()}"
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{viewbox}" role="img" '
        f'aria-labelledby="{id}-titel {id}-beschrijving" class="passend-kaart" id="{id}">',
        f'<title id="{id}-titel">{escape(titel)}</title>',
        f'<desc id="{id}-beschrijving">{escape(beschrijving)}</desc>',
    ]
    for r in regios:
        delen.append(
            f'<path d="{r.pad}" fill="{r.kleur}" stroke="#1e2f44" stroke-width="0.6" '
            f'stroke-linejoin="round"><title>{escape(r.swv.weergavecode)} '
            f"{escape(r.swv.naam)}: {escape(r.label)}"
            + (f" (gesplitst: {escape(', '.join(r.gesplitst))})" if r.gesplitst else "")
            + "</title></path>"
        )
    for naam, pad in sorted(splitsingen.items()):
        delen.append(
            f'<path d="{pad}" fill="none" stroke="#1e2f44" stroke-width="1.2" '
            f'stroke-dasharray="3 2"><title>{escape(naam)}: gesplitste gemeente</title></path>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))  # every text in it went through escape()
