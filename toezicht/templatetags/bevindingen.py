import datetime

from django import template

from passend import formatting

register = template.Library()


@register.filter
def cel(waarde):
    """A cell of a findings list: a date as 24-06-2026, an SWV by its code as people write it,
    nothing as a dash."""
    if waarde is None or waarde == "":
        return "\N{EM DASH}"
    if isinstance(waarde, datetime.date):
        return formatting.datum(waarde)
    return getattr(waarde, "weergavecode", waarde)
