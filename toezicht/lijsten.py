"""The Inspectie's findings as lists: per kind its columns, filters, sort orders and the fields
of its detail page. One description per kind serves the list page, its CSV and XLSX, and the
detail page, so they cannot disagree (ADR 0072)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import Model, Q, QuerySet
from django.urls import reverse
from django.utils.text import capfirst

from passend import formatting
from passend.forms import NldsFormMixin
from passend.tables import Tabel
from swv.models import Sector
from toezicht.models import (
    Kwaliteitsonderzoek,
    Rapportageronde,
    Registratieoordeel,
    Risicoindicator,
    Signaal,
    Vervolgafspraak,
)

PER_PAGINA = 50


@dataclass(frozen=True)
class Kolom:
    titel: str
    waarde: Callable[[Model], object]
    #: The field the column sorts by; empty when it does not sort.
    sorteer: str = ""
    #: A text cut short on the page (the export and the finding's page have it whole).
    kort: bool = False


def _swv(b):
    return b.swv


def _periode(b):
    return f"{b.periode_van:%d-%m-%Y} t/m {b.periode_tot:%d-%m-%Y}"


@dataclass(frozen=True)
class Soort:
    slug: str
    model: type[Model]
    titel: str
    enkelvoud: str
    meervoud: str
    kolommen: tuple[Kolom, ...]
    #: Fields with choices the list can be narrowed by.
    keuzevelden: tuple[str, ...]
    volgorde: tuple[str, ...]
    #: The free text shown on the detail page (never in the list: it can be long).
    tekstvelden: tuple[str, ...]
    #: The other fields of the detail page, in order.
    detailvelden: tuple[str, ...]

    @property
    def formuliervelden(self) -> tuple[str, ...]:
        """What the Inspectie records and changes: the SWV, the fields and the texts."""
        velden = (*self.detailvelden, *self.tekstvelden)
        return ("swv", *(v for v in velden if self.model._meta.get_field(v).editable))

    def aantal(self, n: int) -> str:
        return formatting.aantal(n, self.enkelvoud, self.meervoud)

    def rijen(self, user) -> QuerySet:
        return self.model.objects.for_user(user).select_related("swv", "vastgelegd_door")

    def gegevens(self, bevinding) -> list[tuple[str, object, str | None]]:
        """The detail page's fields that hold a value, as (label, value, the address of the
        finding it refers to), then its free texts as (label, text, None)."""
        uit = []
        for naam in self.detailvelden:
            weergave = getattr(bevinding, f"get_{naam}_display", None)
            waarde = weergave() if weergave else getattr(bevinding, naam)
            adres = None
            if isinstance(waarde, Kwaliteitsonderzoek):
                adres = reverse("bevindingen:onderzoeken-detail", args=[waarde.pk])
                waarde = f"Kwaliteitsonderzoek van {formatting.datum_lang(waarde.begonnen_op)}"
            elif isinstance(waarde, Rapportageronde):
                waarde = (
                    f"Thuiszitters {formatting.periode(waarde.periode_van, waarde.periode_tot)}"
                )
            if waarde not in (None, ""):
                uit.append((self.label(naam), waarde, adres))
        return uit

    def teksten(self, bevinding) -> list[tuple[str, str]]:
        return [(self.label(naam), getattr(bevinding, naam)) for naam in self.tekstvelden]

    def label(self, naam: str) -> str:
        return capfirst(self.model._meta.get_field(naam).verbose_name)

    def regels(self, objecten) -> list[tuple[Model, list[tuple[Kolom, object]]]]:
        """Each finding with its cells beside their columns, for a page."""
        return [(b, [(k, k.waarde(b)) for k in self.kolommen]) for b in objecten]

    def tabel(self, objecten) -> Tabel:
        """The list as a table for CSV and XLSX: the same columns as the page."""
        return Tabel(
            self.slug,
            self.titel,
            [k.titel for k in self.kolommen],
            [[k.waarde(b) for k in self.kolommen] for b in objecten],
        )


SWV = Kolom("Samenwerkingsverband", _swv, "swv__code")

SOORTEN = {
    soort.slug: soort
    for soort in (
        Soort(
            "signalen",
            Signaal,
            "Signalen",
            "signaal",
            "signalen",
            (
                SWV,
                Kolom("Ontvangen", lambda b: b.ontvangen_op, "ontvangen_op"),
                Kolom("Bron", lambda b: b.get_bron_display(), "bron"),
                Kolom("Onderwerp", lambda b: b.get_onderwerp_display(), "onderwerp"),
                Kolom("Uitkomst", lambda b: b.get_uitkomst_display(), "uitkomst"),
                Kolom("Afgehandeld", lambda b: b.afgehandeld_op, "afgehandeld_op"),
            ),
            ("bron", "onderwerp", "uitkomst"),
            ("-ontvangen_op", "-pk"),
            ("omschrijving",),
            ("ontvangen_op", "bron", "onderwerp", "uitkomst", "afgehandeld_op"),
        ),
        Soort(
            "oordelen",
            Registratieoordeel,
            "Oordelen over de thuiszitterregistratie",
            "oordeel",
            "oordelen",
            (
                SWV,
                Kolom("Periode", _periode, "periode_van"),
                Kolom("Oordeel", lambda b: b.get_oordeel_display(), "oordeel"),
            ),
            ("oordeel",),
            ("-periode_van", "swv__code"),
            ("toelichting",),
            ("periode_van", "periode_tot", "oordeel"),
        ),
        Soort(
            "onderzoeken",
            Kwaliteitsonderzoek,
            "Kwaliteitsonderzoeken",
            "kwaliteitsonderzoek",
            "kwaliteitsonderzoeken",
            (
                SWV,
                Kolom("Begonnen", lambda b: b.begonnen_op, "begonnen_op"),
                Kolom("Afgerond", lambda b: b.afgerond_op, "afgerond_op"),
                Kolom("Uitkomst", lambda b: b.get_uitkomst_display() or "loopt nog", "uitkomst"),
            ),
            ("uitkomst",),
            ("-begonnen_op", "swv__code"),
            ("toelichting",),
            ("begonnen_op", "afgerond_op", "uitkomst"),
        ),
        Soort(
            "afspraken",
            Vervolgafspraak,
            "Vervolgafspraken",
            "vervolgafspraak",
            "vervolgafspraken",
            (
                SWV,
                Kolom("Afspraak", lambda b: b.omschrijving, kort=True),
                Kolom("Gemaakt", lambda b: b.gemaakt_op, "gemaakt_op"),
                Kolom("Uiterste datum", lambda b: b.deadline, "deadline"),
                Kolom("Status", lambda b: b.statustekst, "status"),
                Kolom("Afgesloten", lambda b: b.afgesloten_op, "afgesloten_op"),
            ),
            ("status",),
            ("deadline", "swv__code", "pk"),
            ("omschrijving",),
            (
                "gemaakt_op",
                "deadline",
                "status",
                "afgesloten_op",
                "nagekomen_met",
                "kwaliteitsonderzoek",
                "mijlpaal",
                "cyclus",
                "ronde",
            ),
        ),
        Soort(
            "indicatoren",
            Risicoindicator,
            "Risico-indicatoren",
            "risico-indicator",
            "risico-indicatoren",
            (
                SWV,
                Kolom("Periode", _periode, "periode_van"),
                Kolom("Indicator", lambda b: b.get_indicator_display(), "indicator"),
                Kolom("Niveau", lambda b: b.get_niveau_display(), "niveau"),
            ),
            ("indicator", "niveau"),
            ("-periode_van", "swv__code", "indicator"),
            ("toelichting",),
            ("periode_van", "periode_tot", "indicator", "niveau"),
        ),
    )
}


class Lijstfilter(NldsFormMixin, forms.Form):
    """Narrows and sorts one kind of finding: an SWV, a sector, its own choices, and a column
    to sort by. Every field may stay empty; an unknown value gets a Dutch message. Made for a
    kind and a reader by `lijstfilter`."""

    is_filter = True
    soort: Soort

    def toepassen(self, rijen: QuerySet, vandaag: datetime.date) -> QuerySet:
        """The rows narrowed and sorted as chosen; all rows when the form is not valid (the
        page then shows the message and answers 400)."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("samenwerkingsverband"):
            rijen = rijen.filter(swv__code=data["samenwerkingsverband"])
        if data.get("sector"):
            rijen = rijen.filter(swv__sector=data["sector"])
        for naam in self.soort.keuzevelden:
            if data.get(naam):
                rijen = rijen.filter(**{naam: data[naam]})
        if data.get("verlopen"):
            rijen = rijen.filter(
                Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gt=vandaag), deadline__lt=vandaag
            )
        volgorde = self.soort.volgorde
        if data.get("sorteer"):
            # the chosen column first, then the default order, so equal values keep one order
            veld = data["sorteer"].lstrip("-")
            volgorde = (data["sorteer"], *(v for v in volgorde if v.lstrip("-") != veld), "pk")
        return rijen.order_by(*volgorde)


