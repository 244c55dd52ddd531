import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts.models import Rol
from passend.api.views import PEILDATUM, PeildatumMixin
from passend.peildatum import lees_datum
from swv.api.filters import groep_parameter, lees_groep
from swv.api.views import LEZERS, LeesViewSet, SwvOnderdeelViewSet
from swv.models import Samenwerkingsverband, Sector
from swv.querysets import Actie
from toezicht import selectors, services
from toezicht.api import filters, serializers
from toezicht.models import (
    Cijfertoelichting,
    Kwaliteitsonderzoek,
    Rapportageronde,
    Registratieoordeel,
    Risicoindicator,
    Signaal,
    Thuiszitterregistratie,
    Vervolgafspraak,
)


@extend_schema_view(
    list=extend_schema(
        summary="Thuiszitteraantallen per SWV per periode (alleen aantallen)",
        parameters=[PEILDATUM],
    ),
    retrieve=extend_schema(parameters=[PEILDATUM]),
)
class ThuiszitterregistratieViewSet(LeesViewSet):
    """Read by whoever may read the SWV; reviewed by the Inspectie (accept and lock, return
    with a reason, reopen with a reason), as on the submission's page."""

    queryset = Thuiszitterregistratie.objects.select_related(
        "swv", "ronde", "ingediend_door", "beoordeeld_door"
    ).prefetch_related("tellingen", "schorsingen")
    serializer_class = serializers.ThuiszitterregistratieSerializer
    filterset_class = filters.ThuiszitterregistratieFilter
    lookup_value_regex = r"\d+"
    schrijfrollen = (Rol.INSPECTIE,)

    def basis(self):
        return self.queryset.filter(periode_van__lte=self.peildatum).order_by(
            "swv__code", "periode_van"
        )

    def get_queryset(self):
        # The Inspectie reviews every submission it may read; only it passes RolPermission for
        # a POST (schrijfrollen), and a reader of another role never gets this far.
        return self.basis().for_user(self.request.user, Actie.LEZEN)

    def _stap(self, invoer, stap, velden: tuple[str, ...]):
        """Reads the step's input, then lets the service check the status, the version and
        the text; whatever is refused changes nothing (400 or 409 as problem+json)."""
        registratie = self.get_object()
        invoer = invoer(data=self.request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        stap(
            registratie,
            door=self.request.user,
            verwachte_versie=data["versie"],
            **{veld: data.get(veld, "") for veld in velden},
        )
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        summary="Accepteren en vergrendelen, met het oordeel over de registratie (Inspectie)",
        request=serializers.AcceptatieSerializer,
        responses=serializers.ThuiszitterregistratieSerializer,
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def accepteren(self, request, pk=None):
        return self._stap(
            serializers.AcceptatieSerializer, services.accepteer, ("oordeel", "toelichting")
        )

    @extend_schema(
        summary="Terugsturen naar de coördinator, met een reden (Inspectie)",
        request=serializers.RedenSerializer,
        responses=serializers.ThuiszitterregistratieSerializer,
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def terugsturen(self, request, pk=None):
        return self._stap(serializers.RedenSerializer, services.stuur_terug, ("reden",))

    @extend_schema(
        summary="Heropenen (ontgrendelen), met een reden (Inspectie)",
        request=serializers.RedenSerializer,
        responses=serializers.ThuiszitterregistratieSerializer,
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def heropenen(self, request, pk=None):
        return self._stap(serializers.RedenSerializer, services.heropen, ("reden",))


class BevindingViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, LeesViewSet):
    """Read by whoever may read the SWV; recorded and changed by the Inspectie only."""

    schrijfrollen = (Rol.INSPECTIE,)
    http_method_names = ["get", "post", "patch", "head"]
    lookup_value_regex = r"\d+"
    datumveld = "vastgelegd_op__date"

    def basis(self):
        queryset = self.queryset.select_related("swv", "vastgelegd_door")
        if self.request.method != "GET":
            return queryset
        return queryset.filter(**{f"{self.datumveld}__lte": self.peildatum})


def _bevinding_schema(naam, datumveld_uitleg):
    return extend_schema_view(
        list=extend_schema(
            summary=f"{naam}; met een peildatum alleen die van {datumveld_uitleg} op of voor die dag",
            parameters=[PEILDATUM],
        ),
        retrieve=extend_schema(parameters=[PEILDATUM]),
        create=extend_schema(summary=f"{naam}: vastleggen (Inspectie)"),
        partial_update=extend_schema(summary=f"{naam}: wijzigen (Inspectie)"),
    )


@_bevinding_schema("Signalen", "ontvangst")
class SignaalViewSet(BevindingViewSet):
    queryset = Signaal.objects.all()
    serializer_class = serializers.SignaalSerializer
    filterset_class = filters.SignaalFilter
    datumveld = "ontvangen_op"

    @extend_schema(
        summary="Signalen per bron en uitkomst in een periode, in aantallen en percentages",
        parameters=[
            OpenApiParameter("periodeVan", OpenApiTypes.DATE, description="Standaard: alles."),
            OpenApiParameter("periodeTot", OpenApiTypes.DATE, description="Standaard: vandaag."),
            OpenApiParameter("samenwerkingsverband", OpenApiTypes.STR),
            OpenApiParameter("sector", OpenApiTypes.STR, enum=["PO", "VO"]),
        ],
        responses=serializers.SignaalsamenvattingSerializer,
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def samenvatting(self, request):
        van = request.query_params.get("periodeVan")
        van = lees_datum(van, "periodeVan") if van else None
        tot = lees_datum(request.query_params.get("periodeTot"), "periodeTot")
        signalen = self.filter_queryset(Signaal.objects.for_user(request.user))
        data = selectors.signaalsamenvatting(signalen, van, tot)
        return Response(serializers.SignaalsamenvattingSerializer(data).data)


@_bevinding_schema("Oordelen over de thuiszitterregistratie", "periodes die dan begonnen waren")
class RegistratieoordeelViewSet(BevindingViewSet):
    queryset = Registratieoordeel.objects.all()
    serializer_class = serializers.RegistratieoordeelSerializer
    filterset_class = filters.RegistratieoordeelFilter
    datumveld = "periode_van"


@_bevinding_schema("Kwaliteitsonderzoeken", "onderzoeken die dan begonnen waren")
class KwaliteitsonderzoekViewSet(BevindingViewSet):
    queryset = Kwaliteitsonderzoek.objects.all()
    serializer_class = serializers.KwaliteitsonderzoekSerializer
    filterset_class = filters.KwaliteitsonderzoekFilter
    datumveld = "begonnen_op"


@_bevinding_schema("Vervolgafspraken", "afspraken die dan gemaakt waren")
class VervolgafspraakViewSet(BevindingViewSet):
    queryset = Vervolgafspraak.objects.all()
    serializer_class = serializers.VervolgafspraakSerializer
    filterset_class = filters.VervolgafspraakFilter
    datumveld = "gemaakt_op"


@_bevinding_schema("Risico-indicatoren per SWV per periode", "periodes die dan begonnen waren")
class RisicoindicatorViewSet(BevindingViewSet):
    queryset = Risicoindicator.objects.all()
    serializer_class = serializers.RisicoindicatorSerializer
    filterset_class = filters.RisicoindicatorFilter
    datumveld = "periode_van"


def _swvs(request):
    """The SWVs the reader may read, optionally of one sector."""
    swvs = Samenwerkingsverband.objects.for_user(request.user)
    sector = request.query_params.get("sector")
    if sector:
        if sector not in Sector.values:
            raise ValidationError({"sector": "Kies PO of VO."})
        swvs = swvs.filter(sector=sector)
    return swvs


SECTOR = OpenApiParameter(
    "sector", OpenApiTypes.STR, enum=Sector.values, description="Standaard beide sectoren."
)


@extend_schema_view(
    list=extend_schema(summary="Rapportagerondes: periode en uiterste indiendatum"),
)
class RapportagerondeViewSet(LeesViewSet):
    queryset = Rapportageronde.objects.order_by("soort", "periode_van")
    serializer_class = serializers.RapportagerondeSerializer
    filterset_class = filters.RapportagerondeFilter
    lookup_value_regex = r"\d+"

    @extend_schema(
        summary="Volledigheid en tijdigheid van een ronde over de samenwerkingsverbanden die u "
        "mag lezen: verwacht, ingediend, op tijd, te laat, ontbrekend, en wie ontbreekt",
        parameters=[SECTOR],
        responses=serializers.VolledigheidSerializer,
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def volledigheid(self, request, pk=None):
        ronde = self.get_object()
        swvs = _swvs(request)
        (stand,) = selectors.volledigheid(swvs, [ronde])
        data = {
            "ronde": ronde,
            "niet_ingediend": [s.code for s in selectors.niet_ingediend(swvs, ronde)],
            **{
                naam: getattr(stand, naam)
                for naam in (
                    "verwacht",
                    "ingediend",
                    "op_tijd",
                    "te_laat",
                    "ontbreekt",
                    "geaccepteerd",
                    "teruggestuurd",
                )
            },
        }
        return Response(serializers.VolledigheidSerializer(data).data)


class ThuiszittercijfersViewSet(PeildatumMixin, viewsets.GenericViewSet):
    """Thuiszitter figures per round over the SWVs the reader may read: the same numbers as the
    dashboard and the PDF (ADR 0060)."""

    rollen = LEZERS
    schrijfrollen = ()
    serializer_class = serializers.ThuiszittercijfersSerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return Thuiszitterregistratie.objects.none()

    @extend_schema(
        summary="Thuiszitters per rapportageronde die op de peildatum was afgelopen, met hoeveel "
        "samenwerkingsverbanden erin zitten (voorlopig of compleet)",
        description="Telt wat op de peildatum was ingediend (bij weergave geaccepteerd: wat toen "
        "was geaccepteerd); een later ingediende telling telt pas vanaf de dag van indienen mee.",
        parameters=[
            PEILDATUM,
            SECTOR,
            OpenApiParameter(
                "weergave",
                OpenApiTypes.STR,
                enum=[w for w, _ in selectors.Weergave.KEUZES],
                description="alle: alle ingediende aantallen (standaard); geaccepteerd: alleen "
                "wat de Inspectie heeft geaccepteerd.",
            ),
            groep_parameter("de laatste dag van de periode"),
        ],
        responses=serializers.ThuiszittercijfersSerializer(many=True),
    )
    def list(self, request):
        weergave = request.query_params.get("weergave") or selectors.Weergave.ALLE
        if weergave not in dict(selectors.Weergave.KEUZES):
            raise ValidationError({"weergave": "Kies alle of geaccepteerd."})
        regels = selectors.rondecijfers(
            _swvs(request),
            self.peildatum + datetime.timedelta(days=1),
            weergave,
            lees_groep(request),
        )
        return Response(self.get_serializer(regels, many=True).data)


@extend_schema(
    summary="De toelichtingen van een SWV bij zijn cijfers",
    description="Pas toe of leg uit: wat het samenwerkingsverband zelf schrijft bij een "
    "rapportageronde (zijn thuiszitters, of waarom het te laat of niet indiende) of bij zijn "
    "leerlingen en deelname op een teldatum, zoals het nu is (een toelichting kent geen eerdere "
    "stand; de geschiedenis staat in /wijzigingen).",
)
class CijfertoelichtingenViewSet(SwvOnderdeelViewSet):
    queryset = Cijfertoelichting.objects.all()
    serializer_class = serializers.CijfertoelichtingSerializer
    filterset_class = filters.CijfertoelichtingenFilter

    def onderdelen(self, swv, peildatum):
        return Cijfertoelichting.objects.filter(swv=swv).order_by("onderwerp", "teldatum", "pk")
