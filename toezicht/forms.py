"""The thuiszitter form: counts only. No field takes a name, a pupil number or free text; and
the review forms of the Inspectie."""

from django import forms

from accounts.models import Rol
from passend import formatting
from passend.forms import NldsFormMixin, VersieFormMixin
from swv.forms import PdfField
from swv.models import Samenwerkingsverband, Schoolsoort
from toezicht.models import Duur, Oordeel, Rapportageronde, Schorsingsduur, Verzuimsoort
from toezicht.services import CELLEN, schorsingscellen


def veldnaam(soort: str, duur: str, met_aanbod: bool) -> str:
    return f"aantal_{soort}_{duur}_{'met' if met_aanbod else 'zonder'}"


def schorsingsveld(schoolsoort: str, duur: str) -> str:
    return f"schorsingen_{schoolsoort}_{duur}"


def aantalveld(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=100000,
        initial=0,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "class": "utrecht-textbox utrecht-textbox--numeric"}
        ),
        error_messages={
            "required": "Vul een aantal in (0 als er geen zijn).",
            "invalid": "Vul een heel getal in.",
            "min_value": "Een aantal is 0 of meer.",
        },
    )


class RondeKeuze(forms.ModelChoiceField):
    def label_from_instance(self, ronde):
        return (
            f"{formatting.periode(ronde.periode_van, ronde.periode_tot)} "
            f"(uiterlijk indienen op {formatting.datum_lang(ronde.deadline)})"
        )


class ThuiszittersForm(NldsFormMixin, VersieFormMixin):
    ronde = RondeKeuze(
        label="Rapportageronde",
        queryset=Rapportageronde.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Kies een rapportageronde.",
            "invalid_choice": "Kies een rapportageronde uit de lijst.",
        },
    )

    def __init__(self, *args, rondes=None, sector=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ronde"].queryset = (
            rondes if rondes is not None else Rapportageronde.objects.all()
        )
        for soort, duur, met_aanbod in CELLEN:
            self.fields[veldnaam(soort, duur, met_aanbod)] = aantalveld(
                f"{Duur(duur).label}, {'met' if met_aanbod else 'zonder'} aanbod"
            )
        self.schorsingscellen = schorsingscellen(sector) if sector else ()
        for schoolsoort, duur in self.schorsingscellen:
            self.fields[schorsingsveld(schoolsoort, duur)] = aantalveld(
                f"{Schoolsoort(schoolsoort).label}, {Schorsingsduur(duur).label.lower()}"
            )

    def _aantal(self, veld) -> int:
        """What a count field holds now (posted or initial), 0 when it is no whole number."""
        try:
            return max(0, int(self[veld].value() or 0))
        except (TypeError, ValueError):
            return 0

    def totaal(self) -> int:
        return sum(self._aantal(veldnaam(*cel)) for cel in CELLEN)

    def groepen(self):
        """The count fields by kind, for a fieldset per kind, with their subtotal."""
        return [
            (
                label,
                [self[veldnaam(soort, d, a)] for d in Duur.values for a in (False, True)],
                sum(
                    self._aantal(veldnaam(soort, d, a)) for d in Duur.values for a in (False, True)
                ),
            )
            for soort, label in Verzuimsoort.choices
        ]

    def aantallen(self) -> dict[tuple[str, str, bool], int]:
        return {cel: self.cleaned_data[veldnaam(*cel)] for cel in CELLEN}

    def schorsingsvelden(self):
        return [self[schorsingsveld(*cel)] for cel in self.schorsingscellen]

    def schorsingen(self) -> dict[tuple[str, str], int]:
        return {cel: self.cleaned_data[schorsingsveld(*cel)] for cel in self.schorsingscellen}


class BeoordelingForm(NldsFormMixin, VersieFormMixin):
    """The Inspectie's review of a submission: accept (with the judgement) or return, or
    reopen an accepted one. The reason is shown to the coördinator."""

    ACTIES = (("accepteer", "Accepteren"), ("stuur_terug", "Terugsturen"), ("heropen", "Heropenen"))

    actie = forms.ChoiceField(choices=ACTIES, widget=forms.HiddenInput)
    oordeel = forms.ChoiceField(
        label="Oordeel over de registratie",
        choices=[("", "Kies een oordeel"), *Oordeel.choices],
        required=False,
    )
    reden = forms.CharField(
        label="Reden of toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bij terugsturen en heropenen verplicht; de coördinator ziet de reden.",
    )


