"""Filters of the swv collections; query keys in lowerCamelCase."""

import django_filters as filters
from django.db.models import Q

from passend.api.filters import sortering
from passend.peildatum import lees_datum
from swv.models import Regiotoewijzing, Samenwerkingsverband, School, Schoolsoort, Sector


def _peildatum(request):
    return lees_datum(request.query_params.get("peildatum") if request else None)


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


class LeerlingtellingFilter(filters.FilterSet):
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
