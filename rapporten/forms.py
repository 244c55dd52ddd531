from django import forms
from django.core.exceptions import ValidationError

from accounts.models import Rol
from passend.forms import NldsFormMixin
from passend.peildatum import lees_datum
from rapporten.models import Soort
from swv.models import Groepering, Samenwerkingsverband, Sector


def peildatum_uit(waarde: str):
    if not waarde:
        raise ValidationError("Vul de peildatum in, bijvoorbeeld 2014-02-01.")
    try:
        return lees_datum(waarde)
    except ValidationError as fout:
        raise ValidationError(fout.message_dict["peildatum"]) from None


class AanvraagForm(NldsFormMixin, forms.Form):
    soort = forms.ChoiceField(label="Rapport", choices=Soort.choices, widget=forms.RadioSelect)
    peildatum = forms.CharField(
        label="Peildatum",
        help_text="De datum waarvoor de stand wordt berekend, als JJJJ-MM-DD.",
        widget=forms.DateInput(),
    )
    sector = forms.ChoiceField(
        label="Sector",
        choices=[("", "—"), *Sector.choices],
        required=False,
        help_text="Alleen bij een rapport over één sector.",
    )
    groepering = forms.ModelChoiceField(
        label="Groep",
        queryset=Groepering.objects.order_by("naam"),
        required=False,
        empty_label="—",
        help_text="Alleen bij een rapport over één groep van samenwerkingsverbanden: de leden "
        "op de peildatum.",
    )
    swv = forms.ModelChoiceField(
        label="Samenwerkingsverband",
        queryset=Samenwerkingsverband.objects.none(),
        required=False,
        to_field_name="code",
        empty_label="—",
        help_text="Alleen bij een rapport over één samenwerkingsverband.",
    )

    def __init__(self, *args, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["swv"].queryset = Samenwerkingsverband.objects.for_user(gebruiker).order_by(
            "code"
        )
        if gebruiker.rol == Rol.COORDINATOR:
            self.fields["soort"].choices = [(Soort.SWV, Soort.SWV.label)]
            self.fields["soort"].initial = Soort.SWV
            del self.fields["groepering"]

    def clean_peildatum(self):
        return peildatum_uit(self.cleaned_data["peildatum"])

    def clean(self):
        data = super().clean()
        soort = data.get("soort")
        if soort == Soort.SECTOR and not data.get("sector"):
            raise ValidationError({"sector": "Kies de sector van het rapport."})
        if soort == Soort.GROEP and not data.get("groepering"):
            raise ValidationError({"groepering": "Kies de groep van het rapport."})
        if soort == Soort.SWV and not data.get("swv"):
            raise ValidationError({"swv": "Kies het samenwerkingsverband van het rapport."})
        return data


class BatchForm(NldsFormMixin, forms.Form):
    prefix = "reeks"  # beside the request form on one page: ids and names of its own
    peildatum = forms.CharField(label="Peildatum", widget=forms.DateInput())

    def clean_peildatum(self):
        return peildatum_uit(self.cleaned_data["peildatum"])
