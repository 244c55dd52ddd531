from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ondersteuningsplan.models import Feit, Ondersteuningsplan, OOGOStatus
from passend.api.serializers import ModelSerializer, Serializer


class FeitSerializer(ModelSerializer):
    ondersteuningsplan = serializers.IntegerField(source="ondersteuningsplan_id", allow_null=True)
    document = serializers.IntegerField(source="document_id", allow_null=True)

    class Meta:
        model = Feit
        fields = [
            "id",
            "stap",
            "datum",
            "ondersteuningsplan",
            "rechtsvorm",
            "opmerking",
            "document",
        ]


class OndersteuningsplanSerializer(ModelSerializer):
    document = serializers.IntegerField(source="document_id", allow_null=True)
    stappen = serializers.SerializerMethodField(
        help_text="De stappen van deze versie met hun datum, voor zover gezet op de peildatum."
    )

    class Meta:
        model = Ondersteuningsplan
        fields = ["id", "titel", "periode_van", "periode_tot", "document", "stappen"]

    @extend_schema_field(serializers.DictField(child=serializers.DateField()))
    def get_stappen(self, op):
        return {feit.stap: feit.datum for feit in op.feiten_op_peildatum}


class OprBesluitSerializer(Serializer):
    """As it stood on the peildatum: a decision taken later is not there yet."""

    id = serializers.IntegerField()
    ondersteuningsplan = serializers.IntegerField(source="ondersteuningsplan_id")
    datum_voorgelegd = serializers.DateField()
    besluit = serializers.SerializerMethodField()
    datum_besluit = serializers.SerializerMethodField()
    geschil_aangevraagd = serializers.SerializerMethodField()
    toelichting = serializers.CharField()

    def _op_peildatum(self, datum):
        return datum is not None and datum <= self.context["peildatum"]

    @extend_schema_field(serializers.ChoiceField(choices=["instemming", "geen_instemming", ""]))
    def get_besluit(self, obj):
        return obj.besluit if self._op_peildatum(obj.datum_besluit) else ""

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_datum_besluit(self, obj):
        return obj.datum_besluit if self._op_peildatum(obj.datum_besluit) else None

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_geschil_aangevraagd(self, obj):
        return obj.geschil_aangevraagd if self._op_peildatum(obj.geschil_aangevraagd) else None


class OogoOverlegSerializer(Serializer):
    id = serializers.IntegerField()
    ondersteuningsplan = serializers.IntegerField(source="ondersteuningsplan_id")
    gemeente = serializers.CharField(source="gemeente.naam")
    status = serializers.SerializerMethodField(help_text="De status op de peildatum.")
    datum_gepland = serializers.DateField(allow_null=True)
    datum_gehouden = serializers.SerializerMethodField()
    datum_uitkomst = serializers.SerializerMethodField()

    def _op(self, datum):
        return datum if datum is not None and datum <= self.context["peildatum"] else None

    @extend_schema_field(serializers.ChoiceField(choices=OOGOStatus.choices))
    def get_status(self, obj):
        if self._op(obj.datum_uitkomst):
            return obj.status
        if self._op(obj.datum_gehouden):
            return OOGOStatus.GEHOUDEN
        return OOGOStatus.GEPLAND

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_datum_gehouden(self, obj):
        return self._op(obj.datum_gehouden)

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_datum_uitkomst(self, obj):
        return self._op(obj.datum_uitkomst)


class StapcijferSerializer(Serializer):
    stap = serializers.CharField()
    label = serializers.CharField(source="stap.label")
    groep = serializers.CharField()
    aantal = serializers.IntegerField()
    totaal = serializers.IntegerField()
    percentage = serializers.IntegerField()


class MonitorSerializer(Serializer):
    peildatum = serializers.DateField()
    sector = serializers.CharField()
    aantal_swvs = serializers.IntegerField()
    aantal_opgericht = serializers.IntegerField()
    stappen = StapcijferSerializer(many=True)
