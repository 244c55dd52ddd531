"""Post-processing of the generated OpenAPI document, so that it states what the API does for
every operation: the `API-Version` header on each success, and the problem+json errors."""

from passend.api.errors import PROBLEM, TITELS

FOUTEN = (401, 403, 404, 406, 429, 500)

PROBLEEM = {
    "type": "object",
    "description": "Een fout, volgens RFC 9457 (problem details).",
    "required": ["title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
    },
}
ONGELDIGE_INVOER = {
    "type": "object",
    "description": "Ongeldige invoer: elk ongeldig veld of elke ongeldige parameter.",
    "required": ["title", "status", "detail", "invalidParams"],
    "properties": {
        **PROBLEEM["properties"],
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
VERSIEKOP = {
    "description": "De volledige versie van de API.",
    "schema": {"type": "string", "example": "1.0.0"},
}


def _fout(status: int, schema: str) -> dict:
    return {
        "description": TITELS.get(status, "Fout."),
        "content": {PROBLEM: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def voeg_standaarden_toe(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Probleem"] = PROBLEEM
    schemas["OngeldigeInvoer"] = ONGELDIGE_INVOER
    for pad, methoden in result.get("paths", {}).items():
        for methode, operatie in methoden.items():
            if methode not in ("get", "post", "put", "patch", "delete"):
                continue
            antwoorden = operatie.setdefault("responses", {})
            for code, antwoord in antwoorden.items():
                if str(code)[0] in "23":
                    antwoord.setdefault("headers", {})["API-Version"] = VERSIEKOP
            antwoorden["400"] = _fout(400, "OngeldigeInvoer")
            for status in FOUTEN:
                if status == 401 and pad.endswith("/openapi.json"):
                    continue
                antwoorden[str(status)] = _fout(status, "Probleem")
            if methode in ("post", "put", "patch"):
                antwoorden["409"] = _fout(409, "Probleem")
                antwoorden["413"] = _fout(413, "Probleem")
                antwoorden["415"] = _fout(415, "Probleem")
    return result
