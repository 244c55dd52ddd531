"""The API's JSON parser, with limits: a body nested deeper than `MAX_DIEPTE` or with more than
`MAX_SLEUTELS` keys is refused with a 400 before Python builds it. Without them 100,000 opening
brackets end in a RecursionError and 200,000 keys in a server error (ADR 0036)."""

import json

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

#: Far more than any resource needs (the deepest body has two levels).
MAX_DIEPTE = 20
MAX_SLEUTELS = 1000


def diepte(tekst: str) -> int:
    """The deepest nesting of brackets outside strings, in one pass without recursion."""
    diepste = huidig = 0
    in_tekst = escape = False
    for teken in tekst:
        if in_tekst:
            if escape:
                escape = False
            elif teken == "\\":
                escape = True
            elif teken == '"':
                in_tekst = False
        elif teken == '"':
            in_tekst = True
        elif teken in "[{":
            huidig += 1
            if huidig > diepste:
                diepste = huidig
                if diepste > MAX_DIEPTE:
                    return diepste
        elif teken in "]}":
            huidig -= 1
    return diepste


class JsonParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", "utf-8")
        try:
            tekst = stream.read().decode(encoding) if stream is not None else ""
        except UnicodeDecodeError as fout:
            raise ParseError(f"De inhoud is geen geldige {encoding}-tekst.") from fout
        if not tekst.strip():
            raise ParseError("De inhoud is leeg; stuur een JSON-object.")
        if diepte(tekst) > MAX_DIEPTE:
            raise ParseError(f"De JSON is dieper genest dan {MAX_DIEPTE} niveaus.")
        sleutels = 0

        def tel(paren):
            nonlocal sleutels
            sleutels += len(paren)
            if sleutels > MAX_SLEUTELS:
                raise ParseError(f"De JSON heeft meer dan {MAX_SLEUTELS} sleutels.")
            return dict(paren)

        try:
            return json.loads(tekst, object_pairs_hook=tel, parse_constant=self._geen_constante)
        except json.JSONDecodeError as fout:
            raise ParseError(
                f"De inhoud is geen geldige JSON (regel {fout.lineno}, kolom {fout.colno})."
            ) from fout
        except ValueError as fout:
            raise ParseError(
                "De inhoud is geen geldige JSON (NaN en Infinity bestaan niet)."
            ) from fout
        except RecursionError as fout:
            raise ParseError(f"De JSON is dieper genest dan {MAX_DIEPTE} niveaus.") from fout

    @staticmethod
    def _geen_constante(waarde):
        raise ValueError(f"{waarde} is geen geldige JSON-waarde")
