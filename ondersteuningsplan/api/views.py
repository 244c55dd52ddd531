from django.db.models import Prefetch, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from ondersteuningsplan import geschillen, selectors, werkagenda
from ondersteuningsplan.api import filters, serializers
from ondersteuningsplan.models import (
    OOGO,
    Feit,
    Geschil,
    Ondersteuningsplan,
    OPRBesluit,
    Toelichting,
    Werkagenda,
)
from passend.api.views import PEILDATUM, SWV_CODE, PeildatumMixin
from swv import selectors as swv_selectors
from swv.api.filters import lees_groep
from swv.api.views import LEZERS, LeesViewSet, SwvOnderdeelViewSet
from swv.models import Samenwerkingsverband, Sector


@extend_schema(
    summary="De mijlpalen van een SWV met hun stand op de peildatum", parameters=[PEILDATUM]
)
class MijlpalenViewSet(SwvOnderdeelViewSet):
    serializer_class = serializers.MijlpaalstandVanSwvSerializer
    pagination_class = None

    def list(self, request, *args, **kwargs):
        standen = selectors.standen_van(self.swv, self.peildatum)
        context = self.get_serializer_context()
        context["geschillen"] = geschillen.op_peildatum(self.swv, self.peildatum)
        return Response(self.get_serializer(standen, many=True, context=context).data)

    def get_queryset(self):
        return Feit.objects.none()


@extend_schema(
    summary="De feiten (stappen met datum) van een SWV tot en met de peildatum",
    parameters=[PEILDATUM],
)
class FeitenViewSet(SwvOnderdeelViewSet):
    queryset = Feit.objects.all()
    serializer_class = serializers.FeitSerializer
    filterset_class = filters.FeitenFilter

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
    filterset_class = filters.OndersteuningsplannenFilter

    def onderdelen(self, swv, peildatum):
        return (
            Ondersteuningsplan.objects.filter(swv=swv)
            .bestaand_op(peildatum)
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
    filterset_class = filters.OPRBesluitenFilter

    def onderdelen(self, swv, peildatum):
        return (
            OPRBesluit.objects.filter(ondersteuningsplan__swv=swv, datum_voorgelegd__lte=peildatum)
            .prefetch_related("geschillen")
            .order_by("datum_voorgelegd", "pk")
        )


@extend_schema(
    summary="De geschillen van een SWV zoals ze op de peildatum stonden",
    description="Een geschil telt mee vanaf de dag dat het ontstond; het voorleggen en de "
    "uitspraak pas vanaf hun eigen datum. Soorten: OOGO met een gemeente, geen instemming van "
    "de ondersteuningsplanraad (Landelijke Commissie Geschillen WMS), en een schoolbestuur "
    "tegenover het samenwerkingsverband (landelijke geschillencommissie).",
    parameters=[PEILDATUM],
)
class GeschillenViewSet(SwvOnderdeelViewSet):
    queryset = Geschil.objects.all()
    serializer_class = serializers.GeschilSerializer
    filterset_class = filters.GeschillenFilter

    def onderdelen(self, swv, peildatum):
        return (
            Geschil.objects.filter(swv=swv, ontstaan_op__lte=peildatum)
            .select_related("oogo__gemeente", "opr_besluit")
            .order_by("ontstaan_op", "pk")
        )


@extend_schema(
    summary="De toelichtingen van een SWV bij gemiste, te late of bedreigde mijlpalen",
    description="Pas toe of leg uit: wat het samenwerkingsverband zelf schrijft bij een mijlpaal "
    "of OP-cyclus die gemist is, te laat behaald of risico loopt, zoals het nu is (een "
    "toelichting kent geen eerdere stand; de geschiedenis staat in /wijzigingen).",
)
class ToelichtingenViewSet(SwvOnderdeelViewSet):
    queryset = Toelichting.objects.all()
    serializer_class = serializers.ToelichtingSerializer
    filterset_class = filters.ToelichtingenFilter

    def onderdelen(self, swv, peildatum):
        return (
            Toelichting.objects.filter(swv=swv)
            .select_related("mijlpaal")
            .order_by("mijlpaal__volgorde", "cyclus")
        )


@extend_schema(
    summary="De werkagenda van een SWV in oprichting en de subsidie ervoor, op de peildatum",
    description="Nul of één werkagenda. De subsidie (2012) is € 10 per leerling van de "
    "reguliere scholen op de laatste teldatum vóór de aanvraag.",
    parameters=[PEILDATUM],
)
class WerkagendaViewSet(SwvOnderdeelViewSet):
    queryset = Werkagenda.objects.all()
    serializer_class = serializers.WerkagendaSerializer
    filter_backends = []

    def list(self, request, *args, **kwargs):
        stand = werkagenda.op_peildatum(self.swv, self.peildatum)
        pagina = self.paginate_queryset([stand] if stand else [])
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)

    def get_queryset(self):
        return Werkagenda.objects.none()


