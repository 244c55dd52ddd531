"""Forms of the coördinator's pages. They check the shape of the input; the rules between
dates and records are the services' (ondersteuningsplan.services), whose errors the views put
next to the fields."""

from django import forms

from ondersteuningsplan.geschillen import instanties
from ondersteuningsplan.models import (
    OOGO,
    Besluit,
    Geleding,
    Geschilsoort,
    OOGOStatus,
    OPRBesluit,
    Rechtsvorm,
    Uitspraak,
)
from ondersteuningsplan.stappen import Stap
from passend.forms import NldsFormMixin, VersieFormMixin
from swv.forms import PdfField
from swv.models import Samenwerkingsverband, School, Schoolbestuur, Sector


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


class PartijVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if isinstance(obj, OOGO):
            return f"Gemeente {obj.gemeente}, over {obj.ondersteuningsplan}"
        if isinstance(obj, OPRBesluit):
            return f"{obj.ondersteuningsplan}: geen instemming op {obj.datum_besluit:%d-%m-%Y}"
        return str(obj)


class GeschilForm(NldsFormMixin, VersieFormMixin):
    """A dispute of one kind. The party is chosen when it is recorded and stays after that."""

    oogo = PartijVeld(label="Overleg met de gemeente", queryset=OOGO.objects.none())
    opr_besluit = PartijVeld(
        label="Besluit van de ondersteuningsplanraad", queryset=OPRBesluit.objects.none()
    )
    bestuur = PartijVeld(label="Schoolbestuur", queryset=Schoolbestuur.objects.none())
    ontstaan_op = forms.DateField(label="Geschil ontstaan op")
    instantie = forms.ChoiceField(label="Voorgelegd aan", required=False)
    voorgelegd_op = forms.DateField(label="Voorgelegd op", required=False)
    uitspraak = forms.ChoiceField(
        label="Uitspraak",
        choices=[("", "Nog geen uitspraak"), *Uitspraak.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text="Voor wie het geschil voorlegde. Ingetrokken of onderling opgelost kan ook "
        "zonder dat het geschil is voorgelegd.",
    )
    uitspraak_op = forms.DateField(label="Datum van de uitspraak", required=False)
    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Waar het geschil over gaat en wat de uitspraak inhoudt; nooit over een leerling.",
    )

    #: The field that holds the party, by kind.
    PARTIJ = {
        Geschilsoort.OOGO: "oogo",
        Geschilsoort.OPR: "opr_besluit",
        Geschilsoort.BESTUUR: "bestuur",
    }

    def __init__(self, *args, soort: str, swv: Samenwerkingsverband, nieuw: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instantie"].choices = [
            ("", "Nog niet voorgelegd"),
            *((i.value, i.label) for i in instanties(soort)),
        ]
        for kind, naam in self.PARTIJ.items():
            if nieuw and kind == soort:
                self.fields[naam].queryset = self.partijen(soort, swv)
                self.fields[naam].empty_label = "Kies"
            else:
                del self.fields[naam]

    @staticmethod
    def partijen(soort: str, swv: Samenwerkingsverband):
        if soort == Geschilsoort.OOGO:
            return (
                OOGO.objects.filter(ondersteuningsplan__swv=swv, status=OOGOStatus.GESCHIL)
                .filter(geschillen__isnull=True)
                .select_related("gemeente", "ondersteuningsplan")
                .order_by("datum_uitkomst", "pk")
            )
        if soort == Geschilsoort.OPR:
            return (
                OPRBesluit.objects.filter(
                    ondersteuningsplan__swv=swv, besluit=Besluit.GEEN_INSTEMMING
                )
                .filter(geschillen__isnull=True)
                .select_related("ondersteuningsplan")
                .order_by("datum_besluit", "pk")
            )
        return (
            Schoolbestuur.objects.filter(lidmaatschappen__swv=swv)
            .distinct()
            .met_schoolnaam()
            .order_by("naam", "eerste_school", "pk")
        )


class ToelichtingForm(NldsFormMixin, VersieFormMixin):
    """The SWV's explanation of a missed, late or at-risk milestone (ADR 0082)."""

    tekst = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Waarom de mijlpaal niet (op tijd) is of wordt gehaald en wat het "
        "samenwerkingsverband eraan doet; nooit over een leerling.",
    )
    verwacht_op = forms.DateField(
        label="Verwacht behaald op",
        required=False,
        help_text="Alleen als de mijlpaal nog gehaald moet worden.",
    )
    document = PdfField(label="Document")