class RondefilterForm(NldsFormMixin, forms.Form):
    """Which SWVs the round figures count: a sector, and for an accountmanager their portfolio
    or the whole country."""

    #: A filter: every field may stay empty, so the labels do not say "(niet verplicht)".
    is_filter = True

    sector = forms.ChoiceField(
        label="Sector",
        required=False,
        choices=[
            ("", "Beide sectoren"),
            ("PO", "Primair onderwijs"),
            ("VO", "Voortgezet onderwijs"),
        ],
        error_messages={"invalid_choice": "Kies primair of voortgezet onderwijs."},
    )
    bereik = forms.ChoiceField(
        label="Samenwerkingsverbanden",
        required=False,
        choices=[("", "Mijn portefeuille"), ("landelijk", "Landelijk")],
        error_messages={"invalid_choice": "Kies uw portefeuille of landelijk."},
    )

    def __init__(self, *args, gebruiker=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gebruiker is None or gebruiker.rol != Rol.ACCOUNTMANAGER:
            del self.fields["bereik"]

    def samenwerkingsverbanden(self, gebruiker):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("bereik") == "landelijk":
            swvs = Samenwerkingsverband.objects.for_user(gebruiker)
        else:
            swvs = Samenwerkingsverband.objects.portefeuille(gebruiker)
        if data.get("sector"):
            swvs = swvs.filter(sector=data["sector"])
        return swvs


# -- the risk analysis -------------------------------------------------------------------------


class Risicotoon:
    ALLE = ""
    KWART = "kwart"
    ONDERZOEK = "onderzoek"
    KEUZES = (
        (ALLE, "Alle samenwerkingsverbanden"),
        (KWART, "Alleen het hoogste kwart"),
        (ONDERZOEK, "Alleen vier jaar niet onderzocht"),
    )


class RisicofilterForm(NldsFormMixin, forms.Form):
    """Which year's analysis, and which of its SWVs to show (the ranking is over all)."""

    is_filter = True

    jaar = forms.TypedChoiceField(
        label="Jaar",
        coerce=int,
        required=False,
        error_messages={"invalid_choice": "Kies een jaar uit de lijst."},
    )
    sector = forms.ChoiceField(
        label="Sector",
        required=False,
        choices=[
            ("", "Beide sectoren"),
            ("PO", "Primair onderwijs"),
            ("VO", "Voortgezet onderwijs"),
        ],
        error_messages={"invalid_choice": "Kies primair of voortgezet onderwijs."},
    )
    toon = forms.ChoiceField(
        label="Toon",
        required=False,
        choices=Risicotoon.KEUZES,
        error_messages={"invalid_choice": "Kies wat u wilt zien uit de lijst."},
    )

    def __init__(self, *args, jaren=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren]
        self.fields["jaar"].initial = jaren[0] if jaren else None

    def keuze(self, naam):
        data = self.cleaned_data if self.is_valid() else {}
        return data.get(naam) or self.fields[naam].initial


class RisicoregelsForm(NldsFormMixin, forms.Form):
    """New thresholds and weights from a day on: one threshold and one weight per indicator."""

    geldig_vanaf = forms.DateField(
        label="Geldig vanaf",
        help_text="Vandaag of later. Een analyse van een eerdere dag houdt de regels waarmee "
        "hij is gemaakt.",
        error_messages={
            "required": "Vul de datum in vanaf wanneer de regels gelden.",
            "invalid": "Vul een geldige datum in.",
        },
    )

    def __init__(self, *args, maten=(), **kwargs):
        super().__init__(*args, **kwargs)
        for maat in maten:
            self.fields[f"drempel_{maat}"] = forms.DecimalField(
                label="Drempel",
                min_value=0,
                max_digits=7,
                decimal_places=1,
                localize=True,
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "decimal",
                        "class": "utrecht-textbox utrecht-textbox--numeric",
                    }
                ),
                error_messages={
                    "required": "Vul een drempel in.",
                    "invalid": "Vul een getal in, bijvoorbeeld 2,5.",
                    "min_value": "Een drempel is 0 of meer.",
                    "max_digits": "Vul een kleiner getal in.",
                    "max_decimal_places": "Vul hooguit één cijfer na de komma in.",
                    "max_whole_digits": "Vul een kleiner getal in.",
                },
            )
            self.fields[f"gewicht_{maat}"] = forms.IntegerField(
                label="Gewicht",
                min_value=0,
                max_value=10,
                widget=forms.NumberInput(
                    attrs={
                        "inputmode": "numeric",
                        "class": "utrecht-textbox utrecht-textbox--numeric",
                    }
                ),
                error_messages={
                    "required": "Vul een gewicht in (0 telt niet mee).",
                    "invalid": "Vul een heel getal in.",
                    "min_value": "Een gewicht is 0 tot en met 10.",
                    "max_value": "Een gewicht is 0 tot en met 10.",
                },
            )
        self.maten = tuple(maten)

    def groepen(self):
        """Per indicator its two fields, shown together under the indicator's name."""
        return [(m, self[f"drempel_{m}"], self[f"gewicht_{m}"]) for m in self.maten]

    def regels(self) -> dict:
        data = self.cleaned_data
        return {m: (data[f"drempel_{m}"], data[f"gewicht_{m}"]) for m in self.maten}


class CijfertoelichtingForm(NldsFormMixin, VersieFormMixin):
    """The SWV's explanation of a reporting round or of its pupils on a teldatum (ADR 0086)."""

    tekst = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Wat het cijfer verklaart en wat het samenwerkingsverband eraan doet; nooit "
        "over een leerling.",
    )
    document = PdfField(label="Document")
