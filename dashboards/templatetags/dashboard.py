"""Showing a dashboard table's cell: a status as a badge, an SWV as a link to its page, numbers
the Dutch way. The export writes the same values unformatted."""

import datetime

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html

from ondersteuningsplan.models import Status
from swv.models import Samenwerkingsverband

register = template.Library()


@register.filter
def cel(waarde):
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
        return format_html('<span class="passend-nowrap">{}</span>', f"{waarde:%d-%m-%Y}")
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        return number_format(waarde, decimal_pos=None if waarde != int(waarde) else 1)
    return waarde


@register.filter
def is_getal(index, tabel):
    return index in tabel.getallen
