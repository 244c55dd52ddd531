from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts.models import Rol
from rapporten import services
from rapporten.api import filters, serializers
from rapporten.models import Rapport, Rapportstatus
from swv.api.views import LeesViewSet


@extend_schema_view(
    list=extend_schema(
        summary="Voortgangsrapportages die u mag lezen, met het controlegetal van hun cijfers"
    ),
    retrieve=extend_schema(
        summary="Eén voortgangsrapportage met de cijfers waarop zij berust",
        description="De cijfers zoals ze bij het maken zijn bewaard; een gepubliceerd rapport "
        "verandert nooit. Het controlegetal (inhoudshash) is de SHA-256 van de cijfers in "
        "canonieke JSON: sleutels gesorteerd, zonder spaties, UTF-8.",
    ),
)
class RapportViewSet(LeesViewSet):
    queryset = Rapport.objects.select_related("swv").order_by("-aangevraagd_op", "-pk")
    filterset_class = filters.RapportFilter
    lookup_value_regex = r"\d+"
    schrijfrollen = (Rol.ACCOUNTMANAGER,)

    def get_queryset(self):
        return self.basis().for_user(self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.RapportCijfersSerializer
        return serializers.RapportSerializer

    @extend_schema(
        methods=["GET"],
        summary="De herberekeningen van een rapport, nieuwste eerst: de errata",
        responses=serializers.HerberekeningSerializer(many=True),
    )
    @extend_schema(
        methods=["POST"],
        summary="Laat een rapport dat klaar is opnieuw berekenen (accountmanager)",
        description="De herberekening loopt op de achtergrond; volg haar met GET op het adres in "
        "Location.",
        request=None,
        responses={202: None},
    )
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def herberekeningen(self, request, pk=None):
        rapport = self.get_object()
        if request.method == "POST":
            if rapport.status != Rapportstatus.KLAAR:
                raise ValidationError(
                    {"rapport": "Alleen een rapport dat klaar is, kan worden herberekend."}
                )
            services.vraag_herberekening(request.user, rapport)
            adres = reverse("api:rapport-herberekeningen", kwargs={"pk": rapport.pk})
            return Response(
                status=status.HTTP_202_ACCEPTED,
                headers={"Location": request.build_absolute_uri(adres)},
            )
        pagina = self.paginate_queryset(rapport.herberekeningen.order_by("-berekend_op", "-pk"))
        return self.get_paginated_response(
            serializers.HerberekeningSerializer(pagina, many=True).data
        )
