"""The OpenAPI document, generated once per process and then served as it is.

drf-spectacular generates the document from the views on every request, and its generator is
not safe to run in several threads at once: on the threaded embedded default, four requests at
the same moment answered 500 about a third of the time ("Schema generation REQUIRES a view
instance"). The document only changes with the code, so one generation under a lock serves
every request, and the strict query parameters (passend.api.middleware) read the same
document."""

import re
import threading

from drf_spectacular.generators import SchemaGenerator

_slot = threading.Lock()
_document: dict | None = None
_operaties: list | None = None


def openapi_document() -> dict:
    global _document
    if _document is None:
        with _slot:
            if _document is None:
                _document = SchemaGenerator().get_schema(request=None, public=True)
    return _document


def operaties() -> list[tuple[re.Pattern, dict]]:
    """(address pattern, {method: operation}) for every path of the document, literal paths
    before paths with placeholders, so `/signalen/samenvatting` is not taken for
    `/signalen/{id}`."""
    global _operaties
    if _operaties is None:
        rijen = []
        for pad, methoden in openapi_document()["paths"].items():
            letterlijk = re.escape(pad).replace(r"\{", "{").replace(r"\}", "}")
            patroon = re.sub(r"\{[^}/]+\}", "[^/]+", letterlijk)
            rijen.append((pad.count("{"), re.compile(f"^/api/v1{patroon}$"), methoden))
        rijen.sort(key=lambda rij: rij[0])
        _operaties = [(patroon, methoden) for _, patroon, methoden in rijen]
    return _operaties


def operatie(pad: str, methode: str) -> dict | None:
    methode = "get" if methode.lower() == "head" else methode.lower()
    for patroon, methoden in operaties():
        if patroon.match(pad):
            return methoden.get(methode)
    return None


def vergeet():
    """For tests that change the views: the next request generates again."""
    global _document, _operaties
    with _slot:
        _document = _operaties = None
