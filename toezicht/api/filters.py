import django_filters as filters

from passend.api.filters import BooleanFilter, Sortering, sortering
from swv.api.filters import GroepFilter
from swv.models import Sector
from toezicht.models import (
    Afspraakstatus,
    Bron,
    Indicator,
    Indieningsstatus,
    Kwaliteitsonderzoek,
    Onderwerp,
    Onderzoeksuitkomst,
    Oordeel,
    Rapportageronde,
    Rapportagesoort,
    Registratieoordeel,
    Risicoindicator,
    Risiconiveau,
    Signaal,
    Thuiszitterregistratie,
    Uitkomst,
    Vervolgafspraak,
)


class SwvFilter(filters.FilterSet):
    samenwerkingsverband = filters.CharFilter(field_name="swv__code", label="Code, zoals PO2707.")
    sector = filters.ChoiceFilter(field_name="swv__sector", choices=Sector.choices)


def bevindingsortering(*velden: str) -> Sortering:
    """A finding's sort parameter: its own fields, when it was changed, and its SWV."""
    return sortering(*velden, "gewijzigd_op", samenwerkingsverband="swv__code")


class BevindingFilter(SwvFilter):
    """What every finding can be read by: what changed since a moment (to keep a copy up to
    date; findings are changed, never removed), and in which order."""

    gewijzigdSinds = filters.IsoDateTimeFilter(
        field_name="gewijzigd_op",
        lookup_expr="gte",
        label="Alleen wat op of na dit moment is vastgelegd of gewijzigd (ISO 8601 met tijdzone).",
    )


class ThuiszitterregistratieFilter(SwvFilter, GroepFilter):
    groepdatum = "periode_tot"
    sorteer = sortering(
        "periode_van", "status", "ingediend_op", "beoordeeld_op", samenwerkingsverband="swv__code"
    )
    status = filters.ChoiceFilter(choices=Indieningsstatus.choices)
    ronde = filters.NumberFilter(field_name="ronde_id", label="Het id van de rapportageronde.")

    class Meta:
        model = Thuiszitterregistratie
        fields = []


class RapportagerondeFilter(filters.FilterSet):
    sorteer = sortering("soort", "periode_van", "deadline")
    soort = filters.ChoiceFilter(choices=Rapportagesoort.choices)

    class Meta:
        model = Rapportageronde
        fields = []


class SignaalFilter(BevindingFilter, GroepFilter):
    groepdatum = "ontvangen_op"
    sorteer = bevindingsortering("ontvangen_op", "afgehandeld_op")
    bron = filters.ChoiceFilter(choices=Bron.choices)
    onderwerp = filters.ChoiceFilter(choices=Onderwerp.choices)
    uitkomst = filters.ChoiceFilter(choices=Uitkomst.choices)
    ontvangenVanaf = filters.DateFilter(field_name="ontvangen_op", lookup_expr="gte")
    ontvangenTot = filters.DateFilter(field_name="ontvangen_op", lookup_expr="lte")

    class Meta:
        model = Signaal
        fields = []


class RegistratieoordeelFilter(BevindingFilter, GroepFilter):
    groepdatum = "periode_tot"
    sorteer = bevindingsortering("periode_van")
    oordeel = filters.ChoiceFilter(choices=Oordeel.choices)

    class Meta:
        model = Registratieoordeel
        fields = []


class KwaliteitsonderzoekFilter(BevindingFilter, GroepFilter):
    groepdatum = "begonnen_op"
    sorteer = bevindingsortering("begonnen_op", "afgerond_op")
    uitkomst = filters.ChoiceFilter(choices=Onderzoeksuitkomst.choices)

    class Meta:
        model = Kwaliteitsonderzoek
        fields = []


class VervolgafspraakFilter(BevindingFilter, GroepFilter):
    groepdatum = "gemaakt_op"
    sorteer = bevindingsortering("gemaakt_op", "deadline")
    status = filters.ChoiceFilter(choices=Afspraakstatus.choices)
    verlopen = BooleanFilter(
        method="filter_verlopen",
        label="Alleen afspraken die op de peildatum open zijn en over hun uiterste datum.",
    )

    class Meta:
        model = Vervolgafspraak
        fields = []

    def filter_verlopen(self, queryset, name, value):
        from django.db.models import Q

        from passend.peildatum import lees_datum

        peildatum = lees_datum(self.request.query_params.get("peildatum"))
        verlopen = Q(deadline__lt=peildatum) & (
            Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gt=peildatum)
        )
        return queryset.filter(verlopen) if value else queryset.exclude(verlopen)


class RisicoindicatorFilter(BevindingFilter, GroepFilter):
    groepdatum = "periode_tot"
    sorteer = bevindingsortering("periode_van")
    indicator = filters.ChoiceFilter(choices=Indicator.choices)
    niveau = filters.ChoiceFilter(choices=Risiconiveau.choices)

    class Meta:
        model = Risicoindicator
        fields = []


class CijfertoelichtingenFilter(filters.FilterSet):
    sorteer = sortering("onderwerp", "teldatum", "gewijzigd_op", ronde="ronde_id")
