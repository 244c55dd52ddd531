"""Imports from the browser: upload, a dry run that is rolled back, then the import itself in
one transaction or not at all. The dry run and the import run in a Celery task (files of
thousands of lines); every step locks the job's row and checks its state, so a task delivered
twice does its work once.

The import functions are the same ones the management commands call; here a file with any
wrong line (`Importverslag.fouten`) is refused as a whole.
"""

import csv
import datetime
import hashlib
import io
import logging
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.audit import namens
from accounts.models import Rol
from passend.dispatch import stuur_na_commit
from swv.models import Importopdracht, Importsoort, Importstatus
from swv.services import besturen, leerlingtellingen, regio, scholen
from swv.services.csv_import import ImportGeweigerd, Importverslag

logger = logging.getLogger(__name__)

#: Per kind of file: its required columns and its delimiter, as the publisher writes them.
KOPPEN = {
    Importsoort.REGIO: (regio.KOLOMMEN, ","),
    Importsoort.VESTIGINGEN: (scholen.KOLOMMEN, ";"),
    Importsoort.BESTUREN: (besturen.KOLOMMEN, ";"),
    Importsoort.LEERLINGTELLINGEN: (leerlingtellingen.KOLOMMEN, ","),
}

EXTENSIES = (".csv", ".txt")


def _importeer(opdracht: Importopdracht, pad: Path) -> Importverslag:
    match opdracht.soort:
        case Importsoort.REGIO:
            return regio.importeer_regio_indeling(pad, opdracht.geldig_van)
        case Importsoort.VESTIGINGEN:
            return scholen.importeer_vestigingen(pad, opdracht.schoolsoort)
        case Importsoort.BESTUREN:
            return besturen.importeer_besturen(pad)
        case Importsoort.LEERLINGTELLINGEN:
            return leerlingtellingen.importeer_leerlingtellingen(pad)
    raise ImportGeweigerd(f"Onbekende soort bestand: {opdracht.soort}.")


def controleer_bestand(soort: str, naam: str, inhoud: bytes) -> None:
    """An upload must be a CSV text file of the chosen kind, within the size limit: checked on
    its bytes, not on the name or type the browser sends."""
    if not naam.lower().endswith(EXTENSIES):
        raise ValidationError("Kies een CSV-bestand (.csv of .txt).")
    if not inhoud.strip():
        raise ValidationError("Het bestand is leeg.")
    if len(inhoud) > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            f"Het bestand is groter dan {settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB."
        )
    if b"\x00" in inhoud[:4096]:
        raise ValidationError("Het bestand is geen tekstbestand (CSV).")
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")
    vereist, scheidingsteken = KOPPEN[soort]
    eerste = tekst.splitlines()[0] if tekst.splitlines() else ""
    kop = {k.strip().lower() for k in next(csv.reader([eerste], delimiter=scheidingsteken), [])}
    ontbrekend = sorted(vereist - kop)
    if ontbrekend:
        raise ValidationError(
            f"Dit is geen bestand van de gekozen soort: de kolommen {', '.join(ontbrekend)} "
            f"ontbreken in de eerste regel (scheidingsteken '{scheidingsteken}')."
        )


def maak_opdracht(
    gebruiker,
    soort: str,
    naam: str,
    inhoud: bytes,
    geldig_van: datetime.date | None = None,
    schoolsoort: str = "",
) -> Importopdracht:
    """Stores the upload and queues its dry run."""
    if not gebruiker.heeft_rol(Rol.BEHEERDER):
        raise PermissionDenied("Alleen de beheerder importeert referentiegegevens.")
    controleer_bestand(soort, naam, inhoud)
    sha256 = hashlib.sha256(inhoud).hexdigest()
    opdracht = Importopdracht(
        soort=soort,
        naam=naam[:200],
        grootte=len(inhoud),
        sha256=sha256,
        geupload_door=gebruiker,
        verstuurd_op=timezone.now(),
    )
    if geldig_van:
        opdracht.geldig_van = geldig_van
    if schoolsoort:
        opdracht.schoolsoort = schoolsoort
    with transaction.atomic():
        opdracht.bestand.save(f"{sha256}.csv", ContentFile(inhoud), save=False)
        opdracht.save()
        stuur_na_commit(_taak("proefimport"), opdracht.pk)
    return opdracht