@extend_schema(
    summary="Het OOGO met de gemeenten zoals het op de peildatum stond",
    description="Een overleg telt mee zodra het gepland of gehouden is op of voor de peildatum.",
    parameters=[PEILDATUM],
)
class OOGOViewSet(SwvOnderdeelViewSet):
    queryset = OOGO.objects.all()
    serializer_class = serializers.OogoOverlegSerializer
    filterset_class = filters.OOGOFilter

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
            OpenApiParameter(
                "groep",
                OpenApiTypes.INT,
                description="De monitor van de samenwerkingsverbanden in deze groep (id, zie "
                "/groeperingen) op de peildatum; zonder: alle samenwerkingsverbanden.",
            ),
        ],
        responses=serializers.MonitorSerializer(many=True),
    )
    def list(self, request):
        sector = request.query_params.get("sector")
        if sector and sector not in Sector.values:
            raise ValidationError({"sector": "Kies PO of VO."})
        sectoren = [sector] if sector else list(Sector.values)
        groepering = lees_groep(request)
        leden = swv_selectors.groepsleden(groepering, self.peildatum) if groepering else None
        monitors = [selectors.monitor(self.peildatum, s, leden) for s in sectoren]
        return Response(self.get_serializer(monitors, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary="Samenwerkingsverbanden, met de stand van hun mijlpalen op de peildatum",
        parameters=[PEILDATUM],
    ),
    retrieve=extend_schema(
        summary="Eén samenwerkingsverband op de peildatum, met zijn gemeenten",
        parameters=[PEILDATUM, SWV_CODE],
    ),
)
class SamenwerkingsverbandViewSet(LeesViewSet):
    queryset = Samenwerkingsverband.objects.order_by("code")
    lookup_field = "code"
    filterset_class = filters.SamenwerkingsverbandFilter

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.SamenwerkingsverbandDetailSerializer
        return serializers.SamenwerkingsverbandSerializer

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        mijlpaal = self.request.query_params.get("mijlpaal")
        status = self.request.query_params.get("mijlpaalStatus")
        if bool(mijlpaal) != bool(status):
            raise ValidationError(
                {"mijlpaalStatus": "Geef mijlpaal en mijlpaalStatus samen, of geen van beide."}
            )
        if mijlpaal:
            queryset = selectors.met_status(queryset, mijlpaal, status, self.peildatum)
        return queryset

    def get_serializer(self, instance=None, *args, **kwargs):
        if instance is not None and not getattr(self, "swagger_fake_view", False):
            swvs = instance if isinstance(instance, list) else [instance]
            context = self.get_serializer_context()
            context["standen"] = selectors.standen(swvs, self.peildatum)
            if self.action == "retrieve":
                context["regio"] = swv_selectors.regio(instance, self.peildatum)
            kwargs["context"] = context
            return self.get_serializer_class()(instance, *args, **kwargs)
        return super().get_serializer(instance, *args, **kwargs)
