from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ondersteuningsplan.models import Mijlpaal
from passend.api.serializers import ModelSerializer, Serializer, SlugVeld
from swv.models import Samenwerkingsverband
from toezicht import services
from toezicht.models import (
    Cijferonderwerp,
    Kwaliteitsonderzoek,
    Oordeel,
    Rapportageronde,
    Registratieoordeel,
    Risicoindicator,
    Schorsingtelling,
    Signaal,
    Thuiszitterregistratie,
    Thuiszittertelling,
    Vervolgafspraak,
)


class ThuiszittertellingSerializer(ModelSerializer):
    class Meta:
        model = Thuiszittertelling
        fields = ["soort", "duur", "met_aanbod", "aantal"]


class SchorsingtellingSerializer(ModelSerializer):
    class Meta:
        model = Schorsingtelling
        fields = ["schoolsoort", "duur", "aantal"]


class ThuiszitterregistratieSerializer(ModelSerializer):
    samenwerkingsverband = serializers.CharField(source="swv.code")
    tellingen = ThuiszittertellingSerializer(many=True)
    schorsingen = SchorsingtellingSerializer(
        many=True,
        help_text="Schorsingen van meer dan één dag in de periode, per soort school en duur; "
        "leeg bij een inzending van voordat ze werden gevraagd.",
    )
    totaal = serializers.SerializerMethodField()
    ronde = serializers.PrimaryKeyRelatedField(read_only=True, help_text="De rapportageronde.")
    ingediend_door = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    beoordeeld_door = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    te_laat = serializers.BooleanField(
        read_only=True,
        allow_null=True,
        help_text="Eerst ingediend na de uiterste indiendatum; leeg als dat onbekend is.",
    )

    class Meta:
        model = Thuiszitterregistratie
        fields = [
            "id",
            "samenwerkingsverband",
            "ronde",
            "periode_van",
            "periode_tot",
            "status",
            "versie",
            "ingediend_op",
            "ingediend_door",
            "te_laat",
            "beoordeeld_op",
            "beoordeeld_door",
            "reden",
            "totaal",
            "tellingen",
            "schorsingen",
        ]

    def get_totaal(self, registratie) -> int:
        return sum(t.aantal for t in registratie.tellingen.all())


class BeoordelingSerializer(Serializer):
    """One step of the Inspectie's review of a submission (toezicht.services)."""

    versie = serializers.IntegerField(
        min_value=1,
        help_text=(
            "De versie van de inzending die u las. Is die intussen gewijzigd (ingetrokken, "
            "verbeterd of door een collega beoordeeld), dan geeft dat 409 en verandert er niets."
        ),
    )


class AcceptatieSerializer(BeoordelingSerializer):
    oordeel = serializers.ChoiceField(
        choices=Oordeel.choices,
        help_text="Het oordeel over de registratie, dat naast de vergrendelde aantallen blijft.",
    )
    toelichting = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=4000,
        help_text="Toelichting bij het oordeel; zonder gegevens van leerlingen.",
    )


class RedenSerializer(BeoordelingSerializer):
    reden = serializers.CharField(
        max_length=2000,
        help_text="Wat de coördinator moet verbeteren of waarom u heropent; de coördinator ziet "
        "dit. Zonder gegevens van leerlingen.",
    )


BASISVELDEN = [
    "id",
    "samenwerkingsverband",
    "versie",
    "vastgelegd_door",
    "vastgelegd_op",
    "gewijzigd_op",
]


class BevindingSerializer(ModelSerializer):
    """Writes go through toezicht.services; `versie` guards a change against a lost update."""

    samenwerkingsverband = SlugVeld(
        source="swv",
        slug_field="code",
        queryset=Samenwerkingsverband.objects.all(),
        help_text="De code van het samenwerkingsverband, zoals PO2707.",
    )
    vastgelegd_door = serializers.SerializerMethodField(
        help_text="De gebruikersnaam van wie de bevinding vastlegde."
    )
    versie = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text=(
            "Verplicht bij een wijziging: de versie die u las. Een intussen gewijzigde bevinding "
            "geeft 409; een wijziging zonder versie 400."
        ),
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is not None and attrs.get("versie") is None:
            raise serializers.ValidationError(
                {"versie": "Stuur bij een wijziging de versie mee die u las."}
            )
        return attrs

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_vastgelegd_door(self, bevinding):
        return bevinding.vastgelegd_door.username if bevinding.vastgelegd_door else None

    def create(self, validated_data):
        validated_data.pop("versie", None)
        return services.leg_bevinding_vast(
            self.Meta.model, door=self.context["request"].user, **validated_data
        )

    def update(self, instance, validated_data):
        verwacht = validated_data.pop("versie", None)
        return services.wijzig_bevinding(
            instance, door=self.context["request"].user, verwachte_versie=verwacht, **validated_data
        )


class SignaalSerializer(BevindingSerializer):
    class Meta:
        model = Signaal
        fields = [
            *BASISVELDEN,
            "bron",
            "onderwerp",
            "ontvangen_op",
            "afgehandeld_op",
            "uitkomst",
            "omschrijving",
        ]


class RegistratieoordeelSerializer(BevindingSerializer):
    class Meta:
        model = Registratieoordeel
        fields = [*BASISVELDEN, "periode_van", "periode_tot", "oordeel", "toelichting"]


class KwaliteitsonderzoekSerializer(BevindingSerializer):
    class Meta:
        model = Kwaliteitsonderzoek
        fields = [*BASISVELDEN, "begonnen_op", "afgerond_op", "uitkomst", "toelichting"]


