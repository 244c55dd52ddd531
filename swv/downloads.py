"""A stored document as a download, the same for the pages and the API."""

from django.http import FileResponse, Http404

from swv.models import Document


def als_download(document: Document) -> FileResponse:
    """The PDF as an attachment under its own name; 404 when the file is gone from storage."""
    try:
        bestand = document.bestand.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand is niet gevonden.") from None
    return FileResponse(
        bestand, as_attachment=True, filename=document.naam, content_type="application/pdf"
    )
