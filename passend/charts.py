"""Charts as SVG, made on the server with matplotlib, for the pages and the PDF reports alike.

Each function returns a `Grafiek`: the SVG markup and the same numbers as a table (`kolommen`,
`rijen`), so a page can show the table to screen readers and an export can offer it. The SVG
is made safe to embed in a page under a strict Content-Security-Policy (`style-src 'self'`,
no scripts): matplotlib's `style` attributes are turned into SVG presentation attributes, its
`<style>` element is removed, and element ids are prefixed with the chart's id so that several
charts on one page never share an id. Output is deterministic: no dates, no random ids, so a
chart for the same data is byte for byte the same (a published report never changes).

WeasyPrint draws SVG presentation attributes, paths and `<text>` as vectors; text stays text
(`svg.fonttype = none`), so a PDF's text can be searched. See docs/adr/0020.
"""

import functools
import hashlib
import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from django.core.cache import cache
from django.utils.safestring import mark_safe
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

#: Part of the cache key: a change of this module or of matplotlib draws anew.
VERSIE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16] + matplotlib.__version__
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: Series colours: Rijkshuisstijl-like, distinguishable in grey and with 3:1 against white.
KLEUREN = ("#01689b", "#e17000", "#39870c", "#6b2c00", "#76127f", "#42145f", "#a90061")
TEKSTKLEUR = "#1e2f44"
LIJNKLEUR = "#b4c0cf"
LETTERTYPE = "DejaVu Sans"

_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "passend",
    "font.family": "sans-serif",
    "font.sans-serif": [LETTERTYPE],
    "font.size": 9,
    "axes.edgecolor": LIJNKLEUR,
    "axes.labelcolor": TEKSTKLEUR,
    "xtick.color": TEKSTKLEUR,
    "ytick.color": TEKSTKLEUR,
    "text.color": TEKSTKLEUR,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": True,
}


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


def _bewaard(functie):
    """Charts are deterministic, so one drawn for the same arguments is taken from the cache
    (drawing one costs about 0.1 s; a monitor page has three)."""

    @functools.wraps(functie)
    def omhulsel(*args, **kwargs):
        sleutel = (
            "grafiek:"
            + hashlib.sha256(
                repr((functie.__name__, VERSIE, args, sorted(kwargs.items()))).encode()
            ).hexdigest()
        )
        grafiek = cache.get(sleutel)
        if grafiek is None:
            with matplotlib.rc_context(_RC):
                grafiek = functie(*args, **kwargs)
            cache.set(sleutel, grafiek, 24 * 3600)
        return grafiek

    return omhulsel


@_bewaard
def staafdiagram(
    titel: str,
    categorieen: Sequence[str],
    reeksen: dict[str, Sequence[float | None]],
    *,
    eenheid: str = "%",
    maximum: float | None = None,
    horizontaal: bool = True,
    id: str | None = None,
    beschrijving: str | None = None,
    kolomtitel: str = "",
) -> Grafiek:
    """Grouped bars: one group per category, one bar per series (e.g. po and vo).

    `reeksen` maps a series name to one value per category (None: no figure, drawn as no bar).
    Horizontal bars suit the monitor's long step names.
    """
    id = id or _slug(titel)
    namen = list(reeksen)
    n = max(len(namen), 1)
    hoogte = max(1.6, 0.32 * len(categorieen) * (0.6 + 0.4 * n) + 0.9) if horizontaal else 3.2
    figuur = _figuur(6.4, hoogte)
    as_ = figuur.add_subplot()
    breedte = 0.8 / n
    for i, naam in enumerate(namen):
        waarden = [0 if w is None else w for w in reeksen[naam]]
        posities = [k + (i - (n - 1) / 2) * breedte for k in range(len(categorieen))]
        if horizontaal:
            staven = as_.barh(posities, waarden, height=breedte, color=KLEUREN[i], label=naam)
        else:
            staven = as_.bar(posities, waarden, width=breedte, color=KLEUREN[i], label=naam)
        as_.bar_label(
            staven,
            labels=[_getal(w, eenheid) for w in reeksen[naam]],
            padding=2,
            fontsize=7,
        )
    if horizontaal:
        as_.set_yticks(range(len(categorieen)), labels=[_afbreken(c) for c in categorieen])
        as_.invert_yaxis()
        if maximum is not None:
            as_.set_xlim(0, maximum * 1.08)
        as_.xaxis.grid(True, color=LIJNKLEUR, linewidth=0.5)
        as_.set_axisbelow(True)
    else:
        as_.set_xticks(range(len(categorieen)), labels=list(categorieen))
        if maximum is not None:
            as_.set_ylim(0, maximum * 1.1)
        as_.yaxis.grid(True, color=LIJNKLEUR, linewidth=0.5)
        as_.set_axisbelow(True)
    if len(namen) > 1:
        as_.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1), ncols=len(namen))
    figuur.tight_layout(pad=0.4)

    kolommen = (kolomtitel, *namen)
    rijen = tuple(
        (categorie, *(reeksen[naam][k] for naam in namen))
        for k, categorie in enumerate(categorieen)
    )
    beschrijving = beschrijving or _beschrijf(titel, kolommen, rijen, eenheid)
    return Grafiek(id, titel, beschrijving, _svg(figuur, id, titel, beschrijving), kolommen, rijen)


