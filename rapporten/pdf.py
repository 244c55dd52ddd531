"""From the report's numbers to a PDF: a Django template, rendered to HTML, then WeasyPrint.

The PDF is tagged PDF/UA-1 (WeasyPrint writes the structure tree, the document title and the
language from the HTML), A4, with fonts embedded as subsets, page numbers from @page counters and
a table of contents from target-counter(). The stylesheet lives beside the template and is read
from disk: nothing is fetched over the network while rendering.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

STIJL = Path(__file__).resolve().parent / "templates" / "rapporten" / "pdf" / "rapport.css"
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class Resultaat:
    pdf: bytes
    paginas: int


LANDELIJKE_HOOFDSTUKKEN = [
    ("samenvatting", "Samenvatting"),
    ("mijlpalen", "Mijlpalen"),
    ("bestuur", "Bestuurlijke inrichting"),
    ("ondersteuningsplan", "Ondersteuningsplan"),
    ("overleg", "Overleg en instemming"),
    ("werkagenda", "Werkagenda en subsidie 2012"),
    ("experimenten", "Experimenten"),
    ("leerlingen", "Leerlingen"),
    ("thuiszitters", "Thuiszitters"),
    ("bijlage", "Bijlage: de samenwerkingsverbanden"),
]
SWV_HOOFDSTUKKEN = [
    ("samenvatting", "Samenvatting"),
    ("mijlpalen", "Mijlpalen"),
    ("cycli", "OP-cycli"),
    ("feiten", "Feiten"),
    ("documenten", "Documenten"),
    ("werkagenda", "Werkagenda en subsidie 2012"),
    ("geschillen", "Geschillen"),
    ("leerlingen", "Leerlingen"),
    ("vergelijking", "Vergeleken met andere samenwerkingsverbanden"),
    ("thuiszitters", "Thuiszitters"),
]
#: Chapters whose figures a report made before them does not hold: left out of its contents.
LATERE_HOOFDSTUKKEN = ("werkagenda", "geschillen", "vergelijking")
MONITORGROEPEN = [
    ("bestuur", "Bestuurlijke inrichting"),
    ("ondersteuningsplan", "Ondersteuningsplan"),
    ("overleg", "Overleg en instemming"),
]


def html(cijfers: dict, titel: str, gemaakt_op: datetime.datetime | None = None) -> str:
    from rapporten import grafieken
    from rapporten.reproductie import inhoudshash
    from rapporten.samenvatting import overleg, samenvatting

    swv = cijfers["soort"] == "swv"
    return render_to_string(
        "rapporten/pdf/rapport.html",
        {
            "c": cijfers,
            "titel": titel,
            "peildatum": datetime.date.fromisoformat(cijfers["peildatum"]),
            "gemaakt_op": timezone.localtime(gemaakt_op or timezone.now()),
            # a report published before a chapter existed has no figures for it (its numbers
            # are frozen): its contents list leaves that chapter out
            "hoofdstukken": [
                (anker, kop)
                for anker, kop in (SWV_HOOFDSTUKKEN if swv else LANDELIJKE_HOOFDSTUKKEN)
                if (anker not in LATERE_HOOFDSTUKKEN or anker in cijfers)
                and (anker != "cycli" or cijfers.get("cycli"))
            ],
            "monitorgroepen": MONITORGROEPEN,
            "inhoudshash": inhoudshash(cijfers),
            "samenvatting": samenvatting(cijfers),
            "overleg": [] if swv else overleg(cijfers),
            "grafieken": grafieken.voor_rapport(cijfers),
        },
    )


def render(cijfers: dict, titel: str, gemaakt_op: datetime.datetime | None = None) -> Resultaat:
    from weasyprint import CSS, HTML

    document = HTML(string=html(cijfers, titel, gemaakt_op), base_url=str(STIJL.parent)).render(
        stylesheets=[CSS(filename=str(STIJL))], pdf_variant=PDF_VARIANT, pdf_tags=True
    )
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    return Resultaat(pdf, len(document.pages))
