"""The shared base of every API view: the roles that may read and write, row-level access
through the models' `for_user`, and the peildatum."""

import datetime

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound

from accounts.models import Rol
from passend.peildatum import lees_datum
from swv.models import Samenwerkingsverband
from swv.querysets import Actie

LEZERS = (Rol.BEHEERDER, Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.COORDINATOR)

PEILDATUM = OpenApiParameter(
    "peildatum",
    OpenApiTypes.DATE,
    description=(
        "De dag waarop de stand gevraagd wordt (JJJJ-MM-DD); standaard vandaag. Van 2012-01-01 "
        "tot en met tien jaar na vandaag; leeg is geen datum."
    ),
)
SWV_CODE = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="De code van het samenwerkingsverband in compacte vorm, zoals PO2707.",
)


class PeildatumMixin:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if any("\x00" in str(waarde) for waarde in kwargs.values()):
            raise NotFound("Deze bron bestaat niet.")  # PostgreSQL cannot even compare it

    @property
    def peildatum(self) -> datetime.date:
        if not hasattr(self, "_peildatum"):
            self._peildatum = lees_datum(self.request.query_params.get("peildatum"))
        return self._peildatum

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None and getattr(self, "swagger_fake_view", False) is False:
            context["peildatum"] = self.peildatum
        return context


class LeesViewSet(PeildatumMixin, viewsets.ReadOnlyModelViewSet):
    """A collection every role may read, each only the rows its `for_user` gives."""

    rollen = LEZERS
    schrijfrollen = ()
    lookup_value_regex = "[^/]+"

    def basis(self):
        return self.queryset

    def get_queryset(self):
        actie = Actie.LEZEN if self.request.method in ("GET", "HEAD") else Actie.WIJZIGEN
        return self.basis().for_user(self.request.user, actie)


class SwvOnderdeelViewSet(PeildatumMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """A collection of one SWV (`/samenwerkingsverbanden/{code}/…`). An SWV the user may not
    read answers 404, as if it did not exist."""

    rollen = LEZERS
    schrijfrollen = ()

    @property
    def swv(self) -> Samenwerkingsverband:
        if not hasattr(self, "_swv"):
            self._swv = get_object_or_404(
                Samenwerkingsverband.objects.for_user(self.request.user), code=self.kwargs["code"]
            )
        return self._swv

    def onderdelen(self, swv, peildatum):
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset.none()
        return self.onderdelen(self.swv, self.peildatum)
