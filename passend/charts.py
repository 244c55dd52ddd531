"""Charts as SVG, drawn on the server for the pages and the PDF reports alike.

Each function returns a `Grafiek`: the SVG markup and the same numbers as a table (`kolommen`,
`rijen`), so a page can show the table to screen readers and an export can offer it. The two
shapes the portal needs (grouped horizontal bars for the monitor, lines for trends) are drawn
here as plain SVG elements with presentation attributes: no `style`, no `<style>`, no script,
so a chart embeds under a strict Content-Security-Policy (`style-src 'self'`), and every id
starts with the chart's id so that several charts on one page never share one. Output is
deterministic (a published report never changes) and takes about a millisecond, so a chart is
drawn for every request instead of cached. Text stays `<text>`, which WeasyPrint draws as
searchable text in the PDF. See docs/adr/0045 (it supersedes 0020, matplotlib).
"""

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import mark_safe

from passend import formatting

SVG_NS = "http://www.w3.org/2000/svg"

#: Series colours: Rijkshuisstijl-like, distinguishable in grey and with 3:1 against white.
KLEUREN = ("#01689b", "#e17000", "#39870c", "#6b2c00", "#76127f", "#42145f", "#a90061")
TEKSTKLEUR = "#1e2f44"
LIJNKLEUR = "#b4c0cf"
LETTERTYPE = "DejaVu Sans, sans-serif"

#: Sizes in points, as in the PDF: a chart is 6.4 inch wide, 9 pt text, 7 pt for figures.
BREEDTE = 460.8
TEKST = 9.0
KLEIN = 7.0
#: Average advance of a DejaVu Sans character as a share of the font size (for layout only).
TEKENBREEDTE = 0.58


@dataclass(frozen=True)
class Grafiek:
    """A chart: its SVG markup and its numbers as a table."""

    id: str
    titel: str
    beschrijving: str
    svg: str  # safe markup: print it in a template as {{ grafiek.svg }}
    kolommen: tuple[str, ...]
    rijen: tuple[tuple, ...]

    def __str__(self) -> str:
        return self.svg


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")[:40] or "grafiek"


def staafdiagram(
    titel: str,
    categorieen: Sequence[str],
    reeksen: dict[str, Sequence[float | None]],
    *,
    eenheid: str = "%",
    maximum: float | None = None,
    id: str | None = None,
    beschrijving: str | None = None,
    kolomtitel: str = "",
) -> Grafiek:
    """Grouped horizontal bars: one group per category (the monitor's long step names, wrapped
    over lines), one bar per series (e.g. po and vo). `reeksen` maps a series name to one value
    per category; None is no figure, drawn as no bar and labelled with a dash."""
    id = id or _slug(titel)
    namen = list(reeksen)
    n = max(len(namen), 1)
    labels = [_afbreken(c) for c in categorieen]
    hoogste = max([w for r in reeksen.values() for w in r if w is not None] or [0])
    boven = maximum if maximum is not None else hoogste
    ticks = _ticks(0, boven or 1)
    schaal_max = max(ticks[-1], (maximum or 0) * 1.08, hoogste * 1.08)

    staaf = 10.0
    groep = max(staaf * n + 8, max((len(regels) for regels in labels), default=1) * 11 + 6)
    legenda = 16.0 if len(namen) > 1 else 0.0
    links = min(
        BREEDTE * 0.45,
        max((len(r) for regels in labels for r in regels), default=4) * TEKST * TEKENBREEDTE + 10,
    )
    rechts, onder, top = 28.0, 18.0, 4.0 + legenda
    hoogte = top + groep * len(categorieen) + onder
    breedte = BREEDTE - links - rechts

    def x(waarde):
        return links + breedte * (waarde / schaal_max if schaal_max else 0)

    wortel, tekening = _wortel(id, titel, beschrijving, hoogte)
    _legenda(tekening, namen, links, 4.0)
    for tick in ticks:
        if tick > schaal_max:
            continue
        _lijn(tekening, x(tick), top, x(tick), top + groep * len(categorieen), LIJNKLEUR, 0.5)
        _tekst(tekening, x(tick), hoogte - 6, _getal(tick, eenheid), KLEIN, "middle")
    _lijn(tekening, links, top, links, top + groep * len(categorieen), LIJNKLEUR, 0.8)
    for k, regels in enumerate(labels):
        midden = top + groep * k + groep / 2
        _tekst(tekening, links - 5, midden, regels, TEKST, "end")
        for i, naam in enumerate(namen):
            waarde = reeksen[naam][k]
            y = midden - staaf * n / 2 + staaf * i
            if waarde:
                ET.SubElement(
                    tekening,
                    "rect",
                    x=_f(links),
                    y=_f(y),
                    width=_f(x(waarde) - links),
                    height=_f(staaf - 1),
                    fill=KLEUREN[i % len(KLEUREN)],
                )
            _tekst(tekening, x(waarde or 0) + 2, y + staaf / 2, _getal(waarde, eenheid), KLEIN)

    kolommen = (kolomtitel, *namen)
    rijen = tuple(
        (categorie, *(reeksen[naam][k] for naam in namen))
        for k, categorie in enumerate(categorieen)
    )
    return _grafiek(wortel, id, titel, beschrijving, kolommen, rijen, eenheid)


