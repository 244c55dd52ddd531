"""The one guard against personal data of pupils in free text.

The portal holds counts only: no text in it may identify a pupil. A name cannot be recognised
reliably, but what announces a pupil's identity can:

- a burgerservicenummer (nine digits that pass the elfproef) or an onderwijsnummer (nine digits
  whose weighted sum leaves 5 when divided by 11), however it is written: in groups separated by
  spaces of any kind, tabs, newlines, dots, commas, slashes, underscores, zero-width characters
  or HTML entities, in full-width or other Unicode digits;
- the words leerlingnummer, BSN, burgerservicenummer, onderwijsnummer followed by a number, and a
  geboortedatum (or "geboren") followed by a date;
- an e-mail address or a Dutch phone number.

Such a text is refused (`geen_persoonsgegevens`, a validator the guarded model fields in
`passend.fields` carry). A capitalised first name and surname next to leerling, kind or pupil
is only a warning (`mogelijke_namen`): the coördinator's pages ask to confirm it.

Every check runs on the normalised text (`normaliseer`), so that what a reader sees as a number
is what the guard sees."""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError

_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2)

#: Between two groups of digits of one number: at most three characters that are neither a
#: letter nor a digit (a space of any kind, a dot, a comma, a slash, an underscore, ...).
_TUSSEN = r"[\W_]{1,3}"
_REEKS = re.compile(rf"\d+(?:{_TUSSEN}\d+)*")

_MAANDEN = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_DATUM = rf"(?:\d{{1,4}}[\W_]{{1,3}}\d{{1,2}}[\W_]{{1,3}}\d{{2,4}}|\d{{1,2}}\s*(?:{_MAANDEN})\.?\s*\d{{2,4}})"

_AANKONDIGING = re.compile(
    r"(?<![^\W\d_])(?:leerling[\W_]{0,3}n(?:umme)?r|bsn|burger[\W_]{0,3}service[\W_]{0,3}n(?:umme)?r|"
    r"onderwijs[\W_]{0,3}n(?:umme)?r|sofi[\W_]{0,3}n(?:umme)?r|owr|ocw[\W_]{0,3}nummer)"
    r"(?![^\W\d_])[\W_]{0,5}(?:is|was|=)?[\W_]{0,3}\d",
    re.IGNORECASE,
)
_GEBOORTEDATUM = re.compile(
    rf"(?<![^\W\d_])(?:geboorte[\W_]{{0,3}}datum|geb\.?[\W_]{{0,3}}datum|geboren(?:\s+op)?|geb\.)"
    rf"[\W_]{{0,5}}{_DATUM}",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+\-]+\s*@\s*[\w\-]+(?:\s*\.\s*[\w\-]+)+")
_TELEFOON = re.compile(
    r"(?<![\d+])(?:(?:\+\s*31|0031)[\s\-.]?(?:\(0\)[\s\-.]?)?|0)[1-9](?:[\s\-.()]{0,2}\d){8}(?!\d)"
)
_DATUMVORM = re.compile(r"\d{1,2}[\-./]\d{1,2}[\-./]\d{4}")

_KIND = r"(?i:leerlingen|leerling|kinderen|kind|pupil|zoon|dochter|jongen|meisje)"
_NAAM = r"(?:[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)"
_TUSSENVOEGSEL = r"(?:\s+(?:van|de|der|den|ten|ter|te|het|'t|el|al|la|le|du|da|di|von|op|in))*"
_VOLLEDIGE_NAAM = rf"{_NAAM}{_TUSSENVOEGSEL}\s+{_NAAM}"
_NAAM_BIJ_KIND = re.compile(
    rf"(?<![^\W\d_]){_KIND}(?![^\W\d_])[^.\n]{{0,40}}?(?P<naam1>{_VOLLEDIGE_NAAM})"
    rf"|(?P<naam2>{_VOLLEDIGE_NAAM})[^.\n]{{0,40}}?(?<![^\W\d_]){_KIND}(?![^\W\d_])"
)
#: Capitalised words that are no name where they stand beside the word leerling or kind.
_GEEN_NAAM = {
    "leerling",
    "leerlingen",
    "kind",
    "kinderen",
    "pupil",
    "de",
    "het",
    "een",
    "the",
    "gemeente",
    "school",
    "stichting",
    "vereniging",
}


def normaliseer(tekst: str) -> str:
    """What a reader sees: HTML entities decoded (also twice-encoded ones), compatibility forms
    folded (NFKC: full-width digits, ligatures), every Unicode digit as 0-9, invisible format
    characters (zero-width space and joiner, soft hyphen, direction marks) removed, and every
    kind of space or control character as a plain space."""
    tekst = str(tekst or "")
    for _ in range(3):
        ontsleuteld = html.unescape(tekst)
        if ontsleuteld == tekst:
            break
        tekst = ontsleuteld
    tekst = unicodedata.normalize("NFKC", tekst)
    tekens = []
    for teken in tekst:
        categorie = unicodedata.category(teken)
        if categorie == "Nd":
            tekens.append(str(unicodedata.decimal(teken)))
        elif categorie == "Cf":
            continue
        elif categorie[0] == "Z" or categorie == "Cc":
            tekens.append(" ")
        else:
            tekens.append(teken)
    return "".join(tekens)


def _gewogen(cijfers: str) -> int:
    return sum(int(c) * g for c, g in zip(cijfers[:8], _GEWICHTEN, strict=True))


