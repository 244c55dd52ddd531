"""Filters the API's filter sets share."""

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError


class WaarOnwaarVeld(forms.NullBooleanField):
    """A yes/no query parameter as the document declares it: `true` or `false`, nothing else.
    Django's NullBooleanField reads anything else as "not given", so that a misspelt value
    silently returned every row. Its widget passes the value on as it came: Django's select
    widget for yes/no turns an unknown value into "not given" before the field sees it."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in ("true", "false"):
            return value == "true"
        raise ValidationError("Kies true of false.", code="invalid")

    def validate(self, value):
        pass


class BooleanFilter(filters.BooleanFilter):
    field_class = WaarOnwaarVeld


class Sortering(filters.OrderingFilter):
    """`sorteer`: one or more properties, comma-separated, a minus before one for descending; the
    id comes last, so rows with equal values keep one order from page to page. An unknown
    property answers 400."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


def eigenschap(veld: str) -> str:
    """A model field's name as the API writes the property: `periode_van` → `periodeVan`."""
    eerste, *rest = veld.split("_")
    return eerste + "".join(deel.capitalize() for deel in rest)


def sortering(*velden: str, **paden: str) -> Sortering:
    """The sort parameter of a collection: over these model fields, named on the wire as the
    properties are, and over `paden` (property → the path to the field it shows, for a property
    that is read through a relation). Every collection sorts on `id` too."""
    paren = [(veld, eigenschap(veld)) for veld in ("id", *velden)]
    paren += [(pad, naam) for naam, pad in paden.items()]
    return Sortering(
        fields=paren,
        label="Sorteren op een of meer eigenschappen, gescheiden door komma's; een minteken "
        "ervoor sorteert aflopend. Bij gelijke waarden beslist het id.",
    )
