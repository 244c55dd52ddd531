"""Reads about samenwerkingsverbanden, each in a bounded number of queries."""

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from passend import formatting
from swv.models import (
    Gemeente,
    Groepering,
    Groeperingslid,
    Lidmaatschap,
    Regiotoewijzing,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)


@dataclass(frozen=True)
class RegioGemeente:
    gemeente: Gemeente
    aantal_pc4: int
    gedeeld: bool  # part of the gemeente lies in another SWV of the same sector


def vandaag() -> datetime.date:
    return timezone.localdate()


def regio(swv: Samenwerkingsverband, peildatum: datetime.date | None = None):
    """The gemeenten of an SWV's region at the peildatum, with how many PC4 areas each brings
    and whether the gemeente is split with another SWV of the same sector."""
    peildatum = peildatum or vandaag()
    geldig = Regiotoewijzing.objects.geldig_op(peildatum).filter(sector=swv.sector)
    eigen = geldig.filter(swv=swv)
    gemeenten = (
        Gemeente.objects.filter(postcodegebieden__toewijzingen__in=eigen)
        .annotate(aantal_pc4=Count("postcodegebieden", distinct=True))
        .order_by("naam")
    )
    gedeeld = set(
        geldig.exclude(swv=swv)
        .filter(postcodegebied__gemeente__in=gemeenten.values("pk"))
        .values_list("postcodegebied__gemeente_id", flat=True)
    )
    return [RegioGemeente(g, g.aantal_pc4, g.pk in gedeeld) for g in gemeenten]


def leden(swv: Samenwerkingsverband, peildatum: datetime.date | None = None):
    peildatum = peildatum or vandaag()
    return (
        Lidmaatschap.objects.filter(swv=swv, begindatum__lte=peildatum)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=peildatum))
        .prefetch_related(Prefetch("bestuur", Schoolbestuur.objects.met_schoolnaam()))
        .annotate(
            aantal_scholen=Count(
                "bestuur__scholen",
                filter=Q(bestuur__scholen__in=School.objects.in_swv(swv, peildatum)),
            )
        )
        .order_by("bestuur__bevoegd_gezag_nummer")
    )


def scholen(swv: Samenwerkingsverband, peildatum: datetime.date | None = None):
    return (
        School.objects.in_swv(swv, peildatum or vandaag())
        .select_related("postcodegebied__gemeente")
        .prefetch_related(Prefetch("bestuur", Schoolbestuur.objects.met_schoolnaam()))
        .order_by("naam")
    )


