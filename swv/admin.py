"""The reference data in the admin, for the beheerder only (`PassendAdminSite`), in Dutch.
Every change is in the history (django-auditlog) with the beheerder as actor."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse

from swv.models import (
    REGIO_INGANGSDATUM,
    Gemeente,
    Lidmaatschap,
    Regiotoewijzing,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)
from swv.services.regiowijziging import verplaats_gemeente, voeg_samen


class VerplaatsForm(forms.Form):
    naar = forms.ModelChoiceField(
        Samenwerkingsverband.objects.order_by("code"), label="naar samenwerkingsverband"
    )
    per = forms.DateField(
        label="per",
        help_text=f"De dag waarop de wijziging ingaat (na {REGIO_INGANGSDATUM:%d-%m-%Y}).",
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class SamenvoegForm(forms.Form):
    opvolger = forms.ModelChoiceField(
        Samenwerkingsverband.objects.order_by("code"), label="opgegaan in"
    )
    per = VerplaatsForm.base_fields["per"]


def regiowijziging(modeladmin, request, queryset, *, form_class, titel, uitleg, toepassen):
    """An admin action with a form in between: shows the form, and on 'Vastleggen' applies the
    change to each selected record in one transaction, or shows why not."""
    form = form_class(request.POST if "toepassen" in request.POST else None)
    if form.is_valid():
        try:
            with transaction.atomic():
                meldingen = [toepassen(obj, **form.cleaned_data) for obj in queryset]
        except ValidationError as fout:
            form.add_error(None, fout.messages)
        else:
            for melding in meldingen:
                modeladmin.message_user(request, melding, messages.SUCCESS)
            return None
    return TemplateResponse(
        request,
        "admin/regiowijziging.html",
        {
            **modeladmin.admin_site.each_context(request),
            "opts": modeladmin.model._meta,
            "titel": titel,
            "uitleg": uitleg,
            "queryset": queryset,
            "form": form,
            "actie": request.POST.get("action"),
        },
    )


@admin.action(description="Naar een ander samenwerkingsverband verplaatsen (per datum)")
def verplaatsen(modeladmin, request, queryset):
    def toepassen(gemeente, naar, per):
        wijziging = verplaats_gemeente(gemeente, naar, per)
        return (
            f"{gemeente}: {wijziging.verplaatst} postcodegebieden per {per:%d-%m-%Y} naar {naar}."
        )

    return regiowijziging(
        modeladmin,
        request,
        queryset,
        form_class=VerplaatsForm,
        titel="Gemeente verplaatsen",
        uitleg="De postcodegebieden van de gemeente in de sector van het gekozen "
        "samenwerkingsverband gaan per de gekozen dag naar dat samenwerkingsverband. Een "
        "peildatum daarvoor toont de oude regio.",
        toepassen=toepassen,
    )


@admin.action(description="Samenvoegen met een ander samenwerkingsverband (per datum)")
def samenvoegen(modeladmin, request, queryset):
    def toepassen(swv, opvolger, per):
        wijziging = voeg_samen(swv, opvolger, per)
        return (
            f"{swv} is per {per:%d-%m-%Y} opgegaan in {opvolger}: {wijziging.verplaatst} "
            f"postcodegebieden en {wijziging.leden} leden."
        )

    return regiowijziging(
        modeladmin,
        request,
        queryset,
        form_class=SamenvoegForm,
        titel="Samenwerkingsverbanden samenvoegen",
        uitleg="De regio en de leden van het gekozen samenwerkingsverband gaan per de gekozen "
        "dag over naar het samenwerkingsverband waarin het opgaat.",
        toepassen=toepassen,
    )


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "sector", "experiment", "accountmanager"]
    list_filter = ["sector", "experiment", "accountmanager"]
    search_fields = ["code", "naam"]
    ordering = ["code"]
    filter_horizontal = ["coordinatoren"]
    list_select_related = ["accountmanager"]
    actions = [samenvoegen]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code"]
    search_fields = ["naam", "cbs_code"]
    ordering = ["naam"]
    actions = [verplaatsen]


@admin.register(Regiotoewijzing)
class RegiotoewijzingAdmin(admin.ModelAdmin):
    """The region as PC4 assignments with validity dates: a move or a merger is an end date on
    the old assignment and a new one from that date."""

    list_display = ["postcodegebied", "gemeente", "swv", "sector", "geldig_van", "geldig_tot"]
    list_filter = ["sector", "geldig_van", "geldig_tot"]
    search_fields = ["postcodegebied__pc4", "postcodegebied__gemeente__naam", "swv__code"]
    autocomplete_fields = ["swv"]
    raw_id_fields = ["postcodegebied"]
    list_select_related = ["postcodegebied__gemeente", "swv"]
    ordering = ["postcodegebied__pc4", "sector", "geldig_van"]

    @admin.display(description="gemeente", ordering="postcodegebied__gemeente__naam")
    def gemeente(self, toewijzing):
        return toewijzing.postcodegebied.gemeente


@admin.register(Schoolbestuur)
class SchoolbestuurAdmin(admin.ModelAdmin):
    list_display = ["bevoegd_gezag_nummer", "naam"]
    search_fields = ["bevoegd_gezag_nummer", "naam"]
    ordering = ["bevoegd_gezag_nummer"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = [
        "vestigingsnummer",
        "naam",
        "soort",
        "sector",
        "plaats",
        "bestuur__bevoegd_gezag_nummer",
    ]
    list_filter = ["sector", "soort"]
    search_fields = ["vestigingsnummer", "brin", "naam", "plaats"]
    autocomplete_fields = ["bestuur"]
    raw_id_fields = ["postcodegebied"]
    ordering = ["vestigingsnummer"]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = [
        "swv",
        "bestuur__bevoegd_gezag_nummer",
        "bestuur__naam",
        "stemgewicht",
        "begindatum",
        "einddatum",
    ]
    list_filter = ["swv__sector"]
    search_fields = ["swv__code", "bestuur__bevoegd_gezag_nummer", "bestuur__naam"]
    autocomplete_fields = ["swv", "bestuur"]
    list_select_related = ["swv", "bestuur"]
    ordering = ["swv__code", "bestuur__bevoegd_gezag_nummer"]
