from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ondersteuningsplan import geschillen
from ondersteuningsplan.models import (
    Feit,
    Geschilsoort,
    Instantie,
    Ondersteuningsplan,
    OOGOStatus,
    Uitspraak,
)
from passend.api.serializers import ModelSerializer, Serializer
from swv.api.serializers import RegiogemeenteSerializer
from swv.models import Samenwerkingsverband


class FeitSerializer(ModelSerializer):
    ondersteuningsplan = serializers.IntegerField(source="ondersteuningsplan_id", allow_null=True)
    document = serializers.IntegerField(source="document_id", allow_null=True)

    class Meta:
        model = Feit
        fields = [
            "id",
            "stap",
            "datum",
            "ondersteuningsplan",
            "rechtsvorm",
            "opmerking",
            "document",
        ]


class OndersteuningsplanSerializer(ModelSerializer):
    document = serializers.IntegerField(source="document_id", allow_null=True)
    stappen = serializers.SerializerMethodField(
        help_text="De stappen van deze versie met hun datum, voor zover gezet op de peildatum."
    )

    class Meta:
        model = Ondersteuningsplan
        fields = ["id", "titel", "periode_van", "periode_tot", "document", "stappen"]

    @extend_schema_field(serializers.DictField(child=serializers.DateField()))
    def get_stappen(self, op):
        return {feit.stap: feit.datum for feit in op.feiten_op_peildatum}


class OprBesluitSerializer(Serializer):
    """As it stood on the peildatum: a decision taken later is not there yet."""

    id = serializers.IntegerField()
    ondersteuningsplan = serializers.IntegerField(source="ondersteuningsplan_id")
    datum_voorgelegd = serializers.DateField()
    besluit = serializers.SerializerMethodField()
    datum_besluit = serializers.SerializerMethodField()
    geschil_aangevraagd = serializers.SerializerMethodField(
        help_text="Wanneer het geschil over dit besluit aan de Landelijke Commissie Geschillen "
        "WMS is voorgelegd. Afgeleid: het geschil zelf staat in /geschillen, en een wijziging "
        "ervan staat in /wijzigingen als wijziging van het geschil."
    )
    toelichting = serializers.CharField()

    def _op_peildatum(self, datum):
        return datum is not None and datum <= self.context["peildatum"]

    @extend_schema_field(serializers.ChoiceField(choices=["instemming", "geen_instemming", ""]))
    def get_besluit(self, obj):
        return obj.besluit if self._op_peildatum(obj.datum_besluit) else ""

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_datum_besluit(self, obj):
        return obj.datum_besluit if self._op_peildatum(obj.datum_besluit) else None

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_geschil_aangevraagd(self, obj):
        datums = [
            g.voorgelegd_op for g in obj.geschillen.all() if self._op_peildatum(g.voorgelegd_op)
        ]
        return min(datums, default=None)


class GeschilSerializer(Serializer):
    """As it stood on the peildatum (`geschillen.stand`): putting it to a body or a ruling dated
    later is not there yet, and neither is the explanation while something of it is still to
    come."""

    id = serializers.IntegerField(source="geschil.pk")
    soort = serializers.ChoiceField(source="geschil.soort", choices=Geschilsoort.choices)
    oogo = serializers.IntegerField(
        source="geschil.oogo_id", allow_null=True, help_text="Het overleg, bij een geschil in OOGO."
    )
    gemeente = serializers.CharField(
        source="geschil.oogo.gemeente.naam", allow_null=True, help_text="De gemeente, bij OOGO."
    )
    opr_besluit = serializers.IntegerField(
        source="geschil.opr_besluit_id",
        allow_null=True,
        help_text="Het besluit zonder instemming, bij een geschil met de ondersteuningsplanraad.",
    )
    ondersteuningsplan = serializers.SerializerMethodField(
        help_text="Het plan waarover het geschil gaat, bij OOGO en de ondersteuningsplanraad."
    )
    bestuur = serializers.IntegerField(
        source="geschil.bestuur_id",
        allow_null=True,
        help_text="Het schoolbestuur, bij een bestuur.",
    )
    ontstaan_op = serializers.DateField(source="geschil.ontstaan_op")
    instantie = serializers.ChoiceField(choices=[*Instantie.values, ""])
    voorgelegd_op = serializers.DateField(allow_null=True)
    uitspraak = serializers.ChoiceField(choices=[*Uitspraak.values, ""])
    uitspraak_op = serializers.DateField(allow_null=True)
    open = serializers.BooleanField(help_text="Nog zonder uitspraak op de peildatum.")
    toelichting = serializers.SerializerMethodField()

    def to_representation(self, geschil):
        return super().to_representation(geschillen.stand(geschil, self.context["peildatum"]))

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_ondersteuningsplan(self, stand):
        partij = stand.geschil.oogo or stand.geschil.opr_besluit
        return partij.ondersteuningsplan_id if partij else None

    @extend_schema_field(serializers.CharField())
    def get_toelichting(self, stand):
        g = stand.geschil
        volledig = stand.voorgelegd_op == g.voorgelegd_op and stand.uitspraak == g.uitspraak
        return g.toelichting if volledig else ""


