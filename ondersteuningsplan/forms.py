"""Forms of the coördinator's pages. They check the shape of the input; the rules between
dates and records are the services' (ondersteuningsplan.services), whose errors the views put
next to the fields."""

from django import forms

from ondersteuningsplan.models import Besluit, Geleding, OOGOStatus, Rechtsvorm
from ondersteuningsplan.stappen import Stap
from passend.forms import NldsFormMixin, VersieFormMixin
from swv.forms import PdfField
from swv.models import Samenwerkingsverband, School, Sector


class FeitForm(NldsFormMixin, VersieFormMixin):
    datum = forms.DateField(label="Datum", help_text="De dag waarop de stap gezet is.")
    rechtsvorm = forms.ChoiceField(
        label="Rechtsvorm", choices=[("", "Kies de rechtsvorm"), *Rechtsvorm.choices]
    )
    afgestemd_met = forms.ModelMultipleChoiceField(
        label="Afgestemd met",
        queryset=Samenwerkingsverband.objects.none(),
        required=False,
        help_text="Het samenwerkingsverband of de samenwerkingsverbanden van de andere sector.",
    )
    opmerking = forms.CharField(
        label="Opmerking", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    document = PdfField(label="Document")

    def __init__(self, *args, stap: str, swv: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        if stap != Stap.RECHTSPERSOON_OPGERICHT:
            del self.fields["rechtsvorm"]
        if stap == Stap.AFGESTEMD_ANDERE_SWV:
            ander = Sector.VO if swv.sector == Sector.PO else Sector.PO
            self.fields["afgestemd_met"].queryset = Samenwerkingsverband.objects.filter(
                sector=ander
            ).order_by("code")
        else:
            del self.fields["afgestemd_met"]


class FeitVerwijderenForm(VersieFormMixin):
    """The confirmation of a removal: only the version the fact was shown at."""

    versie = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": "Het verzoek was onvolledig. Open deze pagina opnieuw en bevestig nog eens.",
            "invalid": "Het verzoek was onvolledig. Open deze pagina opnieuw en bevestig nog eens.",
        },
    )


class OndersteuningsplanForm(NldsFormMixin, VersieFormMixin):
    titel = forms.CharField(label="Titel", max_length=200)
    periode_van = forms.DateField(label="Geldig van")
    periode_tot = forms.DateField(label="Geldig tot en met")
    document = PdfField(label="Het plan (PDF)")


class OPRBesluitForm(NldsFormMixin, VersieFormMixin):
    datum_voorgelegd = forms.DateField(label="Voorgelegd aan de OPR op")
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("", "Nog geen besluit"), *Besluit.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    datum_besluit = forms.DateField(label="Datum van het besluit", required=False)
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    notulen = PdfField(label="Notulen (PDF)")
    geschil_aangevraagd = forms.DateField(
        label="Geschil voorgelegd aan de Landelijke Commissie Geschillen WMS op",
        required=False,
        help_text="Alleen als de OPR niet instemde en het SWV de commissie om een uitspraak vroeg.",
    )
    geschil_uitspraak = forms.CharField(
        label="Uitspraak van de commissie",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class OOGOForm(NldsFormMixin, VersieFormMixin):
    status = forms.ChoiceField(
        label="Stand van het overleg", choices=OOGOStatus.choices, widget=forms.RadioSelect
    )
    datum_gepland = forms.DateField(label="Gepland op", required=False)
    datum_gehouden = forms.DateField(label="Gehouden op", required=False)
    datum_uitkomst = forms.DateField(
        label="Datum van de overeenstemming of het geschil", required=False
    )
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    verslag = PdfField(label="Verslag (PDF)")
    geschil_uitkomst = forms.CharField(
        label="Uitkomst van het geschil",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Alleen bij een geschil.",
    )


class OPRLidForm(NldsFormMixin, VersieFormMixin):
    geleding = forms.ChoiceField(
        label="Geleding", choices=Geleding.choices, widget=forms.RadioSelect
    )
    naam = forms.CharField(
        label="Naam",
        max_length=200,
        required=False,
        help_text="Van een leerling-lid legt het portaal geen naam vast: laat dit dan leeg.",
    )
    school = forms.ModelChoiceField(
        label="School", queryset=School.objects.none(), required=False, empty_label="Geen school"
    )
    begin_termijn = forms.DateField(label="Begin van de termijn")
    einde_termijn = forms.DateField(label="Einde van de termijn", required=False)

    def __init__(self, *args, swv: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.in_swv(swv).order_by("naam")
        if swv.sector != Sector.VO:
            self.fields["geleding"].choices = [
                c for c in Geleding.choices if c[0] != Geleding.LEERLINGEN
            ]


class WerkagendaForm(NldsFormMixin, VersieFormMixin):
    vastgesteld_op = forms.DateField(label="Werkagenda vastgesteld op")
    document = PdfField(label="Werkagenda (PDF)")
    subsidie_aangevraagd_op = forms.DateField(
        label="Subsidie aangevraagd op",
        required=False,
        help_text="Alleen in 2012 en met een vastgestelde werkagenda: €\u00a010 per leerling van de "
        "reguliere scholen in de regio, volgens de laatste teldatum vóór de aanvraag.",
    )
    subsidie_toegekend_op = forms.DateField(label="Subsidie toegekend op", required=False)
