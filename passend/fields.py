"""Model fields for free text. Every text a person types into the portal is stored through one
of these, so that the guard against personal data (passend.persoonsgegevens) runs on every
path that writes: forms and the API through the model's validators, and the admin, imports,
management commands, `bulk_create` and `QuerySet.update` because the value is checked again
when it is prepared for the database. A test (tests/test_persoonsgegevens.py) fails when a
text field of a model is neither guarded nor listed as a code or a choice."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from passend.peildatum import laatste
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


#: The first date of a fact. The law is of 2012, but the three experiment SWVs started a year
#: early, so their preparation lies in 2011 (ADR 0038). Earlier dates never fall outside a
#: reading: a peildatum (from 2012) sees everything dated before it.
EERSTE = datetime.date(2011, 1, 1)


class Datumgrenzen:
    """The range of a date field: nothing before 2011, and nothing after today where the thing
    must have happened (`verleden`), or after ten years from today otherwise. A record can then
    never fall outside every peildatum a reader can ask."""

    def __init__(self, verleden: bool):
        self.verleden = verleden

    def laatste(self) -> datetime.date:
        return timezone.localdate() if self.verleden else laatste()

    def omschrijving(self) -> str:
        tot = "vandaag" if self.verleden else f"{JAREN_VOORUIT_TEKST} na vandaag"
        return f"Van {EERSTE.isoformat()} tot en met {tot}."

    def __call__(self, waarde):
        if not isinstance(waarde, datetime.date):
            return
        if waarde < EERSTE:
            raise ValidationError(
                f"Een datum vóór {EERSTE:%d-%m-%Y} kan niet: het portaal begint bij de invoering "
                "van de Wet passend onderwijs.",
                code="te_vroeg",
            )
        grens = self.laatste()
        if waarde > grens:
            raise ValidationError(
                "Deze datum ligt in de toekomst; vul de dag in waarop het gebeurde."
                if self.verleden
                else f"Een datum na {grens:%d-%m-%Y} kan niet.",
                code="te_laat",
            )

    def __eq__(self, other):
        return isinstance(other, Datumgrenzen) and other.verleden == self.verleden


JAREN_VOORUIT_TEKST = "tien jaar"
BUITENGRENZEN = Datumgrenzen(verleden=False)


class DatumField(models.DateField):
    """Every date of the domain, with its range (Datumgrenzen) checked in forms, API and admin
    through the validator, and at save time for every other path, like the text fields."""

    def __init__(self, *args, verleden: bool = False, **kwargs):
        self.verleden = verleden
        self.grenzen = Datumgrenzen(verleden)
        super().__init__(*args, **kwargs)

    @property
    def default_validators(self):
        return [self.grenzen]

    def deconstruct(self):
        naam, pad, args, kwargs = super().deconstruct()
        if self.verleden:
            kwargs["verleden"] = True
        return naam, pad, args, kwargs

    def get_db_prep_save(self, value, connection):
        """The outer range on every path; whether the thing lay in the past is for the paths
        where a person enters it (forms, API, admin), so that a test or an import may set up a
        world as it will be."""
        datum = self.to_python(value) if isinstance(value, str) else value
        if isinstance(datum, datetime.date):
            try:
                BUITENGRENZEN(datum)
            except ValidationError as fout:
                raise ValidationError({self.name: [fout]}) from None
        return super().get_db_prep_save(value, connection)
