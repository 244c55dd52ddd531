"""`/risicoanalyses/{jaar}`: the Inspectie's yearly risk analysis for its own systems, the same
figures as the page (ADR 0074): every SWV ranked, each indicator with its value, threshold,
weight and where the value comes from."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from accounts.models import Rol
from passend.api.serializers import Serializer
from toezicht import risico
from toezicht.models import Risicomaat


class RisicoregelSerializer(Serializer):
    indicator = serializers.ChoiceField(choices=Risicomaat.choices, source="maat")
    drempel = serializers.DecimalField(max_digits=7, decimal_places=1)
    gewicht = serializers.IntegerField()
    geldig_vanaf = serializers.DateField(allow_null=True)


class IndicatorwaardeSerializer(Serializer):
    indicator = serializers.ChoiceField(choices=Risicomaat.choices, source="maat")
    waarde = serializers.DecimalField(
        max_digits=9, decimal_places=1, allow_null=True, help_text="Leeg: geen gegevens."
    )
    drempel = serializers.DecimalField(max_digits=7, decimal_places=1, source="regel.drempel")
    gewicht = serializers.IntegerField(source="regel.gewicht")
    telt_mee = serializers.BooleanField(source="telt")
    punten = serializers.IntegerField()
    uitleg = serializers.CharField(help_text="Waar de waarde vandaan komt.")


class RisicoprofielSerializer(Serializer):
    samenwerkingsverband = serializers.CharField(source="swv.code")
    rang = serializers.IntegerField()
    score = serializers.IntegerField()
    verklaring = serializers.CharField()
    hoogste_kwart = serializers.BooleanField()
    vier_jaar_niet_onderzocht = serializers.BooleanField()
    laatste_onderzoek = serializers.DateField(allow_null=True)
    indicatoren = IndicatorwaardeSerializer(many=True)


class RisicoanalyseSerializer(Serializer):
    jaar = serializers.IntegerField()
    peildatum = serializers.DateField()
    regels = serializers.SerializerMethodField()
    samenwerkingsverbanden = RisicoprofielSerializer(many=True, source="profielen")

    @extend_schema_field(RisicoregelSerializer(many=True))
    def get_regels(self, analyse) -> list[dict]:
        return RisicoregelSerializer(
            [analyse.regels[m] for m in Risicomaat], many=True, context=self.context
        ).data


class RisicoanalyseViewSet(viewsets.GenericViewSet):
    """For the Inspectie only; a year before the law or after this one answers 404."""

    rollen = (Rol.INSPECTIE,)
    schrijfrollen = ()
    serializer_class = RisicoanalyseSerializer
    pagination_class = None
    filter_backends = []
    lookup_field = "jaar"
    lookup_value_regex = "[0-9]{4}"

    def get_queryset(self):
        return Risicomaat  # no queryset: the analysis is computed (ADR 0074)

    @extend_schema(summary="De risicoanalyse van een jaar: elk samenwerkingsverband met zijn score")
    def retrieve(self, request, jaar: str):
        if not risico.EERSTE_JAAR <= int(jaar) <= timezone.localdate().year:
            raise Http404("Voor dit jaar is er geen risicoanalyse.")
        return Response(self.get_serializer(risico.analyse(int(jaar))).data)