def lijndiagram(
    titel: str,
    punten: Sequence[str],
    reeksen: dict[str, Sequence[float | None]],
    *,
    eenheid: str = "",
    minimum: float | None = 0,
    id: str | None = None,
    beschrijving: str | None = None,
    kolomtitel: str = "",
) -> Grafiek:
    """A trend: one line per series over the points (teldata, periods). None leaves a gap."""
    id = id or _slug(titel)
    namen = list(reeksen)
    waarden = [w for r in reeksen.values() for w in r if w is not None]
    laag = minimum if minimum is not None else min(waarden or [0])
    ticks = _ticks(laag, max(waarden or [laag + 1]))
    legendarijen = math.ceil(len(namen) / 3) if len(namen) > 1 else 0
    # At most about twelve labels on the axis, always the last; the table has every point.
    stap = max(1, math.ceil(len(punten) / 12))
    getoond = sorted({*range(len(punten) - 1, -1, -stap)})
    gedraaid = len(getoond) > 6
    langste = max((len(p) for p in punten), default=1) * KLEIN * TEKENBREEDTE
    top = 6.0 + 13 * legendarijen
    onder = (langste * 0.71 + 12) if gedraaid else 18.0
    links = max(len(_getal(t, "")) for t in ticks) * KLEIN * TEKENBREEDTE + (22 if eenheid else 10)
    rechts = 12.0 if gedraaid else max(12.0, len(punten[-1] if punten else "") * KLEIN * 0.3)
    hoogte = top + 150 + onder
    breedte = BREEDTE - links - rechts
    onderkant = top + 150

    def x(i):
        return links + (breedte * i / (len(punten) - 1) if len(punten) > 1 else breedte / 2)

    def y(waarde):
        return onderkant - 150 * (waarde - ticks[0]) / ((ticks[-1] - ticks[0]) or 1)

    wortel, tekening = _wortel(id, titel, beschrijving, hoogte)
    _legenda(tekening, namen, links, 4.0, per_rij=3)
    for tick in ticks:
        _lijn(tekening, links, y(tick), links + breedte, y(tick), LIJNKLEUR, 0.5)
        _tekst(tekening, links - 4, y(tick), _getal(tick, ""), KLEIN, "end")
    if eenheid:
        _tekst(tekening, 6, top + 75, eenheid, KLEIN, "middle")
    _lijn(tekening, links, onderkant, links + breedte, onderkant, LIJNKLEUR, 0.8)
    for i in getoond:
        if gedraaid:
            label = _tekst(tekening, x(i), onderkant + 8, punten[i], KLEIN, "end")
            label.set("transform", f"rotate(-45 {_f(x(i))} {_f(onderkant + 8)})")
        else:
            _tekst(tekening, x(i), onderkant + 10, punten[i], KLEIN, "middle")
    for r, naam in enumerate(namen):
        kleur = KLEUREN[r % len(KLEUREN)]
        stuk: list[str] = []
        stukken = [stuk]
        for i, waarde in enumerate(reeksen[naam]):
            if waarde is None:
                stuk = []
                stukken.append(stuk)
                continue
            stuk.append(f"{_f(x(i))},{_f(y(waarde))}")
            ET.SubElement(tekening, "circle", cx=_f(x(i)), cy=_f(y(waarde)), r="1.8", fill=kleur)
        for stuk in stukken:
            if len(stuk) > 1:
                ET.SubElement(
                    tekening,
                    "polyline",
                    points=" ".join(stuk),
                    fill="none",
                    stroke=kleur,
                    **{"stroke-width": "1.5"},
                )

    kolommen = (kolomtitel, *namen)
    rijen = tuple((punt, *(reeksen[naam][k] for naam in namen)) for k, punt in enumerate(punten))
    return _grafiek(wortel, id, titel, beschrijving, kolommen, rijen, eenheid)


# -- drawing ----------------------------------------------------------------------------------