class VervolgafspraakSerializer(BevindingSerializer):
    kwaliteitsonderzoek = serializers.PrimaryKeyRelatedField(
        queryset=Kwaliteitsonderzoek.objects.all(), required=False, allow_null=True
    )
    verlopen = serializers.SerializerMethodField(
        help_text="Op de peildatum nog open terwijl de uiterste datum voorbij is."
    )
    mijlpaal = SlugVeld(
        slug_field="code",
        queryset=Mijlpaal.objects.exclude(stappen=[]),
        required=False,
        allow_null=True,
        help_text="De code van de mijlpaal waarmee de afspraak vanzelf is nagekomen, zoals "
        "nieuw-op.",
    )
    ronde = serializers.PrimaryKeyRelatedField(
        queryset=Rapportageronde.objects.all(),
        required=False,
        allow_null=True,
        help_text="De rapportageronde (id) waarvoor een inzending de afspraak nakomt.",
    )
    cyclus = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=50,
        help_text="Bij mijlpaal nieuw-op: welk plan (1 is het eerste); leeg: het plan dat nodig "
        "was toen de afspraak werd gemaakt.",
    )

    class Meta:
        model = Vervolgafspraak
        fields = [
            *BASISVELDEN,
            "kwaliteitsonderzoek",
            "omschrijving",
            "gemaakt_op",
            "deadline",
            "status",
            "afgesloten_op",
            "verlopen",
            "mijlpaal",
            "cyclus",
            "ronde",
            "nagekomen_met",
        ]
        read_only_fields = ["nagekomen_met"]

    @extend_schema_field(serializers.BooleanField())
    def get_verlopen(self, afspraak):
        return afspraak.is_verlopen(self.context["peildatum"])


class RisicoindicatorSerializer(BevindingSerializer):
    class Meta:
        model = Risicoindicator
        fields = [*BASISVELDEN, "periode_van", "periode_tot", "indicator", "niveau", "toelichting"]


class TellingSerializer(Serializer):
    sleutel = serializers.CharField()
    aantal = serializers.IntegerField()
    percentage = serializers.FloatField()


class BronUitkomstSerializer(Serializer):
    bron = serializers.CharField()
    uitkomst = serializers.CharField()
    aantal = serializers.IntegerField()
    percentage = serializers.FloatField(help_text="Van alle signalen uit deze bron.")


class SignaalsamenvattingSerializer(Serializer):
    periode_van = serializers.DateField(allow_null=True)
    periode_tot = serializers.DateField()
    totaal = serializers.IntegerField()
    per_bron = TellingSerializer(many=True)
    per_uitkomst = TellingSerializer(many=True)
    per_bron_en_uitkomst = BronUitkomstSerializer(many=True)


class RapportagerondeSerializer(ModelSerializer):
    class Meta:
        model = Rapportageronde
        fields = ["id", "soort", "periode_van", "periode_tot", "deadline"]


class VolledigheidSerializer(Serializer):
    ronde = RapportagerondeSerializer()
    verwacht = serializers.IntegerField(help_text="Samenwerkingsverbanden die moeten indienen.")
    ingediend = serializers.IntegerField()
    op_tijd = serializers.IntegerField()
    te_laat = serializers.IntegerField()
    ontbreekt = serializers.IntegerField()
    geaccepteerd = serializers.IntegerField()
    teruggestuurd = serializers.IntegerField()
    niet_ingediend = serializers.ListField(
        child=serializers.CharField(), help_text="Codes van wie nog niet heeft ingediend."
    )


class ThuiszittercijfersSerializer(Serializer):
    """The figures of one round over the reader's SWVs, from the one source of the dashboard
    and the PDF (toezicht.selectors.rondecijfers)."""

    ronde = RapportagerondeSerializer()
    voorlopig = serializers.BooleanField(help_text="Nog niet alle samenwerkingsverbanden zijn in.")
    stand = serializers.CharField(source="volledigheidstekst")
    ingediend = serializers.IntegerField()
    verwacht = serializers.IntegerField()
    totaal = serializers.IntegerField(source="cijfers.totaal")
    per_soort = serializers.DictField(child=serializers.IntegerField(), source="cijfers.per_soort")
    per_duur = serializers.DictField(child=serializers.IntegerField(), source="cijfers.per_duur")
    met_aanbod = serializers.IntegerField(source="cijfers.met_aanbod")
    zonder_aanbod = serializers.IntegerField(source="cijfers.zonder_aanbod")
    lang_zonder_aanbod = serializers.IntegerField(source="cijfers.lang_zonder_aanbod")
    verschil = serializers.IntegerField(
        allow_null=True,
        help_text="Verschil met de vorige ronde, alleen over de samenwerkingsverbanden in beide.",
    )
    vergeleken = serializers.IntegerField(help_text="Over hoeveel samenwerkingsverbanden.")


class CijfertoelichtingSerializer(Serializer):
    """The SWV's explanation of a reporting round or of its pupils on a teldatum, as it is now
    (ADR 0086)."""

    id = serializers.IntegerField()
    onderwerp = serializers.ChoiceField(choices=Cijferonderwerp.choices)
    ronde = serializers.IntegerField(
        source="ronde_id",
        allow_null=True,
        help_text="De rapportageronde (zie /rapportagerondes) bij onderwerp ronde.",
    )
    teldatum = serializers.DateField(allow_null=True, help_text="Bij onderwerp deelname.")
    tekst = serializers.CharField()
    document = serializers.IntegerField(
        source="document_id",
        allow_null=True,
        help_text="Het document bij de toelichting (zie /samenwerkingsverbanden/{code}/documenten).",
    )
    gewijzigd_op = serializers.DateTimeField()
