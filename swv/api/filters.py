"""Filters of the swv collections; query keys in lowerCamelCase."""

import django_filters as filters
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework.exceptions import ValidationError

from passend.api.filters import sortering
from passend.peildatum import lees_datum
from swv.models import (
    Groepering,
    Regiotoewijzing,
    Samenwerkingsverband,
    School,
    Schoolsoort,
    Sector,
)
from swv.selectors import groepering_uit, in_groep_op

GROEPTEKST = (
    "Alleen de samenwerkingsverbanden in deze groep (id, zie /groeperingen), elk op de eigen "
    "datum van de regel"
)
GROEPFOUT = "Kies het id van een groep uit /groeperingen."


def _peildatum(request):
    return lees_datum(request.query_params.get("peildatum") if request else None)


class GroepFilter(filters.FilterSet):
    """`groep` on a collection whose rows each have a date of their own (`groepdatum`): a row
    counts when its SWV was in the group on that date, so a series follows the membership."""

    groepdatum = ""
    groep = filters.ModelChoiceFilter(
        queryset=Groepering.objects.all(), method="filter_groep", label=f"{GROEPTEKST}."
    )

    @extend_schema_field(OpenApiTypes.INT)
    def filter_groep(self, queryset, name, value):
        return queryset.filter(in_groep_op(value, self.groepdatum))


def groep_parameter(datum: str) -> OpenApiParameter:
    return OpenApiParameter("groep", OpenApiTypes.INT, description=f"{GROEPTEKST} ({datum}).")


def lees_groep(request) -> Groepering | None:
    """The group asked for by `groep` on a reading without a filter set, or None; 400 when it
    is not one."""
    waarde = request.query_params.get("groep")
    if not waarde:
        return None
    groepering = groepering_uit(waarde)
    if groepering is None:
        raise ValidationError({"groep": GROEPFOUT})
    return groepering


class SchoolSortering(filters.FilterSet):
    """The order of a list of schools, the whole country's or one region's."""

    sorteer = sortering(
        "vestigingsnummer",
        "naam",
        "sector",
        "soort",
        "postcode",
        "plaats",
        bestuur="bestuur__bevoegd_gezag_nummer",
        gemeente="postcodegebied__gemeente__naam",
    )


class SchoolFilter(SchoolSortering):
    sector = filters.ChoiceFilter(choices=Sector.choices)
    soort = filters.ChoiceFilter(choices=Schoolsoort.choices)
    gemeente = filters.NumberFilter(
        field_name="postcodegebied__gemeente_id", label="Gemeente (id)."
    )
    bestuur = filters.CharFilter(
        field_name="bestuur__bevoegd_gezag_nummer", label="Bevoegd-gezagnummer."
    )
    samenwerkingsverband = filters.CharFilter(
        method="filter_swv", label="Alleen scholen in de regio van dit SWV (code) op de peildatum."
    )

    class Meta:
        model = School
        fields = ["sector", "soort"]

    def filter_swv(self, queryset, name, value):
        swv = Samenwerkingsverband.objects.filter(code=value).first()
        if swv is None:
            return queryset.none()
        return queryset.filter(pk__in=School.objects.in_swv(swv, _peildatum(self.request)))


class SchoolbestuurFilter(filters.FilterSet):
    sorteer = sortering("bevoegd_gezag_nummer", "naam")
    samenwerkingsverband = filters.CharFilter(
        method="filter_swv",
        label="Alleen besturen die op de peildatum lid zijn van dit SWV (code).",
    )

    def filter_swv(self, queryset, name, value):
        peildatum = _peildatum(self.request)
        return queryset.filter(
            Q(lidmaatschappen__einddatum__isnull=True)
            | Q(lidmaatschappen__einddatum__gt=peildatum),
            lidmaatschappen__swv__code=value,
            lidmaatschappen__begindatum__lte=peildatum,
        ).distinct()


class GroeperingFilter(filters.FilterSet):
    sorteer = sortering("naam")


class GemeenteFilter(filters.FilterSet):
    sorteer = sortering("naam", "cbs_code")
    naam = filters.CharFilter(lookup_expr="icontains")
    samenwerkingsverband = filters.CharFilter(
        method="filter_swv",
        label="Alleen gemeenten in de regio van dit SWV (code) op de peildatum.",
    )

    def filter_swv(self, queryset, name, value):
        regio = Regiotoewijzing.objects.geldig_op(_peildatum(self.request)).filter(swv__code=value)
        return queryset.filter(pk__in=regio.values("postcodegebied__gemeente_id"))


class LeerlingtellingFilter(GroepFilter):
    groepdatum = "teldatum"
    sorteer = sortering("teldatum", "categorie", "aantal", samenwerkingsverband="swv__code")
    samenwerkingsverband = filters.CharFilter(field_name="swv__code")
    sector = filters.ChoiceFilter(field_name="swv__sector", choices=Sector.choices)
    teldatum = filters.DateFilter()


class LedenFilter(filters.FilterSet):
    sorteer = sortering(
        "begindatum", "einddatum", "stemgewicht", bestuur="bestuur__bevoegd_gezag_nummer"
    )


class DocumentenFilter(filters.FilterSet):
    sorteer = sortering("naam", "grootte", "geupload_op")
