"""The reference data in the admin, for the beheerder only (`PassendAdminSite`), in Dutch.
Every change is in the history (django-auditlog) with the beheerder as actor."""

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Rol
from swv.models import (
    REGIO_INGANGSDATUM,
    Gemeente,
    Groepering,
    Groeperingslid,
    Importopdracht,
    Importsoort,
    Importstatus,
    Lidmaatschap,
    Regiotoewijzing,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    Schoolsoort,
)
from swv.services import importopdrachten
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


class GroeperingslidInline(admin.StackedInline):
    """Stacked, so every field has its label, with plain date inputs and a plain list of SWVs
    (the admin's calendar shortcuts and search box have no Dutch accessible name)."""

    model = Groeperingslid
    extra = 1
    ordering = ["swv__code", "geldig_van"]
    formfield_overrides = {
        models.DateField: {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
    }

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "swv":
            kwargs["queryset"] = Samenwerkingsverband.objects.order_by("code")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Groepering)
class GroeperingAdmin(admin.ModelAdmin):
    """The groups the ministry follows apart, each with its SWVs and their validity dates."""

    list_display = ["naam", "aantal_nu"]
    search_fields = ["naam"]
    inlines = [GroeperingslidInline]

    def get_queryset(self, request):
        vandaag = timezone.localdate()
        nu = Q(leden__geldig_van__lte=vandaag) & (
            Q(leden__geldig_tot__isnull=True) | Q(leden__geldig_tot__gt=vandaag)
        )
        return super().get_queryset(request).annotate(aantal=Count("leden", filter=nu))

    @admin.display(description="samenwerkingsverbanden nu", ordering="aantal")
    def aantal_nu(self, groepering):
        return groepering.aantal


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

    def get_queryset(self, request):
        # A board without a name is shown by its schools: in the list's query, not per row.
        return super().get_queryset(request).met_schoolnaam()


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
    list_select_related = ["bestuur"]
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
    list_select_related = ["swv"]
    ordering = ["swv__code", "bestuur__bevoegd_gezag_nummer"]

    def get_queryset(self, request):
        # A membership is shown by its board, and a board without a name by its schools: the
        # boards come with their first school's name in one query, not two per row.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bestuur", queryset=Schoolbestuur.objects.met_schoolnaam()))
        )


class ImportForm(forms.Form):
    soort = forms.ChoiceField(label="soort bestand", choices=Importsoort.choices)
    bestand = forms.FileField(
        label="bestand",
        help_text="Het CSV-bestand zoals het is gepubliceerd, met de kopregel.",
    )
    geldig_van = forms.DateField(
        label="geldig van",
        required=False,
        initial=REGIO_INGANGSDATUM,
        help_text="Alleen voor de regio-indeling: de dag waarop een PC4 die van "
        "samenwerkingsverband wisselt overgaat. Dezelfde dag als een eerdere import draait "
        "die overgang terug.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    schoolsoort = forms.ChoiceField(
        label="schoolsoort",
        choices=Schoolsoort.choices,
        initial=Schoolsoort.BAO,
        help_text="Alleen voor DUO's vestigingen: de soort van de scholen in het bestand.",
    )


#: The steps of a job, for the progress bar: (value, max).
STAPPEN = {
    Importstatus.PROEF_WACHTRIJ: 0,
    Importstatus.PROEF_BEZIG: 1,
    Importstatus.PROEF_KLAAR: 2,
    Importstatus.WACHTRIJ: 2,
    Importstatus.BEZIG: 3,
    Importstatus.TOEGEPAST: 4,
}
#: Seconds between refreshes of a running job's page (a <meta http-equiv="refresh">: no script).
VERVERS = 3


def _alleen_beheerder(view):
    """A signed-in user of another role gets 403 here, not the admin's login page: the import
    pages say plainly that they are not theirs."""

    @wraps(view)
    def alleen_beheerder(request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.heeft_rol(Rol.BEHEERDER):
            raise PermissionDenied("Alleen de beheerder importeert referentiegegevens.")
        return view(request, *args, **kwargs)

    return alleen_beheerder


@admin.register(Importopdracht)
class ImportopdrachtAdmin(admin.ModelAdmin):
    """Upload a published file, read the dry run, apply it. The pages are the admin's own
    views, replaced: an import is not a form of fields but a short procedure."""

    list_display = ["naam", "soort", "status", "geupload_door", "geupload_op"]
    list_filter = ["soort", "status"]
    list_select_related = ["geupload_door"]
    search_fields = ["naam"]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/toepassen/",
                self.admin_site.admin_view(require_POST(self.toepassen_view)),
                name="swv_importopdracht_toepassen",
            ),
            path(
                "<int:pk>/verslag/",
                self.admin_site.admin_view(self.verslag_view),
                name="swv_importopdracht_verslag",
            ),
        ]
        urls = eigen + super().get_urls()
        for url in urls:
            url.callback = _alleen_beheerder(url.callback)
        return urls

    def _context(self, request, **extra):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, **extra}

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                opdracht = importopdrachten.maak_opdracht(
                    request.user,
                    d["soort"],
                    d["bestand"].name,
                    d["bestand"].read(settings.UPLOAD_MAX_BYTES + 1),
                    geldig_van=d["geldig_van"],
                    schoolsoort=d["schoolsoort"],
                )
            except ValidationError as fout:
                form.add_error("bestand", fout)
            else:
                return redirect("admin:swv_importopdracht_change", opdracht.pk)
        return TemplateResponse(
            request,
            "admin/swv/importopdracht/nieuw.html",
            self._context(request, form=form, title="Bestand importeren"),
            status=400 if request.method == "POST" else 200,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        opdracht = self.get_object(request, object_id)
        if opdracht is None:
            raise Http404("Deze importopdracht bestaat niet.")
        verslag = opdracht.laatste_verslag or {}
        return TemplateResponse(
            request,
            "admin/swv/importopdracht/detail.html",
            self._context(
                request,
                title=str(opdracht),
                opdracht=opdracht,
                verslag=verslag,
                samenvatting=importopdrachten.samenvatting(verslag),
                fouten=verslag.get("fouten", []),
                stap=STAPPEN.get(opdracht.status),
                ververs=VERVERS if opdracht.lopend else None,
                mag_toepassen=opdracht.status == Importstatus.PROEF_KLAAR
                and not verslag.get("fouten"),
            ),
        )

    def toepassen_view(self, request, pk):
        if not self.has_add_permission(request):
            raise PermissionDenied
        opdracht = get_object_or_404(Importopdracht, pk=pk)
        try:
            importopdrachten.pas_toe(request.user, opdracht)
        except ValidationError as fout:
            self.message_user(request, " ".join(fout.messages), messages.ERROR)
        return redirect("admin:swv_importopdracht_change", pk)

    def verslag_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        opdracht = get_object_or_404(Importopdracht, pk=pk)
        if opdracht.laatste_verslag is None and not opdracht.fout:
            raise Http404("Er is nog geen verslag.")
        antwoord = HttpResponse(
            importopdrachten.verslag_csv(opdracht), content_type="text/csv; charset=utf-8"
        )
        antwoord["Content-Disposition"] = f'attachment; filename="importverslag-{opdracht.pk}.csv"'
        return antwoord
