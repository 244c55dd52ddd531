"""How the portal writes numbers, dates and counted words: the one place for it, used by the
pages (the template filters of `passend.templatetags.formatting`, loaded in every template),
the exports and the PDF reports.

- Whole numbers with a thousands separator: 1.437.403.
- Decimals with a decimal comma and a fixed number of places per kind of figure: percentages of
  pupils with one (2,6%), the deelnamepercentage and its change with two (1,84% and +0,12 pp).
- Dates in tables and lists as 24-06-2026; in a sentence with the month written out:
  1 juli 2014. Months always in lower case, also abbreviated (1 sep\u201331 okt 2026).
- A counted word in its Dutch plural: 1 school, 217 scholen; 1 lid, 32 leden.
- Unknown is an en dash, never 0 and never "None".
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3

ONBEKEND = "\u2013"  # en dash
MIN = "\u2212"  # minus sign


def _groepen(geheel: str) -> str:
    """'1437403' → '1.437.403'."""
    delen = []
    while len(geheel) > 3:
        delen.insert(0, geheel[-3:])
        geheel = geheel[:-3]
    return ".".join([geheel, *delen])


def getal(waarde, decimalen: int = 0) -> str:
    """A number the Dutch way, with a thousands separator and `decimalen` places after a
    decimal comma: getal(1437403) == '1.437.403', getal(2.55, 1) == '2,6'."""
    if waarde is None or waarde == "":
        return ONBEKEND
    tekst = f"{Decimal(str(waarde)):.{int(decimalen)}f}"
    teken = ""
    if tekst.startswith("-"):
        teken, tekst = MIN, tekst[1:]
    geheel, _, breuk = tekst.partition(".")
    if teken and set(geheel + breuk) <= {"0"}:
        teken = ""
    return teken + _groepen(geheel) + ("," + breuk if breuk else "")


def bedrag(waarde) -> str:
    """An amount in whole euros: 123450 → '€ 123.450' (with a non-breaking space)."""
    if waarde is None or waarde == "":
        return ONBEKEND
    return f"€\u00a0{getal(waarde)}"


def procent(waarde, decimalen: int = 1) -> str:
    """2.55 → '2,6%'; unknown → en dash."""
    if waarde is None or waarde == "":
        return ONBEKEND
    return f"{getal(waarde, decimalen)}%"


def procentpunten(waarde, decimalen: int = 2) -> str:
    """A change in percentage points, always with its sign (a minus sign, not a hyphen):
    '+0,12 pp', '\u22120,40 pp', '±0,00 pp'."""
    if waarde is None or waarde == "":
        return ONBEKEND
    teken = "+" if waarde > 0 else ("" if waarde < 0 else "±")
    return f"{teken}{getal(waarde, decimalen)} pp"


def _als_datum(waarde) -> datetime.date | None:
    if not waarde:
        return None
    if isinstance(waarde, str):
        return datetime.date.fromisoformat(waarde[:10])
    if isinstance(waarde, datetime.datetime):
        return timezone.localtime(waarde).date() if timezone.is_aware(waarde) else waarde.date()
    return waarde


def datum(waarde) -> str:
    """In a table or a list: 24-06-2026. Accepts a date, an aware datetime or an ISO string."""
    dag = _als_datum(waarde)
    return f"{dag:%d-%m-%Y}" if dag else ""


def datum_lang(waarde) -> str:
    """In a sentence: 1 juli 2014."""
    dag = _als_datum(waarde)
    return f"{dag.day} {MONTHS[dag.month]} {dag.year}" if dag else ""


def datum_kort(waarde, met_jaar: bool = True) -> str:
    """Where room is short: 1 sep 2026 (lower case, no dot)."""
    dag = _als_datum(waarde)
    if not dag:
        return ""
    tekst = f"{dag.day} {MONTHS_3[dag.month]}"
    return f"{tekst} {dag.year}" if met_jaar else tekst


def periode(van, tot) -> str:
    """A period, its ends joined by an en dash: '1 sep \u2013 31 okt 2026' within a year,
    '1 nov 2025 \u2013 31 dec 2026' across one."""
    begin, einde = _als_datum(van), _als_datum(tot)
    if not begin or not einde:
        return ONBEKEND
    return f"{datum_kort(begin, met_jaar=begin.year != einde.year)} \u2013 {datum_kort(einde)}"


def tijdstip(waarde) -> str:
    """A moment in local time: 6 december 2026, 06:19."""
    if not waarde:
        return ""
    moment = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
    return f"{datum_lang(moment.date())}, {moment:%H:%M}"


def aantal(n, enkelvoud: str, meervoud: str) -> str:
    """A counted word: aantal(1, 'school', 'scholen') == '1 school', (1437, …) '1.437 scholen'.
    Dutch plurals are irregular enough (lid/leden, school/scholen, kind/kinderen) that both
    forms are always given."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"
