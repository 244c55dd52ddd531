"""Filters of the ondersteuningsplan collections; query keys in lowerCamelCase."""

import django_filters as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from ondersteuningsplan.models import Status
from passend.api.filters import sortering
from swv.api.filters import _peildatum
from swv.models import Groepering, Regiotoewijzing, Samenwerkingsverband, Sector
from swv.selectors import groepsleden


class SamenwerkingsverbandFilter(filters.FilterSet):
    sorteer = sortering("code", "naam", "sector")
    sector = filters.ChoiceFilter(choices=Sector.choices)
    gemeente = filters.NumberFilter(
        method="filter_gemeente",
        label="Alleen samenwerkingsverbanden met (een deel van) deze gemeente (id) op de peildatum.",
    )
    groep = filters.ModelChoiceFilter(
        queryset=Groepering.objects.all(),
        method="filter_groep",
        label="Alleen de samenwerkingsverbanden in deze groep (id, zie /groeperingen) op de "
        "peildatum.",
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

    @extend_schema_field(OpenApiTypes.INT)
    def filter_groep(self, queryset, name, value):
        return queryset.filter(pk__in=groepsleden(value, _peildatum(self.request)))

    def geen_filter(self, queryset, name, value):
        """Applied by the view: a status is computed, not stored."""
        return queryset


class FeitenFilter(filters.FilterSet):
    sorteer = sortering("stap", "datum", ondersteuningsplan="ondersteuningsplan_id")


class OndersteuningsplannenFilter(filters.FilterSet):
    sorteer = sortering("titel", "periode_van", "periode_tot")


class OPRBesluitenFilter(filters.FilterSet):
    """Only on what the peildatum shows of every decision: sorting on a decision not yet taken
    would tell it."""

    sorteer = sortering("datum_voorgelegd", ondersteuningsplan="ondersteuningsplan_id")


class GeschillenFilter(filters.FilterSet):
    """Only on what the peildatum shows of every dispute (see OPRBesluitenFilter)."""

    sorteer = sortering("soort", "ontstaan_op")


class OOGOFilter(filters.FilterSet):
    """Only on what the peildatum shows of every consultation (see OPRBesluitenFilter)."""

    sorteer = sortering(
        "datum_gepland", ondersteuningsplan="ondersteuningsplan_id", gemeente="gemeente__naam"
    )


class ToelichtingenFilter(filters.FilterSet):
    sorteer = sortering("cyclus", "gewijzigd_op", mijlpaal="mijlpaal__volgorde")