def geschiedenis(swv: Samenwerkingsverband):
    """Every recorded change to the SWV and what belongs to it, newest first."""
    return (
        LogEntry.objects.filter(additional_data__swv_id=swv.pk)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


@dataclass(frozen=True)
class Wijziging:
    """One line of an SWV's history page."""

    wanneer: datetime.datetime
    wie: str
    wat: str
    actie: str
    velden: list[tuple[str, str, str]]


#: The audit log's actions as the history page says them.
ACTIES = {
    LogEntry.Action.CREATE: "aangemaakt",
    LogEntry.Action.UPDATE: "gewijzigd",
    LogEntry.Action.DELETE: "verwijderd",
    LogEntry.Action.ACCESS: "ingezien",
}


def wijzigingen(entries) -> list[Wijziging]:
    """History lines from audit-log entries fetched with `geschiedenis()` (no extra queries)."""
    regels = []
    for entry in entries:
        model = entry.content_type.model_class()
        soort = model._meta.verbose_name if model else entry.content_type.model
        actor = entry.actor
        velden = (_veld(model, naam, waarden) for naam, waarden in (entry.changes or {}).items())
        regels.append(
            Wijziging(
                wanneer=entry.timestamp,
                wie=(actor.get_full_name() or actor.username) if actor else "systeem",
                wat=f"{str(soort).capitalize()}: {entry.object_repr}",
                actie=ACTIES.get(entry.action, entry.get_action_display().lower()),
                velden=[veld for veld in velden if veld],
            )
        )
    return regels


#: What the audit log keeps but a reader of the history has nothing to do with: the stored
#: file's place and hash, sizes in bytes, the version for optimistic locking.
VERBORGEN_VELDEN = {"sha256", "versie", "grootte", "grens"}
LEEG = "\N{EM DASH}"


def _veld(model, naam: str, waarden) -> tuple[str, str, str] | None:
    """A changed field as its Dutch label and its old and new value in words, without a query:
    related objects are stored by their name (AUDITLOG_USE_FK_STRING_REPRESENTATION), choices
    shown by label, dates and moments as passend.formatting writes them, yes/no in words, numbers
    as they are (a year or a code has no thousands separator). Keys, file paths, hashes,
    versions and fields a new record left empty are left out (None)."""
    oud, nieuw = [*waarden, "", ""][:2] if isinstance(waarden, list) else ("", waarden)
    try:
        veld = model._meta.get_field(naam) if model else None
    except FieldDoesNotExist:
        veld = None
    if veld is None:
        return naam, str(oud), str(nieuw)
    if (
        getattr(veld, "primary_key", False)
        or not veld.concrete  # a relation of another record (auditlog lists those too)
        or naam in VERBORGEN_VELDEN
        or isinstance(veld, models.FileField)
    ):
        return None
    keuzes = {str(k): str(v) for k, v in (getattr(veld, "flatchoices", None) or [])}
    oud, nieuw = _waarde(veld, str(oud), keuzes), _waarde(veld, str(nieuw), keuzes)
    if oud == nieuw:  # an empty field of a new record
        return None
    return str(getattr(veld, "verbose_name", naam)), oud, nieuw


def _waarde(veld, tekst: str, keuzes: dict[str, str]) -> str:
    if tekst in ("None", ""):
        return LEEG
    if tekst in keuzes:
        return keuzes[tekst]
    try:
        if isinstance(veld, models.DateTimeField):
            moment = datetime.datetime.fromisoformat(tekst)
            if moment.tzinfo is None:  # django-auditlog keeps a moment as naive UTC
                moment = moment.replace(tzinfo=datetime.UTC)
            return formatting.tijdstip(moment)
        if isinstance(veld, models.DateField):
            return formatting.datum(datetime.date.fromisoformat(tekst[:10]))
        if isinstance(veld, models.BooleanField):
            return {"True": "ja", "False": "nee"}.get(tekst, tekst)
    except ValueError:
        return tekst
    return tekst


def groepering_uit(waarde: str):
    """The group whose id a request names, or None when the text is not one (one query)."""
    return Groepering.objects.filter(pk=waarde).first() if waarde.isdigit() else None


def groepsleden(groepering, peildatum: datetime.date) -> list[int]:
    """The ids of the SWVs in a group on the peildatum (one query)."""
    return list(
        Groeperingslid.objects.filter(groepering=groepering)
        .geldig_op(peildatum)
        .values_list("swv_id", flat=True)
    )


def ooit_in_groep(groepering):
    """The ids of the SWVs that were ever in the group, as a subquery: narrows the rows before
    `in_groep_op` looks at each one's date."""
    return Groeperingslid.objects.filter(groepering=groepering).values("swv_id")


def in_groep_op(groepering, datum: str, swv: str = "swv") -> Exists:
    """A filter for rows that each have a date of their own (a teldatum, a period's last day):
    the row's SWV (field `swv`) was in the group on the row's date (field `datum`). A series
    over the years counts every point with the members of that day, as the monitor does."""
    return Exists(
        Groeperingslid.objects.filter(groepering=groepering, swv=OuterRef(swv)).geldig_op(
            OuterRef(datum)
        )
    )


def groepsgrootte(groepering, data, swvs=None) -> dict[datetime.date, int]:
    """How many SWVs (of `swvs`, all when None) were in the group on each date (one query)."""
    leden = Groeperingslid.objects.filter(groepering=groepering)
    if swvs is not None:
        leden = leden.filter(swv__in=swvs)
    perioden = list(leden.values_list("geldig_van", "geldig_tot"))
    return {
        d: sum(1 for van, tot in perioden if van <= d and (tot is None or tot > d)) for d in data
    }
