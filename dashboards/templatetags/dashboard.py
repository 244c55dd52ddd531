"""Showing a dashboard table's cell: a status as a badge, an SWV as a link to its page, numbers
the Dutch way. The export writes the same values unformatted."""

import datetime
from decimal import Decimal

from django import template
from django.template.base import render_value_in_context
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ondersteuningsplan.models import Status
from passend import formatting
from swv.models import Samenwerkingsverband

register = template.Library()


@register.filter
def cel(waarde, decimalen=None):
    """One cell. Numbers through passend.formatting: whole numbers with a thousands separator,
    decimals with the places of their column (`Tabel.decimalen`), one by default."""
    if waarde is None or waarde == "":
        return format_html(
            '<span aria-hidden="true">{}</span><span class="passend-visually-hidden">geen cijfer'
            "</span>",
            "\N{EN DASH}",
        )
    if isinstance(waarde, Samenwerkingsverband):
        return format_html(
            '<a class="utrecht-link passend-nowrap" href="{}">{}</a>',
            reverse("ondersteuningsplan:overzicht", args=[waarde.code]),
            waarde.weergavecode,
        )
    if isinstance(waarde, Status):
        return format_html(
            '<span class="passend-status passend-status--{}">{}</span>', waarde.value, waarde.label
        )
    if isinstance(waarde, datetime.date):
        return format_html('<span class="passend-nowrap">{}</span>', formatting.datum(waarde))
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return formatting.getal(waarde)
    if isinstance(waarde, float | Decimal):
        return formatting.getal(waarde, 1 if decimalen is None else decimalen)
    return waarde


@register.filter
def is_getal(index, tabel):
    return index in tabel.getallen


@register.simple_tag(takes_context=True)
def tabelrijen(context, tabel, rijen=None):
    """The body rows of a dashboard table, built here rather than by template loops: the same
    markup as a loop over the cells, at a fraction of the cost for the long tables (150 SWVs
    by a dozen columns), so that every dashboard answers within its time budget."""
    delen = []
    for rij in tabel.rijen if rijen is None else rijen:
        delen.append('<tr class="utrecht-table__row">')
        for index, waarde in enumerate(rij):
            inhoud = render_value_in_context(cel(waarde, tabel.decimalen.get(index)), context)
            if index == 0:
                delen.append(f'<th class="utrecht-table__header-cell" scope="row">{inhoud}</th>')
            else:
                klasse = " passend-getal" if index in tabel.getallen else ""
                delen.append(f'<td class="utrecht-table__cell{klasse}">{inhoud}</td>')
        delen.append("</tr>\n    ")
    # Every cell went through render_value_in_context, which escapes what is not safe.
    return mark_safe("".join(delen))


@register.simple_tag(takes_context=True)
def exportadres(context, tabel, formaat: str) -> str:
    """Where a table of this page downloads: a dashboard's export, or an SWV page's."""
    if context.get("dashboard"):
        return reverse("dashboards:export", args=[context["dashboard"], tabel.naam, formaat])
    return reverse("swvcijfers:export", args=[context["swv"].code, tabel.naam, formaat])