def _wortel(id: str, titel: str, beschrijving: str | None, hoogte: float):
    wortel = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "id": id,
            "class": "passend-grafiek",
            "role": "img",
            "aria-labelledby": f"{id}-titel {id}-beschrijving",
            "width": f"{_f(BREEDTE)}pt",
            "height": f"{_f(hoogte)}pt",
            "viewBox": f"0 0 {_f(BREEDTE)} {_f(hoogte)}",
            "font-family": LETTERTYPE,
            "fill": TEKSTKLEUR,
        },
    )
    ET.SubElement(wortel, "title", id=f"{id}-titel").text = titel
    ET.SubElement(wortel, "desc", id=f"{id}-beschrijving")  # filled in by _grafiek
    return wortel, ET.SubElement(wortel, "g")


def _grafiek(wortel, id, titel, beschrijving, kolommen, rijen, eenheid) -> Grafiek:
    beschrijving = beschrijving or _beschrijf(titel, kolommen, rijen, eenheid)
    wortel.find("desc").text = beschrijving
    # Built here from numbers and escaped labels, never from markup a user typed.
    svg = mark_safe(ET.tostring(wortel, encoding="unicode"))
    return Grafiek(id, titel, beschrijving, svg, kolommen, rijen)


def _legenda(ouder, namen, links, y, per_rij=None):
    if len(namen) < 2:
        return
    per_rij = per_rij or len(namen)
    langste = max(len(naam) for naam in namen) * KLEIN * TEKENBREEDTE + 24
    breedte = min((BREEDTE - links) / per_rij, langste)
    for i, naam in enumerate(namen):
        lx, ly = links + breedte * (i % per_rij), y + 13 * (i // per_rij)
        ET.SubElement(
            ouder,
            "rect",
            x=_f(lx),
            y=_f(ly),
            width="8",
            height="8",
            fill=KLEUREN[i % len(KLEUREN)],
        )
        _tekst(ouder, lx + 11, ly + 4, naam, KLEIN)


def _lijn(ouder, x1, y1, x2, y2, kleur, dikte):
    ET.SubElement(
        ouder,
        "line",
        x1=_f(x1),
        y1=_f(y1),
        x2=_f(x2),
        y2=_f(y2),
        stroke=kleur,
        **{"stroke-width": str(dikte)},
    )


def _tekst(ouder, x, y, tekst, grootte, anker="start"):
    """Text vertically centred on y; a list of lines is set as tspans around y."""
    regels = tekst if isinstance(tekst, list) else [tekst]
    element = ET.SubElement(
        ouder,
        "text",
        {"x": _f(x), "font-size": _f(grootte), "text-anchor": anker},
    )
    regelhoogte = grootte * 1.2
    eerste = y - regelhoogte * (len(regels) - 1) / 2 + grootte * 0.35
    if len(regels) == 1:
        element.set("y", _f(eerste))
        element.text = regels[0]
    else:
        for i, regel in enumerate(regels):
            ET.SubElement(element, "tspan", x=_f(x), y=_f(eerste + regelhoogte * i)).text = regel
    return element


def _f(getal: float) -> str:
    """Coordinates with two decimals at most, the same on every machine."""
    return f"{getal:.2f}".rstrip("0").rstrip(".")


def _ticks(laag: float, hoog: float, hoeveel: int = 5) -> list[float]:
    """Round axis values from at most `laag` to at least `hoog`: steps of 1, 2, 2.5 or 5 times a
    power of ten."""
    if hoog <= laag:
        hoog = laag + 1
    ruw = (hoog - laag) / hoeveel
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(m * macht for m in (1, 2, 2.5, 5, 10) if m * macht >= ruw)
    begin = math.floor(laag / stap) * stap
    aantal = math.ceil((hoog - begin) / stap - 1e-9)
    return [round(begin + stap * i, 10) for i in range(aantal + 1)]


def _getal(waarde: float | None, eenheid: str) -> str:
    """A figure in Dutch notation (passend.formatting): whole numbers and percentages without
    decimals, others with one decimal after a comma; thousands separated by a point."""
    if waarde is None:
        return "\N{EN DASH}"
    decimalen = 0 if float(waarde).is_integer() or eenheid == "%" else 1
    tekst = formatting.getal(waarde, decimalen)
    return f"{tekst}{eenheid}" if eenheid == "%" else tekst


def _afbreken(label: str, breedte: int = 34) -> list[str]:
    """Wrap a long step name over lines so the chart stays narrow enough for a phone."""
    woorden, regels, regel = label.split(), [], ""
    for woord in woorden:
        if regel and len(regel) + 1 + len(woord) > breedte:
            regels.append(regel)
            regel = woord
        else:
            regel = f"{regel} {woord}".strip()
    regels.append(regel)
    return regels


def _beschrijf(titel, kolommen, rijen, eenheid) -> str:
    delen = []
    for rij in rijen:
        waarden = ", ".join(
            f"{naam} {_getal(w, eenheid)}" for naam, w in zip(kolommen[1:], rij[1:], strict=True)
        )
        delen.append(f"{rij[0]}: {waarden}")
    return f"{titel}. " + "; ".join(delen) + "."