class SubsidieSerializer(Serializer):
    teldatum = serializers.DateField(
        allow_null=True, help_text="De laatste teldatum op of vóór de aanvraag."
    )
    leerlingen = serializers.IntegerField(
        help_text="Leerlingen van de reguliere scholen op die teldatum (po: bao en sbo; "
        "vo: vo, lwoo en pro)."
    )
    bedrag = serializers.IntegerField(help_text="€ 10 per leerling, in hele euro's.")


class WerkagendaSerializer(Serializer):
    """As it stood on the peildatum: a request or grant dated later is not there yet."""

    id = serializers.IntegerField(source="werkagenda.pk")
    vastgesteld_op = serializers.DateField(source="werkagenda.vastgesteld_op")
    document = serializers.IntegerField(source="werkagenda.document_id", allow_null=True)
    subsidie_aangevraagd_op = serializers.DateField(source="aangevraagd_op", allow_null=True)
    subsidie_toegekend_op = serializers.DateField(source="toegekend_op", allow_null=True)
    subsidie = SubsidieSerializer(
        allow_null=True,
        help_text="Afgeleid uit de leerlingtellingen; leeg zolang er geen aanvraag is.",
    )


class OogoOverlegSerializer(Serializer):
    id = serializers.IntegerField()
    ondersteuningsplan = serializers.IntegerField(source="ondersteuningsplan_id")
    gemeente = serializers.CharField(source="gemeente.naam")
    status = serializers.SerializerMethodField(help_text="De status op de peildatum.")
    datum_gepland = serializers.DateField(allow_null=True)
    datum_gehouden = serializers.SerializerMethodField()
    datum_uitkomst = serializers.SerializerMethodField()

    def _op(self, datum):
        return datum if datum is not None and datum <= self.context["peildatum"] else None

    @extend_schema_field(serializers.ChoiceField(choices=OOGOStatus.choices))
    def get_status(self, obj):
        if self._op(obj.datum_uitkomst):
            return obj.status
        if self._op(obj.datum_gehouden):
            return OOGOStatus.GEHOUDEN
        return OOGOStatus.GEPLAND

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_datum_gehouden(self, obj):
        return self._op(obj.datum_gehouden)

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_datum_uitkomst(self, obj):
        return self._op(obj.datum_uitkomst)


class StapcijferSerializer(Serializer):
    stap = serializers.CharField()
    label = serializers.CharField(source="stap.label")
    groep = serializers.CharField()
    aantal = serializers.IntegerField()
    totaal = serializers.IntegerField()
    percentage = serializers.IntegerField()


class MonitorSerializer(Serializer):
    peildatum = serializers.DateField()
    sector = serializers.CharField()
    aantal_swvs = serializers.IntegerField()
    aantal_opgericht = serializers.IntegerField()
    stappen = StapcijferSerializer(many=True)


# -- the SWV with its milestones' states ------------------------------------------------------


class CyclusSerializer(Serializer):
    """One cycle of a recurring milestone (a new OP every four years) and its outcome."""

    nummer = serializers.IntegerField(help_text="1 is het eerste ondersteuningsplan.")
    naam = serializers.CharField(
        help_text="Van de vaststelling van het vorige plan tot de uiterste datum, bijvoorbeeld 2022-2026."
    )
    begin = serializers.DateField(
        allow_null=True, help_text="Vaststelling van het vorige plan; leeg voor het eerste."
    )
    deadline = serializers.DateField()
    behaald_op = serializers.DateField(
        allow_null=True, help_text="Vaststelling van het plan van deze cyclus."
    )
    status = serializers.CharField(help_text="behaald, te_laat, open, risico of gemist.")
    dagen_te_laat = serializers.IntegerField(allow_null=True)
    uitkomst = serializers.CharField(help_text="Bijvoorbeeld: te laat behaald (10 maanden).")