def lijstfilter(data, *, soort: Soort, swvs) -> Lijstfilter:
    """The filter of one kind for a reader who may see `swvs`."""
    velden = {
        "samenwerkingsverband": forms.ChoiceField(
            label="Samenwerkingsverband",
            required=False,
            choices=[("", "Alle"), *((s.code, f"{s.weergavecode} {s.naam}") for s in swvs)],
            error_messages={
                "invalid_choice": "Kies een samenwerkingsverband uit de lijst: u kunt dit "
                "samenwerkingsverband niet inzien of het bestaat niet."
            },
        ),
        "sector": forms.ChoiceField(
            label="Sector",
            required=False,
            choices=[("", "Beide sectoren"), *Sector.choices],
            error_messages={"invalid_choice": "Kies primair of voortgezet onderwijs."},
        ),
    }
    for naam in soort.keuzevelden:
        veld = soort.model._meta.get_field(naam)
        velden[naam] = forms.ChoiceField(
            label=str(veld.verbose_name).capitalize(),
            required=False,
            choices=[("", "Alle"), *veld.choices],
            error_messages={"invalid_choice": f"Kies een {veld.verbose_name} uit de lijst."},
        )
    if soort.model is Vervolgafspraak:
        velden["verlopen"] = forms.ChoiceField(
            label="Verlopen",
            required=False,
            choices=[("", "Alle"), ("ja", "Alleen verlopen afspraken")],
            error_messages={"invalid_choice": "Kies alle of alleen verlopen afspraken."},
        )
    sorteringen = [("", "Standaard")]
    for kolom in soort.kolommen:
        if kolom.sorteer:
            sorteringen += [
                (kolom.sorteer, f"{kolom.titel}, oplopend"),
                (f"-{kolom.sorteer}", f"{kolom.titel}, aflopend"),
            ]
    velden["sorteer"] = forms.ChoiceField(
        label="Sorteren op",
        required=False,
        choices=sorteringen,
        error_messages={"invalid_choice": "Kies een sortering uit de lijst."},
    )
    klasse = type("Lijstfilter", (Lijstfilter,), {**velden, "soort": soort})
    return klasse(data)


