"""The demo's documents: each SWV's deed of incorporation as a real PDF attached to its
rechtspersoon fact, so that a demo SWV has a document to download, as a real one would.

WeasyPrint renders all deeds in one document (one page each), which pypdf splits into one file
per SWV: one render instead of 150. The files pass the same checks as an upload (they are real
PDFs without active content or anything that identifies a pupil); `controleer_persoonsgegevens`
reads them like any other."""

import hashlib
import html
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from pypdf import PdfReader, PdfWriter

from ondersteuningsplan.stappen import Stap
from passend.formatting import datum_lang
from swv.models import Document, document_pad

STIJL = """
@page { size: A4; margin: 25mm; }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.5; }
section { break-after: page; }
h1 { font-size: 16pt; }
"""


def _pagina(feit) -> str:
    swv = feit.swv
    return (
        "<section>"
        "<h1>Akte van oprichting</h1>"
        f"<p>Op {datum_lang(feit.datum)} is opgericht de {feit.get_rechtsvorm_display().lower()} "
        f"<strong>{html.escape(swv.naam)}</strong>, samenwerkingsverband passend onderwijs "
        f"{html.escape(swv.weergavecode)} ({swv.code}).</p>"
        "<p>De rechtspersoon heeft ten doel de taken uit te voeren die de Wet passend onderwijs "
        "aan een samenwerkingsverband opdraagt, waaronder het vaststellen van een "
        "ondersteuningsplan en het toewijzen van ondersteuningsmiddelen aan de scholen.</p>"
        "<p>Deze akte is een voorbeeld uit de demo van Passend portaal.</p>"
        "</section>"
    )


def maak_aktes(feiten, door_per_swv: dict) -> list[Document]:
    """A deed for every rechtspersoon fact in `feiten` (saved, with ids), attached to it."""
    from weasyprint import CSS, HTML

    feiten = [f for f in feiten if f.stap == Stap.RECHTSPERSOON_OPGERICHT and f.rechtsvorm]
    if not feiten:
        return []
    boek = HTML(
        string=f"<html lang='nl'><head><title>Akte van oprichting</title></head>"
        f"<body>{''.join(_pagina(f) for f in feiten)}</body></html>"
    ).write_pdf(stylesheets=[CSS(string=STIJL)])
    paginas = PdfReader(io.BytesIO(boek)).pages
    documenten = []
    for feit, pagina in zip(feiten, paginas, strict=True):
        schrijver = PdfWriter()
        schrijver.add_page(pagina)
        schrijver.add_metadata({"/Title": f"Akte van oprichting {feit.swv.naam}"})
        uit = io.BytesIO()
        schrijver.write(uit)
        inhoud = uit.getvalue()
        document = Document(
            swv=feit.swv,
            naam=f"Akte van oprichting {feit.swv.code}.pdf",
            grootte=len(inhoud),
            sha256=hashlib.sha256(inhoud).hexdigest(),
            geupload_door=door_per_swv.get(feit.swv_id),
        )
        pad = document_pad(document, "")
        if not default_storage.exists(pad):
            default_storage.save(pad, ContentFile(inhoud))
        document.bestand.name = pad
        documenten.append(document)
    Document.objects.bulk_create(documenten)
    for feit, document in zip(feiten, documenten, strict=True):
        feit.document = document
    type(feiten[0]).objects.bulk_update(feiten, ["document"])
    return documenten
