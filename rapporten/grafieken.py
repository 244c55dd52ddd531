"""The charts of the report, from its frozen numbers: per sector the monitor's steps of
"bestuurlijke inrichting" and "ondersteuningsplan" as bars, as SVG (vector graphics in the PDF)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

BREEDTE, REGEL, LABEL = 640, 22, 300


def staven(titel: str, rijen: list[tuple[str, int]]) -> str:
    """A horizontal bar chart of percentages (0-100)."""
    hoogte = REGEL * len(rijen) + 30
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {hoogte}" '
        f'role="img" aria-label="{escape(titel)}" class="grafiek">',
        f"<title>{escape(titel)}</title>",
    ]
    schaal = BREEDTE - LABEL - 50
    for i, (label, pct) in enumerate(rijen):
        y = i * REGEL + 4
        delen.append(
            f'<text x="{LABEL - 6}" y="{y + 14}" text-anchor="end" font-family="DejaVu Sans" font-size="10" fill="#1a1a1a">{escape(label)}</text>'
            f'<rect x="{LABEL}" y="{y + 2}" width="{schaal * pct / 100:.1f}" height="{REGEL - 6}" '
            f'fill="#01689b"/>'
            f'<text x="{LABEL + schaal * pct / 100 + 4:.1f}" y="{y + 14}" font-family="DejaVu Sans" font-size="10" fill="#1a1a1a">{pct}%</text>'
        )
    y = REGEL * len(rijen) + 6
    delen.append(
        f'<line x1="{LABEL}" y1="{y}" x2="{LABEL + schaal}" y2="{y}" stroke="#666" stroke-width="1"/>'
    )
    for pct in (0, 50, 100):
        delen.append(
            f'<text x="{LABEL + schaal * pct / 100:.1f}" y="{y + 16}" text-anchor="middle" '
            f'font-family="DejaVu Sans" font-size="10" fill="#1a1a1a">{pct}%</text>'
        )
    delen.append("</svg>")
    return mark_safe("".join(delen))


def voor_rapport(cijfers: dict) -> dict:
    uit = {}
    for sector, gegevens in cijfers.get("per_sector", {}).items():
        stappen = gegevens["monitor"]["stappen"]
        for groep in ("bestuur", "ondersteuningsplan"):
            rijen = [(s["label"], s["percentage"]) for s in stappen if s["groep"] == groep]
            uit[f"{groep}_{sector}"] = staven(
                f"{'Bestuurlijke inrichting' if groep == 'bestuur' else 'Ondersteuningsplan'}, "
                f"{sector.lower()}: aandeel samenwerkingsverbanden per stap",
                rijen,
            )
    return uit
