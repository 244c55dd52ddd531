"""The swv collections, and the bases of every API view: the roles that may read and write,
row-level access through the models' `for_user`, and an SWV's sub-collections."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError

from accounts.models import Rol
from passend.api.views import PEILDATUM, PeildatumMixin
from passend.peildatum import lees_datum
from swv import deelname
from swv.api import filters, serializers
from swv.downloads import als_download
from swv.models import (
    Document,
    Gemeente,
    Groepering,
    Groeperingslid,
    Leerlingtelling,
    Lidmaatschap,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    Sector,
)
from swv.querysets import Actie
from swv.selectors import groepsleden

LEZERS = (Rol.BEHEERDER, Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.COORDINATOR)


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


@extend_schema_view(list=extend_schema(parameters=[PEILDATUM]))
class GemeenteViewSet(LeesViewSet):
    queryset = Gemeente.objects.order_by("naam")
    serializer_class = serializers.GemeenteSerializer
    filterset_class = filters.GemeenteFilter


@extend_schema_view(list=extend_schema(parameters=[PEILDATUM]))
class SchoolbestuurViewSet(LeesViewSet):
    queryset = Schoolbestuur.objects.order_by("bevoegd_gezag_nummer")
    serializer_class = serializers.SchoolbestuurSerializer
    filterset_class = filters.SchoolbestuurFilter
    lookup_field = "bevoegd_gezag_nummer"
    lookup_url_kwarg = "nummer"

    def basis(self):
        return self.queryset.met_schoolnaam()


@extend_schema_view(list=extend_schema(parameters=[PEILDATUM]))
class SchoolViewSet(LeesViewSet):
    queryset = School.objects.select_related("bestuur", "postcodegebied__gemeente").order_by(
        "vestigingsnummer"
    )
    serializer_class = serializers.SchoolSerializer
    filterset_class = filters.SchoolFilter
    lookup_field = "vestigingsnummer"


@extend_schema_view(list=extend_schema(parameters=[PEILDATUM]))
class LeerlingtellingViewSet(LeesViewSet):
    """Pupil counts per teldatum; with a peildatum only the teldata on or before it."""

    queryset = Leerlingtelling.objects.select_related("swv").order_by(
        "swv__code", "teldatum", "categorie"
    )
    serializer_class = serializers.LeerlingtellingSerializer
    filterset_class = filters.LeerlingtellingFilter

    def basis(self):
        return self.queryset.filter(teldatum__lte=self.peildatum)


@extend_schema(
    summary="De leden (schoolbesturen) van een SWV op de peildatum", parameters=[PEILDATUM]
)
class LedenViewSet(SwvOnderdeelViewSet):
    queryset = Lidmaatschap.objects.all()
    serializer_class = serializers.LidSerializer
    filterset_class = filters.LedenFilter

    def onderdelen(self, swv, peildatum):
        return (
            Lidmaatschap.objects.filter(swv=swv, begindatum__lte=peildatum)
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=peildatum))
            .prefetch_related(Prefetch("bestuur", Schoolbestuur.objects.met_schoolnaam()))
            .order_by("bestuur__bevoegd_gezag_nummer")
        )


@extend_schema(summary="De scholen in de regio van een SWV op de peildatum", parameters=[PEILDATUM])
class SwvScholenViewSet(SwvOnderdeelViewSet):
    queryset = School.objects.all()
    serializer_class = serializers.SchoolSerializer
    filterset_class = filters.SchoolSortering

    def onderdelen(self, swv, peildatum):
        return (
            School.objects.in_swv(swv, peildatum)
            .select_related("bestuur", "postcodegebied__gemeente")
            .order_by("vestigingsnummer")
        )


@extend_schema(
    summary="De documenten van een SWV die op de peildatum geüpload waren", parameters=[PEILDATUM]
)
class DocumentenViewSet(SwvOnderdeelViewSet):
    queryset = Document.objects.all()
    serializer_class = serializers.DocumentSerializer
    filterset_class = filters.DocumentenFilter

    def onderdelen(self, swv, peildatum):
        return (
            Document.objects.filter(swv=swv, geupload_op__date__lte=peildatum)
            .select_related("swv")
            .order_by("geupload_op", "pk")
        )

    @extend_schema(
        summary="De inhoud van een document (PDF), voor wie het samenwerkingsverband mag lezen",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def inhoud(self, request, code, id):
        """The stored PDF itself: what the page's download gives, with a token; another SWV's
        document, or one of an SWV the caller may not read, answers 404."""
        return als_download(
            get_object_or_404(Document.objects.for_user(request.user), swv=self.swv, pk=id)
        )


TELDATUM = OpenApiParameter(
    "teldatum", OpenApiTypes.DATE, description="Standaard de laatste teldatum op of voor vandaag."
)
SECTOR = OpenApiParameter("sector", OpenApiTypes.STR, enum=Sector.values, description="PO of VO.")


class DeelnameMixin:
    rollen = LEZERS
    schrijfrollen = ()
    serializer_class = serializers.DeelnameSerializer
    filter_backends = []

    def parameters(self):
        sector = self.request.query_params.get("sector", Sector.PO)
        if sector not in Sector.values:
            raise ValidationError({"sector": "Kies PO of VO."})
        waarde = self.request.query_params.get("teldatum")
        if waarde:
            teldatum = lees_datum(waarde, "teldatum")
        else:
            teldata = [d for d in deelname.teldata(sector) if d <= timezone.localdate()]
            teldatum = teldata[-1] if teldata else None
        return sector, teldatum


GROEP_OP_TELDATUM = filters.groep_parameter("de teldatum")


def _als_data(d: deelname.Deelname, code, land: deelname.Deelname | None):
    verevening = deelname.verevening(d, land) if land is not None and code else None
    return {
        "samenwerkingsverband": code,
        "sector": d.sector,
        "teldatum": d.teldatum,
        "aantallen": d.aantallen,
        "basis": d.basis,
        "percentages": d.percentages,
        "verevening": verevening
        and {"richting": verevening.richting, "verschil": verevening.verschil},
    }


@extend_schema_view(
    list=extend_schema(
        summary="Deelnamepercentages per SWV op een teldatum, met de verevening",
        parameters=[TELDATUM, SECTOR, GROEP_OP_TELDATUM],
    )
)
class DeelnamepercentageViewSet(DeelnameMixin, viewsets.GenericViewSet):
    def get_queryset(self):
        return Samenwerkingsverband.objects.for_user(self.request.user).order_by("code")

    def list(self, request):
        sector, teldatum = self.parameters()
        groepering = filters.lees_groep(request)
        swvs = self.get_queryset().filter(sector=sector)
        if groepering is not None:
            swvs = swvs.filter(
                pk__in=groepsleden(groepering, teldatum) if teldatum is not None else []
            )
        swvs = self.paginate_queryset(swvs)
        rijen = []
        if teldatum is not None:
            per_swv = deelname.per_swv(sector, [s.pk for s in swvs], teldatum)
            land = deelname.landelijk(sector, teldatum).get(teldatum)
            rijen = [
                _als_data(per_swv[(s.pk, teldatum)], s.code, land)
                for s in swvs
                if (s.pk, teldatum) in per_swv
            ]
        return self.get_paginated_response(self.get_serializer(rijen, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary="De landelijke deelnamepercentages per teldatum van een sector",
        description="Met groep=<id> de percentages van die groep: per teldatum de som over de "
        "samenwerkingsverbanden die er op die teldatum in zaten.",
        parameters=[SECTOR, GROEP_OP_TELDATUM],
    )
)
class LandelijkeDeelnameViewSet(DeelnameMixin, viewsets.GenericViewSet):
    def get_queryset(self):
        return Leerlingtelling.objects.none()

    def list(self, request):
        sector, _ = self.parameters()
        groepering = filters.lees_groep(request)
        rijen = [
            _als_data(d, None, None)
            for d in deelname.landelijk(sector, groepering=groepering).values()
        ]
        rijen.sort(key=lambda r: r["teldatum"])
        pagina = self.paginate_queryset(rijen)
        return self.get_paginated_response(self.get_serializer(pagina, many=True).data)


@extend_schema(
    summary="Groepen van samenwerkingsverbanden die het ministerie apart volgt",
    description="Bijvoorbeeld de experimenten, de voorlopers van onderwijs en jeugd en de "
    "samenwerkingsverbanden met afwijkende lwoo-criteria, elk lid met zijn geldigheid. Met "
    "groep=<id> op /samenwerkingsverbanden en /monitor de leden op de peildatum; op "
    "/leerlingtellingen, /deelnamepercentages, /thuiszitterregistraties, /thuiszittercijfers "
    "en de bevindingen telt elke regel de leden op de eigen datum (teldatum, laatste dag van de "
    "periode, datum van ontvangst of begin).",
)
class GroeperingViewSet(LeesViewSet):
    queryset = Groepering.objects.order_by("naam")
    serializer_class = serializers.GroeperingSerializer
    filterset_class = filters.GroeperingFilter

    def basis(self):
        leden = Groeperingslid.objects.for_user(self.request.user).select_related("swv")
        return self.queryset.prefetch_related(
            Prefetch(
                "leden",
                queryset=leden.order_by("swv__code", "geldig_van"),
                to_attr="zichtbare_leden",
            )
        )
