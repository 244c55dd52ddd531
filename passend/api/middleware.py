"""Headers the NL API Design Rules ask of every API response: the full version
(`API-Version`) and the security headers. Pages keep their own policy."""

from django.conf import settings
from django.http import JsonResponse

API_PREFIX = "/api/"

BEVEILIGING = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
#: The document itself (JSON) needs nothing; the docs page loads its scripts and styles from
#: the portal itself.
CSP_JSON = "default-src 'none'; frame-ancestors 'none'"
CSP_DOCS = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


class ApiHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            # ADR 0030: nothing under /api redirects; a client on plain http is told, not sent on.
            response = JsonResponse(
                {
                    "type": "https://httpstatuses.io/403",
                    "title": "Geen toegang.",
                    "status": 403,
                    "detail": "De API is alleen bereikbaar via https.",
                },
                status=403,
                content_type="application/problem+json",
            )
        else:
            response = self.get_response(request)
        response["API-Version"] = settings.SPECTACULAR_SETTINGS["VERSION"]
        for kop, waarde in BEVEILIGING.items():
            response[kop] = waarde
        is_docs = response.get("Content-Type", "").startswith(
            ("text/html", "application/javascript")
        )
        response["Content-Security-Policy"] = CSP_DOCS if is_docs else CSP_JSON
        if request.path in (f"{API_PREFIX}v1/openapi.json",):
            response["Access-Control-Allow-Origin"] = "*"
        if request.is_secure():
            response["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains; preload"
        return response


class StrikteParametersMiddleware:
    """Only the query parameters the OpenAPI document names for an operation, each with a
    value: a misspelt filter (`samenwerkingverband=PO2001`) is a 400, not every row; an empty
    `peildatum=` or enum value is a 400, not the default. One rule for every endpoint, read
    from the same document the clients read (passend.api.document)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(f"{API_PREFIX}v1/") or request.method == "OPTIONS":
            return None
        if not request.GET:
            return None
        operatie = openapi_document_operatie(request.path, request.method)
        if operatie is None:
            return None
        bekend = {p["name"] for p in operatie.get("parameters", []) if p.get("in") == "query"}
        fouten = []
        for naam in request.GET:
            waarden = request.GET.getlist(naam)
            if naam not in bekend:
                fouten.append(
                    {
                        "name": naam,
                        "code": "onbekend",
                        "reason": "Deze parameter bestaat niet"
                        + (f"; bedoelt u een van: {', '.join(sorted(bekend))}?" if bekend else "."),
                    }
                )
            elif any(waarde == "" for waarde in waarden):
                fouten.append(
                    {
                        "name": naam,
                        "code": "leeg",
                        "reason": "Vul een waarde in of laat de parameter weg.",
                    }
                )
            elif len(waarden) > 1:
                fouten.append(
                    {"name": naam, "code": "dubbel", "reason": "Geef deze parameter één keer."}
                )
        if not fouten:
            return None
        return JsonResponse(
            {
                "type": "https://httpstatuses.io/400",
                "title": "Ongeldige invoer.",
                "status": 400,
                "detail": "De invoer is ongeldig: "
                + "; ".join(f"{f['name']}: {f['reason']}" for f in fouten),
                "invalidParams": fouten,
            },
            status=400,
            content_type="application/problem+json",
        )


def openapi_document_operatie(pad, methode):
    from passend.api.document import operatie

    return operatie(pad, methode)
