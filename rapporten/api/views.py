from drf_spectacular.utils import extend_schema, extend_schema_view

from rapporten.api import filters, serializers
from rapporten.models import Rapport
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

    def get_queryset(self):
        return self.basis().for_user(self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.RapportCijfersSerializer
        return serializers.RapportSerializer
