"""Model fields for free text. Every text a person types into the portal is stored through one
of these, so that the guard against personal data (passend.persoonsgegevens) runs on every
path that writes: forms and the API through the model's validators, and the admin, imports,
management commands, `bulk_create` and `QuerySet.update` because the value is checked again
when it is prepared for the database. A test (tests/test_persoonsgegevens.py) fails when a
text field of a model is neither guarded nor listed as a code or a choice."""

from django.core.exceptions import ValidationError
from django.db import models

from passend.persoonsgegevens import controleer, geen_persoonsgegevens, melding


class PersoonsgegevensGeweigerd(ValidationError):
    """Raised at save time, naming the field, so the API and the pages put it beside it."""


class _Bewaakt:
    default_validators = [geen_persoonsgegevens]

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            treffers = controleer(value)
            if treffers:
                raise PersoonsgegevensGeweigerd(
                    {self.name: [ValidationError(melding(treffers), code="persoonsgegevens")]}
                )
        return super().get_db_prep_save(value, connection)


class VrijeTekstField(_Bewaakt, models.TextField):
    """A remark, an explanation, a description: multi-line free text."""


class VrijeRegelField(_Bewaakt, models.CharField):
    """A short free text on one line: a title, a name of a thing, a file name."""
