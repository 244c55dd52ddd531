"""The shared parts of every API view that know no domain: the peildatum and the path code.
The bases with roles and row-level access are in `swv.api.views`."""

import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound

from passend.peildatum import lees_datum

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
