"""Uploads: PDF only, parsed with a PDF library, free of active content (ADR 0035) and of text
that identifies a pupil (ADR 0069), within the size limit, stored under their hash."""

import hashlib
import io
import logging

import pypdfium2 as pdfium
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from accounts.audit import namens
from passend.persoonsgegevens import MELDINGEN, controleer, controleer_document, melding
from swv.models import Document, Samenwerkingsverband

PDF_KOP = b"%PDF-"


def controleer_grootte(grootte: int, naam: str):
    if grootte > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            f"{naam} is {filesizeformat(grootte)}; de grens is "
            f"{filesizeformat(settings.UPLOAD_MAX_BYTES)}.",
            code="te_groot",
        )


logger = logging.getLogger(__name__)

#: Actions that run something when the document is opened or a field is used.
ACTIEVE_ACTIES = {
    "/JavaScript": "JavaScript",
    "/Launch": "een actie die een programma start",
    "/SubmitForm": "een formulier dat gegevens verstuurt",
    "/ImportData": "een formulier dat gegevens inleest",
    "/GoToE": "een verwijzing naar een ingesloten bestand",
    "/RichMediaExecute": "multimedia die code uitvoert",
}
#: Keys whose mere presence is active content.
ACTIEVE_SLEUTELS = {
    "/JS": "JavaScript",
    "/EmbeddedFiles": "ingesloten bestanden",
    "/EmbeddedFile": "ingesloten bestanden",
    "/XFA": "een XFA-formulier",
    "/RichMedia": "ingesloten multimedia",
}
#: Enough for any real document; a file with more objects is refused rather than walked.
MAX_OBJECTEN = 200_000


def _actieve_inhoud(reader: PdfReader) -> list[str]:
    """Walks every object reachable from the document's trailer and names the active content
    it finds: JavaScript, launch actions, embedded files, forms that submit or import."""
    gevonden: dict[str, None] = {}
    gezien: set[tuple[int, int]] = set()
    stapel = [reader.trailer]
    bezocht = 0
    while stapel:
        obj = stapel.pop()
        if isinstance(obj, IndirectObject):
            sleutel = (obj.idnum, obj.generation)
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
            obj = obj.get_object()
        bezocht += 1
        if bezocht > MAX_OBJECTEN:
            gevonden["te veel objecten om te controleren"] = None
            break
        if isinstance(obj, DictionaryObject):
            for sleutel, waarde in obj.items():
                if sleutel in ACTIEVE_SLEUTELS:
                    gevonden[ACTIEVE_SLEUTELS[sleutel]] = None
                if sleutel == "/S" and isinstance(waarde, NameObject) and waarde in ACTIEVE_ACTIES:
                    gevonden[ACTIEVE_ACTIES[waarde]] = None
                if sleutel not in ("/Parent", "/P"):
                    stapel.append(waarde)
        elif isinstance(obj, ArrayObject):
            stapel.extend(obj)
    return list(gevonden)


def persoonsgegevens_in_pdf(inhoud: bytes) -> tuple[list[int], list[str]]:
    """The pages (counted from 1) whose text identifies a pupil, and what was found; the
    document's properties (title, author, subject, keywords) count as page 0. The text is read
    with PDFium (pypdfium2): pypdf needs seconds for a plan of a hundred pages, PDFium a
    fraction of one (ADR 0069)."""
    paginas: list[int] = []
    wat: dict[str, None] = {}
    document = pdfium.PdfDocument(inhoud)
    try:
        teksten = [" ".join(document.get_metadata_dict(skip_empty=True).values())]
        for index in range(len(document)):
            pagina = document[index]
            tekstpagina = pagina.get_textpage()
            teksten.append(tekstpagina.get_text_bounded())
            tekstpagina.close()
            pagina.close()
    finally:
        document.close()
    for nummer, tekst in enumerate(teksten):
        treffers = controleer_document(tekst)
        if treffers:
            paginas.append(nummer)
            wat.update((MELDINGEN[t.soort], None) for t in treffers)
    return paginas, list(wat)


