"""Filters for the report template: its numbers arrive as JSON (ISO dates, dicts)."""

import datetime

from django import template
from django.utils.formats import date_format

register = template.Library()
ONBEKEND = "\u2013"  # en dash
MIN = "\u2212"  # minus sign


@register.filter
def datum(waarde, formaat="j F Y"):
    """'2014-02-01' → '1 februari 2014'; empty stays empty."""
    if not waarde:
        return ""
    if isinstance(waarde, str):
        waarde = datetime.date.fromisoformat(waarde[:10])
    return date_format(waarde, formaat)


@register.filter
def sleutel(woordenboek, naam):
    """dict[naam] in a template: `{{ per_sector|sleutel:sector }}`."""
    if not woordenboek:
        return None
    return woordenboek.get(naam)


@register.filter
def procent(waarde, decimalen=1):
    """A percentage with a decimal comma; an en dash when unknown."""
    if waarde in (None, ""):
        return ONBEKEND
    tekst = f"{float(waarde):.{int(decimalen)}f}".replace(".", ",")
    return f"{tekst}%"


@register.filter
def verschil(waarde):
    """A change in percentage points, with its sign."""
    if waarde in (None, ""):
        return ONBEKEND
    teken = "+" if waarde > 0 else (MIN if waarde < 0 else "±")
    return f"{teken}{abs(float(waarde)):.2f}".replace(".", ",") + " pp"
