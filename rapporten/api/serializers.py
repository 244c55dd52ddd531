from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from passend.api.serializers import ModelSerializer
from rapporten.models import Herberekening, Rapport


class RapportSerializer(ModelSerializer):
    """A voortgangsrapportage: its variant, peildatum and state, and the content hash of its
    numbers (ADR 0087)."""

    samenwerkingsverband = serializers.CharField(
        source="swv.code", allow_null=True, default=None, help_text="Bij een rapport over één SWV."
    )
    groep = serializers.IntegerField(
        source="groepering_id", allow_null=True, help_text="Bij een rapport over één groep."
    )
    schema = serializers.SerializerMethodField(
        help_text="De versie van het tijdschema waarmee de cijfers zijn berekend."
    )

    class Meta:
        model = Rapport
        fields = [
            "id",
            "soort",
            "peildatum",
            "sector",
            "samenwerkingsverband",
            "groep",
            "status",
            "klaar_op",
            "gepubliceerd_op",
            "inhoudshash",
            "schema",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_schema(self, rapport) -> str | None:
        return (rapport.cijfers or {}).get("schema")


class RapportCijfersSerializer(RapportSerializer):
    """A report with the numbers it was built from, exactly as stored: their SHA-256 in
    canonical JSON (sorted keys, no spaces, UTF-8) is `inhoudshash`."""

    cijfers = serializers.JSONField(
        allow_null=True, help_text="De cijfers van het rapport; leeg zolang het niet klaar is."
    )

    class Meta(RapportSerializer.Meta):
        fields = [*RapportSerializer.Meta.fields, "cijfers"]


class HerberekeningSerializer(ModelSerializer):
    """A report's numbers computed again, beside the stored ones (ADR 0087): the errata."""

    gelijk = serializers.BooleanField(help_text="Of de cijfers overeenkomen met het rapport.")
    verschillen = serializers.JSONField(
        help_text="De eerste 500 afwijkende cijfers: pad in de cijfers, toen en nu."
    )

    class Meta:
        model = Herberekening
        fields = ["id", "berekend_op", "gelijk", "aantal", "inhoudshash", "schema", "verschillen"]
