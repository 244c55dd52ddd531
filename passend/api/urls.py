"""Everything under /api/v1: the resources of each app, the OpenAPI document and its docs.
Anything else under /api answers 404 as problem+json, also an address with a trailing slash."""

from django.urls import include, path, re_path
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.response import Response

from passend.api.document import openapi_document
from passend.api.errors import NietGevonden


class OpenApiDocument(SpectacularAPIView):
    """Public, as the standard asks: no login needed to read the contract (no permission
    classes, so no role applies). Generated once per process (passend.api.document)."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = []
    renderer_classes = [OpenApiJsonRenderer]

    @extend_schema(exclude=True)  # the document does not describe itself (SERVE_INCLUDE_SCHEMA)
    def get(self, request, *args, **kwargs):
        return Response(openapi_document())


class Documentatie(SpectacularSwaggerSplitView):
    """Public, as the contract it shows."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = []
    template_name = "api/swagger_ui.html"
    title = "Passend portaal API"


app_name = "api"

v1 = [
    path("openapi.json", OpenApiDocument.as_view(), name="openapi"),
    path("docs", Documentatie.as_view(url_name="api:openapi"), name="docs"),
    path("", include("swv.api.urls")),
    path("", include("ondersteuningsplan.api.urls")),
    path("", include("toezicht.api.urls")),
    path("", include("rapporten.api.urls")),
]

urlpatterns = [
    path("v1/", include(v1)),
    # [\s\S]: also an address with a (percent-encoded) newline in it.
    re_path(r"^[\s\S]*$", NietGevonden.as_view(), name="niet-gevonden"),
]