class Bevindingformulier(NldsFormMixin, forms.ModelForm):
    """Records or changes one finding; the service (`leg_bevinding_vast`, `wijzig_bevinding`)
    checks it in full again, as for the API. Made per kind by `bevindingformulier`."""

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        swv = self.fields["swv"]
        swv.queryset = swv.queryset.order_by("code")
        swv.label_from_instance = lambda s: f"{s.weergavecode} {s.naam}"
        swv.empty_label = "Kies een samenwerkingsverband"
        if "kwaliteitsonderzoek" in self.fields:
            onderzoek = self.fields["kwaliteitsonderzoek"]
            onderzoek.queryset = onderzoek.queryset.select_related("swv").order_by(
                "swv__code", "-begonnen_op"
            )
            onderzoek.label_from_instance = lambda k: (
                f"{k.swv.weergavecode}, begonnen {k.begonnen_op:%d-%m-%Y}"
            )
            onderzoek.empty_label = "Geen"
        if "mijlpaal" in self.fields:
            mijlpaal = self.fields["mijlpaal"]
            # a moment on the timeline only (no steps) is never met
            mijlpaal.queryset = mijlpaal.queryset.exclude(stappen=[]).order_by("volgorde")
            mijlpaal.label_from_instance = lambda m: m.naam
            mijlpaal.empty_label = "Geen"
        if "ronde" in self.fields:
            ronde = self.fields["ronde"]
            ronde.queryset = ronde.queryset.order_by("-periode_van")
            ronde.label_from_instance = lambda r: (
                f"Thuiszitters {formatting.periode(r.periode_van, r.periode_tot)}"
            )
            ronde.empty_label = "Geen"

    def _post_clean(self):
        """The model's own checks run in the service, after the form: a form error is shown
        beside its field either way, and the finding is checked once, where the API checks it."""


def bevindingformulier(soort: Soort, *args, **kwargs) -> Bevindingformulier:
    klasse = forms.modelform_factory(
        soort.model,
        form=Bevindingformulier,
        fields=soort.formuliervelden,
        widgets={naam: forms.Textarea(attrs={"rows": 4}) for naam in soort.tekstvelden},
    )
    return klasse(*args, **kwargs)
