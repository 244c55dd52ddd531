"""`/gegevensexports`: a data team asks for the whole dataset as one file set, follows its
progress and downloads it with its token (ADR 0076). Each sees only the exports they asked for;
another's id answers 404."""

from django.http import FileResponse, Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.audit import registreer
from accounts.models import Rol
from passend.api.serializers import ModelSerializer
from toezicht import services
from toezicht.models import Exportstatus, Gegevensexport


class GegevensexportSerializer(ModelSerializer):
    inhoud = serializers.SerializerMethodField(
        help_text="Waar u het ZIP-bestand ophaalt, zodra de status klaar is."
    )

    class Meta:
        model = Gegevensexport
        fields = [
            "id",
            "status",
            "voortgang",
            "aangevraagd_op",
            "klaar_op",
            "volgnummer",
            "grootte",
            "sha256",
            "inhoud",
        ]
        read_only_fields = fields

    def get_inhoud(self, export) -> str | None:
        if export.status != Exportstatus.KLAAR:
            return None
        return self.context["request"].build_absolute_uri(
            reverse("api:gegevensexport-inhoud", kwargs={"pk": export.pk})
        )


class GegevensexportViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """POST asks for a new export (202, with where to follow it); GET follows it; `inhoud`
    downloads the ZIP once it is klaar. A token that may only read may ask for one."""

    rollen = (Rol.BEHEERDER, Rol.ACCOUNTMANAGER, Rol.INSPECTIE)
    schrijfrollen = rollen
    post_leest = True
    serializer_class = GegevensexportSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Gegevensexport.objects.none()
        return Gegevensexport.objects.filter(aangevraagd_door=self.request.user).order_by(
            "-aangevraagd_op", "-pk"
        )

    @extend_schema(request=None, responses={202: GegevensexportSerializer})
    def create(self, request, *args, **kwargs):
        export = services.vraag_gegevensexport(door=request.user)
        adres = reverse("api:gegevensexport-detail", kwargs={"pk": export.pk})
        return Response(
            self.get_serializer(export).data,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": request.build_absolute_uri(adres)},
        )

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def inhoud(self, request, pk=None):
        export = self.get_object()
        if export.status != Exportstatus.KLAAR or not export.bestand:
            raise Http404("Deze export is nog niet klaar.")
        registreer("export", request=request, tabel="gegevensexport", id=export.pk, formaat="zip")
        antwoord = FileResponse(
            export.bestand.open("rb"),
            as_attachment=True,
            filename=f"passend-portaal-export-{export.pk}.zip",
            content_type="application/zip",
        )
        antwoord["Cache-Control"] = "no-store"
        return antwoord
