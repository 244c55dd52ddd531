"""Uploads: PDF only, parsed with a PDF library and free of active content, within the size
limit, stored under their hash (ADR 0035)."""

import hashlib
import io
import logging

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from passend.persoonsgegevens import controleer, melding
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


def controleer_bestandsnaam(naam: str):
    """A file name is free text too: it may not identify a pupil."""
    treffers = controleer(naam)
    if treffers:
        raise ValidationError(
            f"De bestandsnaam {naam!r}: " + melding(treffers), code="persoonsgegevens"
        )


def bewaar_document(swv: Samenwerkingsverband, upload, door) -> Document:
    """Stores an uploaded file for an SWV after checking it; raises ValidationError otherwise."""
    naam = upload.name.rsplit("/", 1)[-1][:200]
    controleer_grootte(upload.size, naam)
    controleer_bestandsnaam(naam)
    inhoud = b"".join(upload.chunks())
    controleer_pdf(inhoud, naam)
    sha256 = hashlib.sha256(inhoud).hexdigest()
    document = Document(swv=swv, naam=naam, grootte=len(inhoud), sha256=sha256, geupload_door=door)
    with set_actor(door):
        document.bestand.save(f"{sha256}.pdf", ContentFile(inhoud), save=False)
        document.save()
    return document
