from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.api.serializers import ModelSerializer, Serializer
from swv.models import (
    Document,
    Gemeente,
    Leerlingtelling,
    Lidmaatschap,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)


class MijlpaalstandSerializer(Serializer):
    """A milestone's state for one SWV on the peildatum."""

    mijlpaal = serializers.CharField(source="mijlpaal.code")
    naam = serializers.CharField(source="mijlpaal.naam")
    deadline = serializers.DateField(allow_null=True)
    status = serializers.CharField(
        allow_null=True,
        help_text="behaald, te_laat, open, risico of gemist; leeg voor een moment op de tijdlijn.",
    )
    behaald_op = serializers.DateField(allow_null=True)
    ontbrekend = serializers.ListField(child=serializers.CharField())


def mijlpaalstanden(standen) -> list[dict]:
    """What `MijlpaalstandSerializer(standen, many=True).data` gives, without a serializer:
    the SWV list holds about ten of these per SWV, and building a serializer with its fields
    for each SWV made serialisation cost many times the queries. The serializer stays the
    schema; tests hold the two to the same output."""
    return [
        {
            "mijlpaal": stand.mijlpaal.code,
            "naam": stand.mijlpaal.naam,
            "deadline": _datum(stand.deadline),
            "status": None if stand.status is None else str(stand.status),
            "behaaldOp": _datum(stand.behaald_op),
            "ontbrekend": [str(stap) for stap in stand.ontbrekend],
        }
        for stand in standen
    ]


def _datum(datum):
    return datum.isoformat() if datum else None


class SamenwerkingsverbandSerializer(ModelSerializer):
    weergavecode = serializers.CharField(help_text="De code zoals DUO die schrijft: PO 27-07.")
    mijlpalen = serializers.SerializerMethodField()

    class Meta:
        model = Samenwerkingsverband
        fields = ["code", "weergavecode", "sector", "naam", "experiment", "mijlpalen"]

    @extend_schema_field(MijlpaalstandSerializer(many=True))
    def get_mijlpalen(self, swv):
        return mijlpaalstanden(self.context.get("standen", {}).get(swv.pk, []))


class RegiogemeenteSerializer(Serializer):
    id = serializers.IntegerField(source="gemeente.pk")
    naam = serializers.CharField(source="gemeente.naam")
    cbs_code = serializers.CharField(source="gemeente.cbs_code", allow_null=True)
    aantal_pc4 = serializers.IntegerField()
    gedeeld = serializers.BooleanField(
        help_text="Een deel van de gemeente hoort bij een ander samenwerkingsverband van dezelfde sector."
    )


class SamenwerkingsverbandDetailSerializer(SamenwerkingsverbandSerializer):
    gemeenten = serializers.SerializerMethodField()

    class Meta(SamenwerkingsverbandSerializer.Meta):
        fields = [*SamenwerkingsverbandSerializer.Meta.fields, "gemeenten"]

    @extend_schema_field(RegiogemeenteSerializer(many=True))
    def get_gemeenten(self, swv):
        return RegiogemeenteSerializer(self.context.get("regio", []), many=True).data


class GemeenteSerializer(ModelSerializer):
    class Meta:
        model = Gemeente
        fields = ["id", "naam", "cbs_code"]


class SchoolbestuurSerializer(ModelSerializer):
    class Meta:
        model = Schoolbestuur
        fields = ["bevoegd_gezag_nummer", "naam"]


class SchoolSerializer(ModelSerializer):
    bestuur = serializers.CharField(
        source="bestuur.bevoegd_gezag_nummer", help_text="Het bevoegd-gezagnummer."
    )
    gemeente = serializers.CharField(source="postcodegebied.gemeente.naam")

    class Meta:
        model = School
        fields = [
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
        fields = ["bestuur", "stemgewicht", "begindatum", "einddatum"]


class DocumentSerializer(ModelSerializer):
    geupload_op = serializers.DateTimeField()

    class Meta:
        model = Document
        fields = ["id", "naam", "grootte", "sha256", "geupload_op"]


class LeerlingtellingSerializer(ModelSerializer):
    samenwerkingsverband = serializers.CharField(source="swv.code")

    class Meta:
        model = Leerlingtelling
        fields = ["samenwerkingsverband", "teldatum", "categorie", "aantal"]


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