def waar_in_pdf(nummers: list[int]) -> str:
    """ "op pagina 3", "op pagina's 2, 5 en 7", "in de eigenschappen van het bestand"."""
    delen = []
    if 0 in nummers:
        delen.append("in de eigenschappen van het bestand (titel, auteur, onderwerp)")
    paginas = [str(n) for n in nummers if n]
    if len(paginas) == 1:
        delen.append(f"op pagina {paginas[0]}")
    elif paginas:
        lijst = ", ".join(paginas[:9])
        delen.append(
            f"op pagina's {lijst} en verder"
            if len(paginas) > 10
            else f"op pagina's {', '.join(paginas[:-1])} en {paginas[-1]}"
        )
    return " en ".join(delen)


def controleer_pdf(inhoud: bytes, naam: str):
    """A PDF is what a PDF library can read, page by page, and holds nothing that acts: no
    JavaScript, no launch actions, no embedded files, no forms that send or fetch data. A file
    renamed to .pdf, or an HTML page that starts with %PDF-, does not parse and is refused."""
    controleer_grootte(len(inhoud), naam)
    geen_pdf = ValidationError(
        f"{naam} is geen PDF-bestand dat gelezen kan worden. Alleen PDF kan worden geüpload.",
        code="geen_pdf",
    )
    if not inhoud.startswith(PDF_KOP):
        raise geen_pdf
    try:
        reader = PdfReader(io.BytesIO(inhoud), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                f"{naam} is versleuteld of met een wachtwoord beveiligd; upload een PDF zonder "
                "beveiliging.",
                code="versleuteld",
            )
        if len(reader.pages) == 0:
            raise geen_pdf
        for pagina in reader.pages:
            pagina.get_contents()
        actief = _actieve_inhoud(reader)
        paginas, persoonsgegevens = persoonsgegevens_in_pdf(inhoud)
    except ValidationError:
        raise
    except (
        PdfReadError,
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        OSError,
        pdfium.PdfiumError,
    ) as fout:
        logger.info("Upload %s is geen leesbare PDF: %s", naam, fout)
        raise geen_pdf from fout
    if actief:
        raise ValidationError(
            f"{naam} bevat actieve inhoud ({', '.join(actief)}). Zulke PDF-bestanden worden "
            "niet opgeslagen; bewaar het document opnieuw als gewone PDF (bijvoorbeeld via "
            "'Afdrukken naar PDF') en upload het dan.",
            code="actieve_inhoud",
        )
    if persoonsgegevens:
        raise ValidationError(
            f"{naam} bevat {waar_in_pdf(paginas)} {' en '.join(persoonsgegevens)}. Een "
            "document in het portaal mag geen leerling herkenbaar maken: haal het weg (of maak "
            "het onleesbaar) en upload het document opnieuw.",
            code="persoonsgegevens",
        )


def controleer_bestandsnaam(naam: str):
    """A file name is free text too: it may not identify a pupil."""
    treffers = controleer(naam)
    if treffers:
        raise ValidationError(
            f"De bestandsnaam {naam!r}: " + melding(treffers), code="persoonsgegevens"
        )


def controleer_upload(upload) -> tuple[str, bytes, str]:
    """Checks an upload's size, file name and content; returns its name (at most 200 characters),
    content and SHA-256. The upload keeps the hash of the content it passed with, so that the
    second check of the same file (the form's field, then the service) does not parse it
    again; a file whose content differs is checked in full."""
    naam = upload.name.rsplit("/", 1)[-1]
    controleer_grootte(upload.size, naam)
    controleer_bestandsnaam(naam)
    inhoud = b"".join(upload.chunks())
    sha256 = hashlib.sha256(inhoud).hexdigest()
    if getattr(upload, "gecontroleerd_sha256", None) != sha256:
        controleer_pdf(inhoud, naam)
        upload.gecontroleerd_sha256 = sha256
    return naam[:200], inhoud, sha256


def bewaar_document(swv: Samenwerkingsverband, upload, door) -> Document:
    """Stores an uploaded file for an SWV after checking it; raises ValidationError otherwise."""
    naam, inhoud, sha256 = controleer_upload(upload)
    document = Document(swv=swv, naam=naam, grootte=len(inhoud), sha256=sha256, geupload_door=door)
    with namens(door):
        document.bestand.save(f"{sha256}.pdf", ContentFile(inhoud), save=False)
        document.save()
    return document


def nieuw_of_huidig(swv: Samenwerkingsverband, upload, huidig, door) -> Document | None:
    """The document a form leaves: the upload stored as a new document of the SWV, or, when no
    file was chosen, the one it had."""
    return bewaar_document(swv, upload, door) if upload else huidig
