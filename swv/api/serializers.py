from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.api.serializers import ModelSerializer, Serializer
from swv.models import (
    Document,
    Gemeente,
    Leerlingtelling,
    Lidmaatschap,
    School,
    Schoolbestuur,
)


class RegiogemeenteSerializer(Serializer):
    id = serializers.IntegerField(source="gemeente.pk")
    naam = serializers.CharField(source="gemeente.naam")
    cbs_code = serializers.CharField(source="gemeente.cbs_code", allow_null=True)
    aantal_pc4 = serializers.IntegerField()
    gedeeld = serializers.BooleanField(
        help_text="Een deel van de gemeente hoort bij een ander samenwerkingsverband van dezelfde sector."
    )


class GemeenteSerializer(ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["id", "naam", "cbs_code"]


class SchoolbestuurSerializer(ModelSerializer):
    weergavenaam = serializers.CharField(
        source="__str__",
        read_only=True,
        help_text="Hoe het portaal het bestuur noemt: zijn naam, of zolang DUO's namen niet "
        "zijn ingelezen de naam van zijn eerste school en hoeveel scholen er nog meer zijn. "
        "Afgeleid: verandert mee met de scholen, zonder eigen regel in /wijzigingen.",
    )

    class Meta:
        model = Schoolbestuur
        fields = ["id", "bevoegd_gezag_nummer", "naam", "weergavenaam"]
        extra_kwargs = {"naam": {"help_text": "De naam volgens DUO; leeg tot die is ingelezen."}}


class SchoolSerializer(ModelSerializer):
    bestuur = serializers.CharField(
        source="bestuur.bevoegd_gezag_nummer", help_text="Het bevoegd-gezagnummer."
    )
    gemeente = serializers.CharField(source="postcodegebied.gemeente.naam")

    class Meta:
        model = School
        fields = [
            "id",
            "vestigingsnummer",
            "brin",
            "naam",
            "soort",
            "sector",
            "bestuur",
            "straat",
            "postcode",
            "plaats",
            "gemeente",
            "denominatie",
        ]


class LidSerializer(ModelSerializer):
    bestuur = SchoolbestuurSerializer()

    class Meta:
        model = Lidmaatschap
        fields = ["id", "bestuur", "stemgewicht", "begindatum", "einddatum"]


class DocumentSerializer(ModelSerializer):
    geupload_op = serializers.DateTimeField()
    inhoud = serializers.SerializerMethodField(
        help_text="Het adres van de PDF zelf, op te halen met hetzelfde token."
    )

    class Meta:
        model = Document
        fields = ["id", "naam", "grootte", "sha256", "geupload_op", "inhoud"]

    @extend_schema_field(serializers.URLField())
    def get_inhoud(self, document) -> str:
        pad = reverse(
            "api:swv-document-inhoud", kwargs={"code": document.swv.code, "id": document.pk}
        )
        verzoek = self.context.get("request")
        return verzoek.build_absolute_uri(pad) if verzoek else pad


class LeerlingtellingSerializer(ModelSerializer):
    samenwerkingsverband = serializers.CharField(source="swv.code")

    class Meta:
        model = Leerlingtelling
        fields = ["id", "samenwerkingsverband", "teldatum", "categorie", "aantal"]


class VereveningSerializer(Serializer):
    richting = serializers.ChoiceField(choices=["positief", "negatief", "gelijk"])
    verschil = serializers.FloatField(
        help_text="Procentpunten ten opzichte van het landelijk gemiddelde."
    )


class DeelnameSerializer(Serializer):
    samenwerkingsverband = serializers.CharField(
        allow_null=True, help_text="Leeg voor het landelijk cijfer."
    )
    sector = serializers.CharField()
    teldatum = serializers.DateField()
    aantallen = serializers.DictField(child=serializers.IntegerField())
    basis = serializers.IntegerField(help_text="De noemer: bao+sbo (po) of vo+lwoo+pro (vo).")
    percentages = serializers.DictField(child=serializers.FloatField(allow_null=True))
    verevening = VereveningSerializer(allow_null=True)


class GroeperingslidSerializer(Serializer):
    samenwerkingsverband = serializers.CharField(source="swv.code")
    geldig_van = serializers.DateField()
    geldig_tot = serializers.DateField(allow_null=True, help_text="Tot, niet tot en met.")


class GroeperingSerializer(Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    omschrijving = serializers.CharField()
    samenwerkingsverbanden = GroeperingslidSerializer(
        many=True,
        source="zichtbare_leden",
        help_text="De samenwerkingsverbanden met hun geldigheid (een coördinator ziet alleen "
        "de eigen).",
    )
