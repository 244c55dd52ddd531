"""Free text about an SWV must never identify a pupil. A name cannot be recognised reliably, but
the two numbers that identify a pupil can: the burgerservicenummer (BSN, which passes the
elfproef) and the onderwijsnummer (nine digits whose weighted sum leaves 5 when divided by 11).
A text holding such a number is refused."""

import re

from django.core.exceptions import ValidationError

#: Eight or nine digits, possibly written in groups with spaces, dots or dashes.
_GETAL = re.compile(r"(?<![\d])\d(?:[ .\-]?\d){7,8}(?![\d])")
_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)


def _gewogen(cijfers: str) -> int:
    return sum(int(c) * g for c, g in zip(cijfers[:8], _GEWICHTEN, strict=True))


def is_bsn(cijfers: str) -> bool:
    cijfers = cijfers.zfill(9)
    if len(cijfers) != 9 or not cijfers.isdigit() or int(cijfers) == 0:
        return False
    return (_gewogen(cijfers) - int(cijfers[8])) % 11 == 0


def is_onderwijsnummer(cijfers: str) -> bool:
    if len(cijfers) != 9 or not cijfers.isdigit():
        return False
    return (_gewogen(cijfers) + int(cijfers[8])) % 11 == 5


def persoonsnummers(tekst: str) -> list[str]:
    """The numbers in the text that could be a BSN or an onderwijsnummer."""
    gevonden = []
    for match in _GETAL.finditer(tekst or ""):
        cijfers = re.sub(r"\D", "", match.group())
        if is_bsn(cijfers) or is_onderwijsnummer(cijfers):
            gevonden.append(match.group())
    return gevonden


def geen_persoonsgegevens(tekst: str) -> None:
    """A validator for every free-text field of a finding."""
    if persoonsnummers(tekst):
        raise ValidationError(
            "Deze tekst bevat een nummer dat een burgerservicenummer of onderwijsnummer kan zijn. "
            "Leg nooit gegevens vast waarmee een leerling te herkennen is; haal het nummer weg.",
            code="persoonsgegevens",
        )