def pas_toe(gebruiker, opdracht: Importopdracht) -> Importopdracht:
    """Queues the import of a file whose dry run found no wrong line."""
    if not gebruiker.heeft_rol(Rol.BEHEERDER):
        raise PermissionDenied("Alleen de beheerder importeert referentiegegevens.")
    with transaction.atomic():
        o = Importopdracht.objects.select_for_update().get(pk=opdracht.pk)
        if o.status != Importstatus.PROEF_KLAAR:
            raise ValidationError(
                "Alleen een bestand met een afgeronde proefimport kan worden ingelezen."
            )
        if (o.proefverslag or {}).get("fouten"):
            raise ValidationError(
                "De proefimport vond regels die niet kloppen; verbeter het bestand en upload het opnieuw."
            )
        o.status, o.toegepast_door, o.verstuurd_op = (
            Importstatus.WACHTRIJ,
            gebruiker,
            timezone.now(),
        )
        o.save(update_fields=["status", "toegepast_door", "verstuurd_op"])
        stuur_na_commit(_taak("importeer"), o.pk)
    return o


def _taak(naam: str):
    from swv import tasks

    return getattr(tasks, naam)


class _Terugdraaien(Exception):
    def __init__(self, verslag: Importverslag):
        self.verslag = verslag


def _neem(opdracht_id: int, van: str, naar: str) -> Importopdracht | None:
    with transaction.atomic():
        o = Importopdracht.objects.select_for_update().get(pk=opdracht_id)
        if o.status != van:
            return None
        o.status, o.gestart_op = naar, timezone.now()
        o.save(update_fields=["status", "gestart_op"])
        return o


def _sluit(opdracht_id: int, van: str, status: str, **velden) -> None:
    with transaction.atomic():
        o = Importopdracht.objects.select_for_update().get(pk=opdracht_id)
        if o.status != van:
            return
        o.status, o.klaar_op = status, timezone.now()
        for veld, waarde in velden.items():
            setattr(o, veld, waarde)
        o.save()


def voer_proef_uit(opdracht_id: int) -> str:
    """The dry run: the import in a transaction that is always rolled back; its report says
    what the file would add, change and end."""
    o = _neem(opdracht_id, Importstatus.PROEF_WACHTRIJ, Importstatus.PROEF_BEZIG)
    if o is None:
        return "overgeslagen"
    try:
        with transaction.atomic():
            raise _Terugdraaien(_importeer(o, Path(o.bestand.path)))
    except _Terugdraaien as terug:
        _sluit(
            opdracht_id,
            Importstatus.PROEF_BEZIG,
            Importstatus.PROEF_KLAAR,
            proefverslag=terug.verslag.als_dict(),
        )
        return Importstatus.PROEF_KLAAR
    except ImportGeweigerd as fout:
        _sluit(opdracht_id, Importstatus.PROEF_BEZIG, Importstatus.GEWEIGERD, fout=str(fout))
        return Importstatus.GEWEIGERD


def voer_import_uit(opdracht_id: int) -> str:
    """The import: the data and the job's status 'toegepast' commit together, or neither."""
    if _neem(opdracht_id, Importstatus.WACHTRIJ, Importstatus.BEZIG) is None:
        return "overgeslagen"
    try:
        with transaction.atomic():
            o = Importopdracht.objects.select_for_update().get(pk=opdracht_id)
            if o.status != Importstatus.BEZIG:
                return "overgeslagen"
            with namens(o.toegepast_door):
                verslag = _importeer(o, Path(o.bestand.path))
            if verslag.fouten:
                raise _Terugdraaien(verslag)
            o.status, o.klaar_op, o.verslag = (
                Importstatus.TOEGEPAST,
                timezone.now(),
                verslag.als_dict(),
            )
            o.save()
            return Importstatus.TOEGEPAST
    except _Terugdraaien as terug:
        _sluit(
            opdracht_id,
            Importstatus.BEZIG,
            Importstatus.GEWEIGERD,
            verslag=terug.verslag.als_dict(),
            fout="Het bestand heeft regels die niet kloppen; er is niets ingelezen.",
        )
    except ImportGeweigerd as fout:
        _sluit(opdracht_id, Importstatus.BEZIG, Importstatus.GEWEIGERD, fout=str(fout))
    return Importstatus.GEWEIGERD


