import django_filters as filters

from passend.api.filters import BooleanFilter, sortering
from rapporten.models import Rapport, Rapportstatus, Soort


class RapportFilter(filters.FilterSet):
    sorteer = sortering("peildatum", "soort", "status", "klaar_op")
    soort = filters.ChoiceFilter(choices=Soort.choices)
    status = filters.ChoiceFilter(choices=Rapportstatus.choices)
    gepubliceerd = BooleanFilter(field_name="gepubliceerd_op", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Rapport
        fields = []