@_bewaard
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
    n = len(namen)
    figuur = _figuur(6.4, 2.8 + 0.15 * ((n - 1) // 3))
    as_ = figuur.add_subplot()
    for i, naam in enumerate(namen):
        waarden = [float("nan") if w is None else w for w in reeksen[naam]]
        as_.plot(
            range(len(punten)),
            waarden,
            color=KLEUREN[i % len(KLEUREN)],
            marker="o",
            markersize=3,
            linewidth=1.5,
            label=naam,
        )
    # At most about twelve labels on the axis, always the last; the table has every point.
    stap = max(1, math.ceil(len(punten) / 12))
    getoond = sorted({*range(len(punten) - 1, -1, -stap)})
    as_.set_xticks(getoond, labels=[punten[i] for i in getoond])
    if len(getoond) > 6:
        as_.tick_params(axis="x", labelrotation=45)
    if minimum is not None:
        as_.set_ylim(bottom=minimum)
    if eenheid:
        as_.set_ylabel(eenheid)
    as_.yaxis.grid(True, color=LIJNKLEUR, linewidth=0.5)
    as_.set_axisbelow(True)
    if len(namen) > 1:
        as_.legend(
            frameon=False, fontsize=7, loc="lower left", bbox_to_anchor=(0, 1), ncols=min(n, 3)
        )
    figuur.tight_layout(pad=0.4)

    kolommen = (kolomtitel, *namen)
    rijen = tuple((punt, *(reeksen[naam][k] for naam in namen)) for k, punt in enumerate(punten))
    beschrijving = beschrijving or _beschrijf(titel, kolommen, rijen, eenheid)
    return Grafiek(id, titel, beschrijving, _svg(figuur, id, titel, beschrijving), kolommen, rijen)


def _figuur(breedte: float, hoogte: float) -> Figure:
    figuur = Figure(figsize=(breedte, hoogte), dpi=72)
    figuur.patch.set_alpha(0)
    return figuur


def _getal(waarde: float | None, eenheid: str) -> str:
    if waarde is None:
        return "\N{EN DASH}"
    tekst = f"{waarde:.0f}" if float(waarde).is_integer() or eenheid == "%" else f"{waarde:.1f}"
    return f"{tekst}{eenheid}" if eenheid == "%" else tekst


def _afbreken(label: str, breedte: int = 34) -> str:
    """Wrap a long step name over lines so the chart stays narrow enough for a phone."""
    woorden, regels, regel = label.split(), [], ""
    for woord in woorden:
        if regel and len(regel) + 1 + len(woord) > breedte:
            regels.append(regel)
            regel = woord
        else:
            regel = f"{regel} {woord}".strip()
    regels.append(regel)
    return "\n".join(regels)


def _beschrijf(titel, kolommen, rijen, eenheid) -> str:
    delen = []
    for rij in rijen:
        waarden = ", ".join(
            f"{naam} {_getal(w, eenheid)}" for naam, w in zip(kolommen[1:], rij[1:], strict=True)
        )
        delen.append(f"{rij[0]}: {waarden}")
    return f"{titel}. " + "; ".join(delen) + "."


# -- making matplotlib's SVG safe to embed -----------------------------------------------------

_URL = re.compile(r"url\(#([^)]+)\)")
HREF = f"{{{XLINK_NS}}}href"
_FONT = re.compile(
    r"^(?:(?P<style>italic|oblique|normal)\s+)?(?:(?P<gewicht>bold|normal|\d{3})\s+)?"
    r"(?P<grootte>[\d.]+px)\s+(?P<familie>.+)$"
)


def _svg(figuur: Figure, id: str, titel: str, beschrijving: str) -> str:
    buffer = io.StringIO()
    FigureCanvasSVG(figuur).print_svg(buffer, metadata={"Date": None, "Creator": None})
    return veilig_svg(buffer.getvalue(), id, titel, beschrijving)


def veilig_svg(markup: str, id: str, titel: str, beschrijving: str) -> str:
    """SVG without `style` attributes, `<style>`, `<script>` or metadata; ids prefixed; with a
    title and description that name it for assistive technology."""
    wortel = ET.fromstring(markup)
    _verwijder(wortel, {"metadata", "style", "script"})
    # matplotlib's only stylesheet rule (`* {stroke-linejoin: round; stroke-linecap: butt}`)
    # as inherited presentation attributes on the root.
    wortel.set("stroke-linejoin", "round")
    wortel.set("stroke-linecap", "butt")
    verwezen = set()
    for element in wortel.iter():
        stijl = element.attrib.pop("style", None)
        if stijl:
            for eigenschap, waarde in _declaraties(stijl):
                element.set(eigenschap, waarde)
        for naam, waarde in element.attrib.items():
            verwezen.update(_URL.findall(waarde))
            if naam == HREF and waarde.startswith("#"):
                verwezen.add(waarde[1:])
    for element in wortel.iter():
        oud = element.attrib.pop("id", None)
        if oud in verwezen:
            element.set("id", f"{id}-{oud}")
        for naam, waarde in list(element.attrib.items()):
            if "url(#" in waarde:
                element.set(naam, _URL.sub(lambda m: f"url(#{id}-{m[1]})", waarde))
            elif naam == HREF and waarde.startswith("#"):
                element.set(naam, f"#{id}-{waarde[1:]}")

    wortel.set("id", id)
    wortel.set("role", "img")
    wortel.set("aria-labelledby", f"{id}-titel {id}-beschrijving")
    wortel.set("class", "passend-grafiek")
    wortel.set("font-family", f"{LETTERTYPE}, sans-serif")
    titel_el = ET.Element(f"{{{SVG_NS}}}title", id=f"{id}-titel")
    titel_el.text = titel
    desc_el = ET.Element(f"{{{SVG_NS}}}desc", id=f"{id}-beschrijving")
    desc_el.text = beschrijving
    wortel.insert(0, desc_el)
    wortel.insert(0, titel_el)
    for element in wortel.iter():
        if element.text and not element.text.strip():
            element.text = None
        if element.tail and not element.tail.strip():
            element.tail = None
    # ElementTree's prefix table is global, and WeasyPrint's metadata module takes the empty
    # prefix for itself when it is first imported (in a worker, or in-process in the embedded
    # default); after that the table would write <ns0:svg>, which neither browsers nor
    # WeasyPrint draw. So the prefixes are claimed again right before writing.
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    # Built here from numbers and escaped labels, never from markup a user typed.
    # The namespace map is global and other libraries (WeasyPrint) register "svg:" for the SVG
    # namespace; a page's HTML parser would not see <svg:svg> as SVG. Claim the prefixes back.
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return mark_safe(ET.tostring(wortel, encoding="unicode"))


def _verwijder(wortel, namen: set[str]):
    for ouder in list(wortel.iter()):
        for kind in list(ouder):
            if kind.tag.rpartition("}")[2] in namen:
                ouder.remove(kind)


def _declaraties(stijl: str):
    for declaratie in stijl.split(";"):
        eigenschap, _, waarde = declaratie.partition(":")
        eigenschap, waarde = eigenschap.strip(), waarde.strip()
        if not eigenschap or not waarde:
            continue
        if eigenschap == "font":
            match = _FONT.match(waarde)
            if not match:
                continue
            if match["style"] and match["style"] != "normal":
                yield "font-style", match["style"]
            if match["gewicht"] and match["gewicht"] != "normal":
                yield "font-weight", match["gewicht"]
            yield "font-size", match["grootte"]
            yield "font-family", match["familie"].replace("'", "").strip() + ", sans-serif"
        else:
            yield eigenschap, waarde
