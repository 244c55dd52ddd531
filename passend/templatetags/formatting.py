"""The template filters of `passend.formatting`, built into every template (settings.TEMPLATES
`builtins`), so that no page formats a number or a date by itself:

    {{ n|getal }}  {{ x|getal:2 }}  {{ euro|bedrag }}  {{ p|procent }}  {{ d|procentpunten }}
    {{ dag|datum }}  {{ dag|datum_lang }}  {{ ronde|periode }}  {{ moment|tijdstip }}
    {{ n|aantal:"school,scholen" }}
"""

from django import template

from passend import formatting

register = template.Library()

for _naam in (
    "getal",
    "bedrag",
    "procent",
    "procentpunten",
    "datum",
    "datum_lang",
    "datum_kort",
    "tijdstip",
):
    register.filter(_naam, getattr(formatting, _naam))


@register.filter
def periode(waarde):
    """Anything with `periode_van` and `periode_tot` (a reporting round, a finding)."""
    return formatting.periode(waarde.periode_van, waarde.periode_tot)


@register.filter
def aantal(n, woorden: str):
    enkelvoud, meervoud = woorden.split(",")
    return formatting.aantal(n, enkelvoud, meervoud)
