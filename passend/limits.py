"""Limits on what a request may carry, checked before any view reads it, so that an oversized
or malformed request is answered 413, 414 or 400 (problem+json under /api, a Dutch page
elsewhere) and never reaches a view as a server error (ADR 0036).

- The body: at most `API_MAX_BODY_BYTES` under /api, `UPLOAD_MAX_BYTES` plus room for the
  form fields on the pages. Django's own limits (`DATA_UPLOAD_MAX_MEMORY_SIZE`,
  `DATA_UPLOAD_MAX_NUMBER_FIELDS`) stay as a second line and are answered the same way.
- The request line: path and query at most `MAX_ADRES_LENGTE` characters. Gunicorn's own
  limit is lifted (gunicorn.conf.py) because it answers with an HTML page of its own.
- JSON: depth and number of keys are limited by the API's parser (passend.api.parsers)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse, JsonResponse
from django.template import loader

API_PREFIX = "/api/"
MAX_ADRES_LENGTE = 8192
#: Room for the other fields of a form beside its file.
FORMULIER_MARGE = 1024 * 1024

TITELS = {
    400: "Ongeldige invoer.",
    413: "Verzoek te groot.",
    414: "Adres te lang.",
}


def probleem(request, status: int, detail: str) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {
                "type": f"https://httpstatuses.io/{status}",
                "title": TITELS[status],
                "status": status,
                "detail": detail,
                "invalidParams": [{"name": "body", "code": "grens", "reason": detail}]
                if status == 400
                else [],
            },
            status=status,
            content_type="application/problem+json",
        )
    inhoud = loader.render_to_string(
        "verzoek_geweigerd.html", {"titel": TITELS[status], "uitleg": detail}, request=request
    )
    return HttpResponse(inhoud, status=status)


def max_body(request) -> int:
    if request.path.startswith(API_PREFIX):
        return settings.API_MAX_BODY_BYTES
    return settings.UPLOAD_MAX_BYTES + FORMULIER_MARGE


class VerzoekgrenzenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        adres = request.get_full_path()
        if len(adres) > MAX_ADRES_LENGTE:
            return probleem(
                request,
                414,
                f"Het adres is {len(adres)} tekens lang; de grens is {MAX_ADRES_LENGTE}.",
            )
        lengte = request.META.get("CONTENT_LENGTH") or "0"
        try:
            lengte = int(lengte)
            if lengte < 0:
                raise ValueError
        except ValueError:
            return probleem(request, 400, "De lengte van het verzoek (Content-Length) is ongeldig.")
        grens = max_body(request)
        if lengte > grens:
            return self._te_groot(request, grens)
        return self.get_response(request)

    def _te_groot(self, request, grens):
        return probleem(
            request,
            413,
            f"Het verzoek is groter dan {grens // (1024 * 1024) or 1} MB; stuur minder gegevens "
            "tegelijk.",
        )

    def process_exception(self, request, exception):
        if isinstance(exception, RequestDataTooBig):
            return self._te_groot(request, max_body(request))
        if isinstance(exception, TooManyFieldsSent):
            return probleem(request, 400, "Het verzoek heeft te veel velden.")
        return None