def cyclus(c) -> dict | None:
    if c is None:
        return None
    return {
        "nummer": c.nummer,
        "naam": c.naam,
        "begin": _datum(c.begin),
        "deadline": _datum(c.deadline),
        "behaaldOp": _datum(c.behaald_op),
        "status": str(c.status),
        "dagenTeLaat": c.dagen_te_laat,
        "uitkomst": c.uitkomst,
    }


class MijlpaalstandSerializer(Serializer):
    """A milestone's state for one SWV on the peildatum; for the recurring one (a new OP), the
    state of its current cycle, and every cycle up to the peildatum."""

    mijlpaal = serializers.CharField(source="mijlpaal.code")
    naam = serializers.CharField(source="mijlpaal.naam")
    deadline = serializers.DateField(allow_null=True)
    status = serializers.CharField(
        allow_null=True,
        help_text="behaald, te_laat, open, risico of gemist; leeg voor een moment op de tijdlijn.",
    )
    behaald_op = serializers.DateField(allow_null=True)
    ontbrekend = serializers.ListField(child=serializers.CharField())
    cyclus = CyclusSerializer(
        allow_null=True, help_text="De huidige cyclus; leeg als de mijlpaal niet herhaalt."
    )
    cycli = CyclusSerializer(many=True, help_text="Alle cycli tot de peildatum, oudste eerst.")


class MijlpaalstandVanSwvSerializer(MijlpaalstandSerializer):
    opgehouden_door = serializers.SerializerMethodField(
        help_text="De open geschillen (id's in /geschillen) die deze nog niet behaalde mijlpaal "
        "ophouden."
    )

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_opgehouden_door(self, stand):
        return [g.geschil.pk for g in geschillen.houdt_op(stand, self.context["geschillen"])]


def mijlpaalstanden(standen) -> list[dict]:
    """What `MijlpaalstandSerializer(standen, many=True).data` gives, without a serializer:
    the SWV list holds about ten of these per SWV, and building a serializer with its fields
    for each SWV made serialisation cost many times the queries. The serializer stays the
    schema; tests hold the two to the same output."""
    return [
        {
            "mijlpaal": stand.mijlpaal.code,
            "naam": stand.mijlpaal.naam,
            "deadline": _datum(stand.deadline),
            "status": None if stand.status is None else str(stand.status),
            "behaaldOp": _datum(stand.behaald_op),
            "ontbrekend": [str(stap) for stap in stand.ontbrekend],
            "cyclus": cyclus(stand.cyclus),
            "cycli": [cyclus(c) for c in stand.cycli],
        }
        for stand in standen
    ]


def _datum(datum):
    return datum.isoformat() if datum else None


class SamenwerkingsverbandSerializer(ModelSerializer):
    weergavecode = serializers.CharField(help_text="De code zoals DUO die schrijft: PO 27-07.")
    mijlpalen = serializers.SerializerMethodField()

    class Meta:
        model = Samenwerkingsverband
        fields = ["id", "code", "weergavecode", "sector", "naam", "experiment", "mijlpalen"]

    @extend_schema_field(MijlpaalstandSerializer(many=True))
    def get_mijlpalen(self, swv):
        return mijlpaalstanden(self.context.get("standen", {}).get(swv.pk, []))


class SamenwerkingsverbandDetailSerializer(SamenwerkingsverbandSerializer):
    gemeenten = serializers.SerializerMethodField()

    class Meta(SamenwerkingsverbandSerializer.Meta):
        fields = [*SamenwerkingsverbandSerializer.Meta.fields, "gemeenten"]

    @extend_schema_field(RegiogemeenteSerializer(many=True))
    def get_gemeenten(self, swv):
        return RegiogemeenteSerializer(self.context.get("regio", []), many=True).data


class ToelichtingSerializer(Serializer):
    """The SWV's explanation of a missed, late or at-risk milestone, as it is now."""

    id = serializers.IntegerField()
    mijlpaal = serializers.CharField(source="mijlpaal.code")
    cyclus = serializers.IntegerField(
        help_text="Het nummer van de OP-cyclus (zie /mijlpalen); 0 bij een mijlpaal die niet "
        "herhaalt."
    )
    tekst = serializers.CharField()
    verwacht_op = serializers.DateField(
        allow_null=True, help_text="Wanneer het samenwerkingsverband de mijlpaal verwacht te halen."
    )
    document = serializers.IntegerField(
        source="document_id",
        allow_null=True,
        help_text="Het document bij de toelichting (zie /samenwerkingsverbanden/{code}/documenten).",
    )
    gewijzigd_op = serializers.DateTimeField()
