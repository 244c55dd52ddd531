"""The thuiszitter form: counts only. No field takes a name, a pupil number or free text."""

from django import forms

from passend.forms import NldsFormMixin, VersieFormMixin
from toezicht.models import Duur, Verzuimsoort
from toezicht.services import CELLEN


def veldnaam(soort: str, duur: str, met_aanbod: bool) -> str:
    return f"aantal_{soort}_{duur}_{'met' if met_aanbod else 'zonder'}"


class ThuiszittersForm(NldsFormMixin, VersieFormMixin):
    periode_van = forms.DateField(label="Periode van")
    periode_tot = forms.DateField(label="Periode tot en met")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for soort, duur, met_aanbod in CELLEN:
            naam = veldnaam(soort, duur, met_aanbod)
            self.fields[naam] = forms.IntegerField(
                label=f"{Duur(duur).label}, {'met' if met_aanbod else 'zonder'} aanbod",
                min_value=0,
                max_value=100000,
                initial=0,
                widget=forms.NumberInput(
                    attrs={
                        "inputmode": "numeric",
                        "class": "utrecht-textbox utrecht-textbox--numeric",
                    }
                ),
                error_messages={
                    "required": "Vul een aantal in (0 als er geen zijn).",
                    "invalid": "Vul een heel getal in.",
                    "min_value": "Een aantal is 0 of meer.",
                },
            )

    def groepen(self):
        """The count fields by kind, for a fieldset per kind."""
        return [
            (label, [self[veldnaam(soort, d, a)] for d in Duur.values for a in (False, True)])
            for soort, label in Verzuimsoort.choices
        ]

    def aantallen(self) -> dict[tuple[str, str, bool], int]:
        return {cel: self.cleaned_data[veldnaam(*cel)] for cel in CELLEN}
