"""Filters for the report template: its numbers arrive as JSON (dicts). Numbers and dates are
written by the built-in filters of passend.formatting, as on the pages."""

from django import template

register = template.Library()


@register.filter
def sleutel(woordenboek, naam):
    """dict[naam] in a template: `{{ per_sector|sleutel:sector }}`."""
    if not woordenboek:
        return None
    return woordenboek.get(naam)
