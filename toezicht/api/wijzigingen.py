"""`/wijzigingen`: what was created, changed or removed in every collection since a moment, in
the order it happened, so a data team keeps a copy up to date without reading everything again
(ADR 0075). It is read from the audit log, which records every change of the domain models
with its moment, also a removal (a tombstone: the id of what is gone)."""

import datetime

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError

from accounts.models import Rol
from swv.models import Samenwerkingsverband
from toezicht.api.collecties import PER_MODEL
from toezicht.models import Thuiszitterregistratie, Thuiszittertelling

ACTIES = {
    LogEntry.Action.CREATE: "aangemaakt",
    LogEntry.Action.UPDATE: "gewijzigd",
    LogEntry.Action.DELETE: "verwijderd",
}


class WijzigingSerializer(serializers.Serializer):
    volgnummer = serializers.IntegerField(
        help_text="Oplopend in de volgorde van vastleggen; geef het laatste als `na` mee."
    )
    tijdstip = serializers.DateTimeField()
    actie = serializers.ChoiceField(choices=list(ACTIES.values()))
    collectie = serializers.CharField(help_text="De collectie waarin het staat, zoals `feiten`.")
    id = serializers.IntegerField(help_text="Het id van het item in die collectie.")
    samenwerkingsverband = serializers.CharField(
        allow_null=True, help_text="De code van het samenwerkingsverband waar het bij hoort."
    )
    href = serializers.URLField(
        allow_null=True,
        help_text="Waar het nu staat: het item, of de collectie van het samenwerkingsverband "
        "waarin het staat. Leeg als het is verwijderd.",
    )


class Wijziging:
    """One entry of the feed, made from an audit-log entry."""

    def __init__(self, entry, collectie, id, swv_code, href):
        self.volgnummer = entry.pk
        self.tijdstip = entry.timestamp
        self.actie = ACTIES[entry.action]
        self.collectie = collectie
        self.id = id
        self.samenwerkingsverband = swv_code
        self.href = href


def _types() -> dict[int, type]:
    soorten = ContentType.objects.get_for_models(*PER_MODEL, Thuiszittertelling)
    return {ct.pk: model for model, ct in soorten.items()}


@extend_schema(
    summary="Wat er sinds een moment is aangemaakt, gewijzigd of verwijderd",
    parameters=[
        OpenApiParameter(
            "sinds",
            OpenApiTypes.DATETIME,
            description="Alleen wat op of na dit moment is vastgelegd (ISO 8601 met tijdzone).",
        ),
        OpenApiParameter(
            "na",
            OpenApiTypes.INT,
            description="Alleen wat na dit volgnummer komt: het laatste dat u las.",
        ),
    ],
)
class WijzigingenViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Every change of every collection, oldest first. Apply them in order: `aangemaakt` and
    `gewijzigd` mean read the item (or the SWV's collection) again, `verwijderd` means remove
    the id. Reading with some overlap is safe: applying an entry twice changes nothing."""

    rollen = (Rol.BEHEERDER, Rol.ACCOUNTMANAGER, Rol.INSPECTIE)
    schrijfrollen = ()
    serializer_class = WijzigingSerializer
    queryset = LogEntry.objects.none()

    def _parameters(self):
        fouten, sinds, na = {}, None, None
        if tekst := self.request.query_params.get("sinds"):
            try:
                sinds = datetime.datetime.fromisoformat(tekst.replace("Z", "+00:00"))
            except ValueError:
                sinds = None
            if sinds is None or sinds.tzinfo is None:
                fouten["sinds"] = "Een moment in ISO 8601 met tijdzone, zoals 2026-12-01T00:00:00Z."
        if (tekst := self.request.query_params.get("na")) is not None:
            if not (tekst.isascii() and tekst.isdigit()):
                fouten["na"] = "Een volgnummer: een geheel getal vanaf 0."
            else:
                na = int(tekst)
        if fouten:
            raise ValidationError(fouten)
        return sinds, na

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return LogEntry.objects.none()
        sinds, na = self._parameters()
        self._soorten = _types()
        entries = LogEntry.objects.filter(
            content_type_id__in=list(self._soorten), action__in=list(ACTIES)
        ).only("pk", "timestamp", "action", "content_type_id", "object_pk", "additional_data")
        if sinds is not None:
            entries = entries.filter(timestamp__gte=sinds)
        if na is not None:
            entries = entries.filter(pk__gt=na)
        return entries.order_by("pk")

    def paginate_queryset(self, queryset):
        pagina = super().paginate_queryset(queryset)
        return self._wijzigingen(pagina)

    def _wijzigingen(self, entries) -> list[Wijziging]:
        """The page's entries as changes: one query for the SWVs' codes, one for the keys of
        the items still there, one for the submissions of changed counts."""
        swv_ids = {(e.additional_data or {}).get("swv_id") for e in entries} - {None}
        codes = dict(Samenwerkingsverband.objects.filter(pk__in=swv_ids).values_list("pk", "code"))
        per_model = {}
        for e in entries:
            per_model.setdefault(self._soorten[e.content_type_id], set()).add(int(e.object_pk))
        sleutels = {}
        for model, ids in per_model.items():
            if model is Thuiszittertelling:
                sleutels[model] = dict(
                    model.objects.filter(pk__in=ids).values_list("pk", "registratie_id")
                )
                continue
            veld = PER_MODEL[model].sleutel
            if veld not in (None, "pk"):
                sleutels[model] = dict(model.objects.filter(pk__in=ids).values_list("pk", veld))
        uit = []
        for e in entries:
            model, pk = self._soorten[e.content_type_id], int(e.object_pk)
            code = codes.get((e.additional_data or {}).get("swv_id"))
            if model is Thuiszittertelling:
                # a count changes its submission; a removed count went with its submission
                registratie = sleutels[model].get(pk)
                if registratie is None or e.action == LogEntry.Action.DELETE:
                    continue
                model, pk = Thuiszitterregistratie, registratie
                e.action = LogEntry.Action.UPDATE
            collectie = PER_MODEL[model]
            href = None
            if e.action != LogEntry.Action.DELETE:
                if collectie.per_swv and code:
                    href = reverse(collectie.adres, kwargs={"code": code})
                elif not collectie.per_swv:
                    veld = collectie.sleutel
                    sleutel = pk if veld == "pk" else sleutels[model].get(pk)
                    if sleutel is not None:
                        href = reverse(collectie.adres, kwargs={collectie.kwarg or veld: sleutel})
            if href:
                href = self.request.build_absolute_uri(href)
            uit.append(Wijziging(e, collectie.naam, pk, code, href))
        return uit