def is_bsn(cijfers: str) -> bool:
    if len(cijfers) != 9 or not cijfers.isdigit() or int(cijfers) == 0:
        return False
    return (_gewogen(cijfers) - int(cijfers[8])) % 11 == 0


def is_onderwijsnummer(cijfers: str) -> bool:
    if len(cijfers) != 9 or not cijfers.isdigit():
        return False
    return (_gewogen(cijfers) + int(cijfers[8])) % 11 == 5


def _persoonsnummers(tekst: str) -> list[str]:
    """Nine digits, in one group or in whole consecutive groups of a longer series, that could
    be a BSN or an onderwijsnummer. Only whole groups: "2013 111 222 333" holds one, a list of
    dates rarely does."""
    gevonden = []
    for reeks in _REEKS.finditer(tekst):
        groepen = re.findall(r"\d+", reeks.group())
        for begin in range(len(groepen)):
            cijfers = ""
            for groep in groepen[begin:]:
                cijfers += groep
                if len(cijfers) >= 9:
                    break
            if len(cijfers) == 9 and (is_bsn(cijfers) or is_onderwijsnummer(cijfers)):
                gevonden.append(cijfers)
    return gevonden


@dataclass(frozen=True)
class Treffer:
    soort: str
    melding: str


MELDINGEN = {
    "persoonsnummer": "een nummer dat een burgerservicenummer of onderwijsnummer kan zijn",
    "aankondiging": "een leerlingnummer, burgerservicenummer of onderwijsnummer",
    "geboortedatum": "een geboortedatum",
    "email": "een e-mailadres",
    "telefoon": "een telefoonnummer",
}


def controleer(tekst: str) -> list[Treffer]:
    """Everything in the text that identifies a person; empty when the text is fine."""
    if not tekst:
        return []
    schoon = normaliseer(tekst)
    treffers = []
    if _persoonsnummers(schoon):
        treffers.append(Treffer("persoonsnummer", MELDINGEN["persoonsnummer"]))
    if _AANKONDIGING.search(schoon):
        treffers.append(Treffer("aankondiging", MELDINGEN["aankondiging"]))
    if _GEBOORTEDATUM.search(schoon):
        treffers.append(Treffer("geboortedatum", MELDINGEN["geboortedatum"]))
    if _EMAIL.search(schoon):
        treffers.append(Treffer("email", MELDINGEN["email"]))
    if any(not _DATUMVORM.search(t.group()) for t in _TELEFOON.finditer(schoon)):
        treffers.append(Treffer("telefoon", MELDINGEN["telefoon"]))
    return treffers


#: A number as a BSN or onderwijsnummer is written in a document: nine digits in one group, or
#: 1234.56.789 / 123.456.789 with one separator throughout, standing on its own. Digits in
#: longer series (table rows, amounts) are not joined: in a document of many pages that would
#: find an "elfproef" number in every table.
_LOS_PERSOONSNUMMER = re.compile(
    r"(?<![\w.,\-])(?<!\d[ ])"
    r"(\d{9}|\d{4}(?P<s1>[.\- ])\d{2}(?P=s1)\d{3}|\d{3}(?P<s2>[.\- ])\d{3}(?P=s2)\d{3})"
    r"(?![\w]|[.,\- ]\d)"
)


def controleer_document(tekst: str) -> list[Treffer]:
    """What identifies a pupil in the text of an uploaded document: a BSN or onderwijsnummer
    written as such, a leerlingnummer or BSN announced, a geboortedatum. E-mail addresses and
    phone numbers are not refused here: an ondersteuningsplan or an akte carries those of the
    SWV and its office by law and by custom (ADR 0069)."""
    if not tekst:
        return []
    schoon = normaliseer(tekst)
    treffers = []
    for nummer in _LOS_PERSOONSNUMMER.finditer(schoon):
        cijfers = re.sub(r"\D", "", nummer.group())
        if is_bsn(cijfers) or is_onderwijsnummer(cijfers):
            treffers.append(Treffer("persoonsnummer", MELDINGEN["persoonsnummer"]))
            break
    if _AANKONDIGING.search(schoon):
        treffers.append(Treffer("aankondiging", MELDINGEN["aankondiging"]))
    if _GEBOORTEDATUM.search(schoon):
        treffers.append(Treffer("geboortedatum", MELDINGEN["geboortedatum"]))
    return treffers


def melding(treffers: list[Treffer]) -> str:
    wat = ", ".join(dict.fromkeys(t.melding for t in treffers))
    return (
        f"Deze tekst bevat {wat}. Leg nooit gegevens vast waarmee een leerling of een andere "
        "persoon te herkennen is (zoals een burgerservicenummer, leerlingnummer, "
        "geboortedatum, e-mailadres of telefoonnummer); haal ze weg."
    )


def geen_persoonsgegevens(tekst: str) -> None:
    """The validator of every guarded text field (passend.fields)."""
    treffers = controleer(tekst)
    if treffers:
        raise ValidationError(melding(treffers), code="persoonsgegevens")


def mogelijke_namen(tekst: str) -> list[str]:
    """Capitalised first name + surname next to leerling, kind or pupil: perhaps a pupil's
    name. A warning only; the portal cannot tell a name from a place or a programme."""
    namen = []
    for treffer in _NAAM_BIJ_KIND.finditer(normaliseer(tekst)):
        naam = treffer.group("naam1") or treffer.group("naam2")
        woorden = naam.split()
        if woorden[0].lower() in _GEEN_NAAM or woorden[-1].lower() in _GEEN_NAAM:
            continue
        namen.append(naam)
    return namen
