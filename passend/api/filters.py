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