def mislukt(opdracht_id: int, melding: str) -> None:
    """A task that broke off (time limit, a database error): nothing was imported."""
    with transaction.atomic():
        o = Importopdracht.objects.select_for_update().get(pk=opdracht_id)
        if o.status in (Importstatus.PROEF_BEZIG, Importstatus.BEZIG):
            o.status, o.fout, o.klaar_op = Importstatus.MISLUKT, melding, timezone.now()
            o.save(update_fields=["status", "fout", "klaar_op"])


#: A running step older than this lost its worker: its transaction rolled back, so it can run
#: again. Longer than the tasks' time limit.
LEASE = datetime.timedelta(minutes=15)
#: A queued step older than this never reached a worker (the broker was down).
VERGETEN = datetime.timedelta(minutes=10)


def ronde() -> list[int]:
    """The periodic sweep: queues again the steps whose worker died, and sends again those
    that never reached one. Returns the ids of the jobs sent."""
    nu = timezone.now()
    terug = {
        Importstatus.PROEF_BEZIG: Importstatus.PROEF_WACHTRIJ,
        Importstatus.BEZIG: Importstatus.WACHTRIJ,
    }
    verstuurd = []
    with transaction.atomic():
        for o in Importopdracht.objects.select_for_update(skip_locked=True).filter(
            status__in=terug, gestart_op__lt=nu - LEASE
        ):
            logger.warning("Importopdracht %s liep te lang; opnieuw in de wachtrij", o.pk)
            o.status, o.verstuurd_op = terug[o.status], nu
            o.save(update_fields=["status", "verstuurd_op"])
            verstuurd.append(o.pk)
        for o in Importopdracht.objects.filter(
            status__in=terug.values(), verstuurd_op__lt=nu - VERGETEN
        ).exclude(pk__in=verstuurd):
            o.verstuurd_op = nu
            o.save(update_fields=["verstuurd_op"])
            verstuurd.append(o.pk)
        for o in Importopdracht.objects.filter(pk__in=verstuurd):
            stap = "proefimport" if o.status == Importstatus.PROEF_WACHTRIJ else "importeer"
            stuur_na_commit(_taak(stap), o.pk)
    return verstuurd


# The report, for the page and as a download.

HANDELINGEN = {
    "aangemaakt": "toegevoegd",
    "bijgewerkt": "gewijzigd",
    "beëindigd": "verwijderd",
    "verwijderd": "verwijderd",
    "ongewijzigd": "ongewijzigd",
}


def samenvatting(verslag: dict | None) -> list[dict]:
    """The counts of a report as one row per kind of record: added, changed, removed (ended),
    unchanged."""
    rijen: dict[str, dict] = {}
    for sleutel, aantal in (verslag or {}).get("telling", {}).items():
        wat, _, handeling = sleutel.rpartition(" ")
        kolom = HANDELINGEN.get(handeling)
        if kolom is None:
            wat, kolom = sleutel, "ongewijzigd"
        rij = rijen.setdefault(
            wat or sleutel,
            {
                "wat": wat or sleutel,
                "toegevoegd": 0,
                "gewijzigd": 0,
                "verwijderd": 0,
                "ongewijzigd": 0,
            },
        )
        rij[kolom] += aantal
    return [rijen[k] for k in sorted(rijen)]


def verslag_csv(opdracht: Importopdracht) -> str:
    """The report as CSV that Dutch Excel opens as it is: `;` and UTF-8 with a BOM."""
    verslag = opdracht.laatste_verslag or {}
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    w.writerow(["Bestand", opdracht.naam])
    w.writerow(["Soort", opdracht.get_soort_display()])
    w.writerow(["Status", opdracht.get_status_display()])
    if opdracht.soort == Importsoort.REGIO:
        w.writerow(["Geldig van", f"{opdracht.geldig_van:%d-%m-%Y}"])
    if opdracht.fout:
        w.writerow(["Fout", opdracht.fout])
    w.writerow([])
    w.writerow(["Wat", "Toegevoegd", "Gewijzigd", "Verwijderd of beëindigd", "Ongewijzigd"])
    for rij in samenvatting(verslag):
        w.writerow(
            [rij["wat"], rij["toegevoegd"], rij["gewijzigd"], rij["verwijderd"], rij["ongewijzigd"]]
        )
    w.writerow([])
    fouten = set(verslag.get("fouten", []))
    w.writerow(["Soort melding", "Melding"])
    for melding in verslag.get("meldingen", []):
        w.writerow(["fout" if melding in fouten else "melding", melding])
    return "\ufeff" + uit.getvalue()
