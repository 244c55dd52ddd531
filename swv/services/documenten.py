"""Uploads: PDF only, checked by content, within the size limit, stored under their hash."""

import hashlib

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat

from swv.models import Document, Samenwerkingsverband

PDF_KOP = b"%PDF-"


def controleer_grootte(grootte: int, naam: str):
    if grootte > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            f"{naam} is {filesizeformat(grootte)}; de grens is "
            f"{filesizeformat(settings.UPLOAD_MAX_BYTES)}.",
            code="te_groot",
        )


def controleer_pdf(inhoud: bytes, naam: str):
    """A PDF starts with %PDF- and ends with %%EOF (give or take trailing whitespace); a file
    renamed to .pdf does not."""
    controleer_grootte(len(inhoud), naam)
    if not inhoud.startswith(PDF_KOP) or b"%%EOF" not in inhoud[-2048:]:
        raise ValidationError(
            f"{naam} is geen PDF-bestand. Alleen PDF kan worden geüpload.", code="geen_pdf"
        )


def bewaar_document(swv: Samenwerkingsverband, upload, door) -> Document:
    """Stores an uploaded file for an SWV after checking it; raises ValidationError otherwise."""
    naam = upload.name.rsplit("/", 1)[-1][:200]
    controleer_grootte(upload.size, naam)
    inhoud = b"".join(upload.chunks())
    controleer_pdf(inhoud, naam)
    sha256 = hashlib.sha256(inhoud).hexdigest()
    document = Document(swv=swv, naam=naam, grootte=len(inhoud), sha256=sha256, geupload_door=door)
    with set_actor(door):
        document.bestand.save(f"{sha256}.pdf", ContentFile(inhoud), save=False)
        document.save()
    return document
