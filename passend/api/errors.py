"""Every API error as `application/problem+json` (RFC 9457), in Dutch. A 400 lists every
invalid field in `invalidParams`, as the NL API Design Rules ask."""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from passend.locking import Wijzigingsconflict

logger = logging.getLogger(__name__)

PROBLEM = "application/problem+json"

TITELS = {
    400: "Ongeldige invoer.",
    401: "Niet geauthenticeerd.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Dit formaat wordt niet geleverd.",
    409: "Wijzigingsconflict.",
    413: "Verzoek te groot.",
    414: "Adres te lang.",
    415: "Dit formaat wordt niet geaccepteerd.",
    429: "Te veel verzoeken.",
    500: "Interne fout.",
}


def probleem(status_code: int, detail: str, **extra) -> Response:
    data = {
        "type": f"https://httpstatuses.io/{status_code}",
        "title": TITELS.get(status_code, "Fout."),
        "status": status_code,
        "detail": detail,
        **extra,
    }
    return Response(data, status=status_code, content_type=PROBLEM)


def _ongeldige_velden(detail, prefix="") -> list[dict]:
    """Flattens DRF's nested error detail into [{name, code, reason}]."""
    velden = []
    if isinstance(detail, dict):
        for naam, sub in detail.items():
            naam = "nonFieldErrors" if naam == "non_field_errors" else naam
            velden += _ongeldige_velden(sub, f"{prefix}.{naam}" if prefix else str(naam))
    elif isinstance(detail, list):
        if all(not isinstance(d, dict | list) for d in detail):
            for fout in detail:
                velden.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": getattr(fout, "code", "invalid"),
                        "reason": str(fout),
                    }
                )
        else:
            for index, sub in enumerate(detail):
                velden += _ongeldige_velden(sub, f"{prefix}.{index}")
    else:
        velden.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return velden


def _veldnamen(view) -> dict[str, str]:
    """Model field name -> its name in the body (`swv` -> `samenwerkingsverband`,
    `periode_van` -> `periodeVan`), from the view's serializer, so that an error a service or a
    model's `clean` raises on a write names the field the client sent. A read's errors concern
    query parameters, which keep their names."""
    request = getattr(view, "request", None)
    klasse = getattr(view, "get_serializer_class", None)
    if klasse is None or request is None or request.method in ("GET", "HEAD", "OPTIONS"):
        return {}
    return {veld.source: naam for naam, veld in klasse()().fields.items() if not veld.read_only}


class TeGroot(exceptions.APIException):
    status_code = 413
    default_detail = "Het verzoek is te groot; stuur minder gegevens tegelijk."
    default_code = "te_groot"


def _als_drf(exc, view=None):
    if isinstance(exc, RequestDataTooBig):
        return TeGroot()
    if isinstance(exc, TooManyFieldsSent):
        return exceptions.ParseError("Het verzoek heeft te veel velden.")
    if isinstance(exc, Http404):
        return exceptions.NotFound("Deze bron bestaat niet of u heeft er geen toegang toe.")
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            namen = {"__all__": "non_field_errors"}
            if view is not None:
                namen |= _veldnamen(view)
            return exceptions.ValidationError(
                {
                    namen.get(veld, veld): [str(m) for m in fouten]
                    for veld, fouten in exc.message_dict.items()
                }
            )
        return exceptions.ValidationError({"non_field_errors": exc.messages})
    return exc


def exception_handler(exc, context):
    exc = _als_drf(exc, context.get("view"))
    if isinstance(exc, Wijzigingsconflict):
        return probleem(409, str(exc))
    if isinstance(exc, exceptions.ValidationError):
        velden = _ongeldige_velden(exc.detail)
        return probleem(
            400,
            "De invoer is ongeldig: " + "; ".join(f"{v['name']}: {v['reason']}" for v in velden),
            invalidParams=velden,
        )
    if isinstance(exc, exceptions.APIException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        extra = {}
        if exc.status_code == 400:  # a body that is no JSON: the body is the invalid part
            extra["invalidParams"] = [{"name": "body", "code": exc.get_codes(), "reason": detail}]
        response = probleem(exc.status_code, detail, **extra)
        if getattr(exc, "auth_header", None):
            response["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            response["Retry-After"] = str(int(exc.wait))
        return response
    logger.exception("Onverwachte fout in de API", exc_info=exc)
    return probleem(
        status.HTTP_500_INTERNAL_SERVER_ERROR, "Er ging iets mis aan onze kant; probeer het later."
    )


class NietGevonden(APIView):
    """Every /api/v1 address that names no resource, also one with a trailing slash: 404 as
    problem+json, never a redirect."""

    authentication_classes = []
    permission_classes = []
    rollen = ()

    def dispatch(self, request, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.request = self.initialize_request(request, *args, **kwargs)
        self.headers = self.default_response_headers
        response = probleem(404, "Dit adres bestaat niet in de API.")
        return self.finalize_response(self.request, response, *args, **kwargs)
