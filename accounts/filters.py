import django_filters
from django import forms

from accounts.models import Auditgebeurtenis, Auditsoort
from passend.forms import NldsFormMixin


class AuditFilterForm(NldsFormMixin, forms.Form):
    controleer_vrije_tekst = False  # a search over the audit log, never stored
    is_filter = True  # every field may stay empty: no "(niet verplicht)" beside each label


class AuditFilter(django_filters.FilterSet):
    soort = django_filters.ChoiceFilter(
        label="Soort", choices=Auditsoort.choices, empty_label="Alle soorten"
    )
    gebruikersnaam = django_filters.CharFilter(label="Gebruikersnaam", lookup_expr="icontains")
    van = django_filters.DateFilter(
        label="Vanaf", field_name="tijdstip", lookup_expr="date__gte", widget=forms.DateInput
    )
    tot = django_filters.DateFilter(
        label="Tot en met", field_name="tijdstip", lookup_expr="date__lte", widget=forms.DateInput
    )

    class Meta:
        model = Auditgebeurtenis
        fields = ["soort", "gebruikersnaam", "van", "tot"]
        form = AuditFilterForm
