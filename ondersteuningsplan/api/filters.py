"""Filters of the ondersteuningsplan collections; query keys in lowerCamelCase."""

import django_filters as filters

from ondersteuningsplan.models import Status
from swv.api.filters import _peildatum
from swv.models import Regiotoewijzing, Samenwerkingsverband, Sector


class SamenwerkingsverbandFilter(filters.FilterSet):
    sector = filters.ChoiceFilter(choices=Sector.choices)
    gemeente = filters.NumberFilter(
        method="filter_gemeente",
        label="Alleen samenwerkingsverbanden met (een deel van) deze gemeente (id) op de peildatum.",
    )
    mijlpaal = filters.CharFilter(
        method="geen_filter", label="De code van een mijlpaal; samen met mijlpaalStatus."
    )
    mijlpaalStatus = filters.ChoiceFilter(
        choices=Status.choices,
        method="geen_filter",
        label="Alleen samenwerkingsverbanden waarvan de mijlpaal op de peildatum deze status heeft.",
    )

    class Meta:
        model = Samenwerkingsverband
        fields = ["sector"]

    def filter_gemeente(self, queryset, name, value):
        peildatum = _peildatum(self.request)
        regio = Regiotoewijzing.objects.geldig_op(peildatum).filter(
            postcodegebied__gemeente_id=value
        )
        return queryset.filter(pk__in=regio.values("swv_id"))

    def geen_filter(self, queryset, name, value):
        """Applied by the view: a status is computed, not stored."""
        return queryset
