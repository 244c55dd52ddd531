"""The reference data in the admin, for the beheerder only (`PassendAdminSite`), in Dutch.
Every change is in the history (django-auditlog) with the beheerder as actor."""

from django.contrib import admin

from swv.models import (
    Gemeente,
    Lidmaatschap,
    Regiotoewijzing,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "sector", "experiment", "accountmanager"]
    list_filter = ["sector", "experiment", "accountmanager"]
    search_fields = ["code", "naam"]
    ordering = ["code"]
    filter_horizontal = ["coordinatoren"]
    list_select_related = ["accountmanager"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code"]
    search_fields = ["naam", "cbs_code"]
    ordering = ["naam"]


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
    list_display = ["vestigingsnummer", "naam", "soort", "sector", "plaats", "bestuur"]
    list_filter = ["sector", "soort"]
    search_fields = ["vestigingsnummer", "brin", "naam", "plaats"]
    autocomplete_fields = ["bestuur"]
    raw_id_fields = ["postcodegebied"]
    list_select_related = ["bestuur"]
    ordering = ["vestigingsnummer"]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = ["swv", "bestuur", "stemgewicht", "begindatum", "einddatum"]
    list_filter = ["swv__sector"]
    search_fields = ["swv__code", "bestuur__bevoegd_gezag_nummer", "bestuur__naam"]
    autocomplete_fields = ["swv", "bestuur"]
    list_select_related = ["swv", "bestuur"]
    ordering = ["swv__code", "bestuur__bevoegd_gezag_nummer"]
