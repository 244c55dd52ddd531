from django.db.models import Prefetch, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from ondersteuningsplan import selectors
from ondersteuningsplan.api import serializers
from ondersteuningsplan.models import OOGO, Feit, Ondersteuningsplan, OPRBesluit
from passend.api.views import LEZERS, PEILDATUM, PeildatumMixin, SwvOnderdeelViewSet
from swv.api.serializers import MijlpaalstandSerializer
from swv.models import Sector


@extend_schema(
    summary="De mijlpalen van een SWV met hun stand op de peildatum", parameters=[PEILDATUM]
)
class MijlpalenViewSet(SwvOnderdeelViewSet):
    serializer_class = MijlpaalstandSerializer
    pagination_class = None

    def list(self, request, *args, **kwargs):
        return Response(
            self.get_serializer(selectors.standen_van(self.swv, self.peildatum), many=True).data
        )

    def get_queryset(self):
        return Feit.objects.none()


@extend_schema(
    summary="De feiten (stappen met datum) van een SWV tot en met de peildatum",
    parameters=[PEILDATUM],
)
class FeitenViewSet(SwvOnderdeelViewSet):
    queryset = Feit.objects.all()
    serializer_class = serializers.FeitSerializer

    def onderdelen(self, swv, peildatum):
        return Feit.objects.filter(swv=swv, datum__lte=peildatum).order_by("datum", "stap", "pk")


@extend_schema(
    summary="De versies van het ondersteuningsplan die op de peildatum bestonden",
    description="Een versie bestaat vanaf de vroegste van: het begin van haar periode, haar eerste stap, haar eerste voorlegging aan de OPR.",
    parameters=[PEILDATUM],
)
class OndersteuningsplannenViewSet(SwvOnderdeelViewSet):
    queryset = Ondersteuningsplan.objects.all()
    serializer_class = serializers.OndersteuningsplanSerializer

    def onderdelen(self, swv, peildatum):
        return (
            Ondersteuningsplan.objects.filter(swv=swv)
            .filter(
                Q(periode_van__lte=peildatum)
                | Q(feiten__datum__lte=peildatum)
                | Q(opr_besluiten__datum_voorgelegd__lte=peildatum)
            )
            .distinct()
            .prefetch_related(
                Prefetch(
                    "feiten",
                    queryset=Feit.objects.filter(datum__lte=peildatum).order_by("datum"),
                    to_attr="feiten_op_peildatum",
                )
            )
            .order_by("periode_van")
        )


@extend_schema(
    summary="De besluiten van de ondersteuningsplanraad zoals ze op de peildatum stonden",
    parameters=[PEILDATUM],
)
class OPRBesluitenViewSet(SwvOnderdeelViewSet):
    queryset = OPRBesluit.objects.all()
    serializer_class = serializers.OprBesluitSerializer

    def onderdelen(self, swv, peildatum):
        return OPRBesluit.objects.filter(
            ondersteuningsplan__swv=swv, datum_voorgelegd__lte=peildatum
        ).order_by("datum_voorgelegd", "pk")


@extend_schema(
    summary="Het OOGO met de gemeenten zoals het op de peildatum stond",
    description="Een overleg telt mee zodra het gepland of gehouden is op of voor de peildatum.",
    parameters=[PEILDATUM],
)
class OOGOViewSet(SwvOnderdeelViewSet):
    queryset = OOGO.objects.all()
    serializer_class = serializers.OogoOverlegSerializer

    def onderdelen(self, swv, peildatum):
        return (
            OOGO.objects.filter(ondersteuningsplan__swv=swv)
            .filter(Q(datum_gepland__lte=peildatum) | Q(datum_gehouden__lte=peildatum))
            .select_related("gemeente")
            .order_by("ondersteuningsplan__periode_van", "gemeente__naam")
        )


class MonitorViewSet(PeildatumMixin, viewsets.GenericViewSet):
    """The national shares per step: aggregate figures, readable by every role."""

    rollen = LEZERS
    schrijfrollen = ()
    serializer_class = serializers.MonitorSerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return Feit.objects.none()

    @extend_schema(
        summary="De landelijke monitor: per stap het aandeel samenwerkingsverbanden dat die stap op de peildatum heeft gezet",
        parameters=[
            PEILDATUM,
            OpenApiParameter(
                "sector",
                OpenApiTypes.STR,
                enum=Sector.values,
                description="Standaard beide sectoren.",
            ),
        ],
        responses=serializers.MonitorSerializer(many=True),
    )
    def list(self, request):
        sector = request.query_params.get("sector")
        if sector and sector not in Sector.values:
            raise ValidationError({"sector": "Kies PO of VO."})
        sectoren = [sector] if sector else list(Sector.values)
        monitors = [selectors.monitor(self.peildatum, s) for s in sectoren]
        return Response(self.get_serializer(monitors, many=True).data)
