"""Every change to a report goes through here: asking for one, retrying it, publishing it, and
the task's own steps (start, finish, fail). Each step locks the report's row, checks its state
and leaves side effects (tasks) to after the commit."""

import datetime
import io
import logging
import zipfile

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Rol
from passend.dispatch import stuur_na_commit
from rapporten import reproductie
from rapporten.models import (
    LOPEND,
    Batch,
    Herberekening,
    Rapport,
    Rapportstatus,
    Soort,
    sleutel_van,
)
from rapporten.reproductie import inhoudshash
from swv.models import Samenwerkingsverband, Sector
from swv.querysets import Actie

logger = logging.getLogger(__name__)


def mag_aanvragen(gebruiker, soort: str, swv=None) -> bool:
    """Accountmanagers ask for every variant; a coördinator for the reports of the SWVs they
    may change (`for_user` with `Actie.WIJZIGEN`, the one rule)."""
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return False
    if gebruiker.rol == Rol.ACCOUNTMANAGER:
        return True
    if soort != Soort.SWV or swv is None:
        return False
    mag_wijzigen = Samenwerkingsverband.objects.for_user(gebruiker, Actie.WIJZIGEN)
    return mag_wijzigen.filter(pk=swv.pk).exists()


def _taak():
    from rapporten.tasks import maak_rapport

    return maak_rapport


def vraag_aan(
    gebruiker, soort: str, peildatum: datetime.date, sector: str = "", swv=None, groepering=None
) -> Rapport:
    """Queues a report, or returns the one for the same variant and date that is queued or
    running already (the database's partial unique constraint decides, also between two
    requests at the same moment)."""
    if soort not in Soort.values:
        raise ValidationError(
            {"soort": "Kies landelijk, één sector, één groep of één samenwerkingsverband."}
        )
    if soort == Soort.SECTOR and sector not in Sector.values:
        raise ValidationError({"sector": "Kies de sector: po of vo."})
    if soort == Soort.SWV and swv is None:
        raise ValidationError({"swv": "Kies een samenwerkingsverband."})
    if soort == Soort.GROEP and groepering is None:
        raise ValidationError({"groepering": "Kies een groep van samenwerkingsverbanden."})
    if not mag_aanvragen(gebruiker, soort, swv):
        raise PermissionDenied("U mag dit rapport niet aanvragen.")
    sector = sector if soort == Soort.SECTOR else ""
    swv = swv if soort == Soort.SWV else None
    groepering = groepering if soort == Soort.GROEP else None
    return _nieuw_of_lopend(
        gebruiker,
        soort=soort,
        peildatum=peildatum,
        sector=sector,
        swv=swv,
        groepering=groepering,
        sleutel=sleutel_van(
            soort, peildatum, sector, swv.code if swv else "", groepering and groepering.pk
        ),
    )


def _nieuw_of_lopend(gebruiker, batch=None, **velden) -> Rapport:
    for _ in range(3):
        bestaand = Rapport.objects.filter(sleutel=velden["sleutel"], status__in=LOPEND).first()
        if bestaand:
            return bestaand
        try:
            with transaction.atomic():
                rapport = Rapport.objects.create(aangevraagd_door=gebruiker, batch=batch, **velden)
        except IntegrityError:
            continue  # someone else queued the same report a moment ago: take theirs
        stuur_na_commit(_taak(), rapport.pk)
        return rapport
    raise RuntimeError(f"Rapport {velden['sleutel']} kon niet worden aangemaakt")


def opnieuw(gebruiker, rapport: Rapport) -> Rapport:
    """Queues a failed report again. Returns the report that will run (another one when the
    same variant was asked for again in the meantime)."""
    if not (
        gebruiker.rol == Rol.ACCOUNTMANAGER or mag_aanvragen(gebruiker, rapport.soort, rapport.swv)
    ):
        raise PermissionDenied("U mag dit rapport niet opnieuw laten maken.")
    try:
        with transaction.atomic():
            r = Rapport.objects.select_for_update().get(pk=rapport.pk)
            if r.status != Rapportstatus.MISLUKT:
                raise ValidationError("Alleen een mislukt rapport kan opnieuw worden gemaakt.")
            r.status, r.fout = Rapportstatus.WACHTRIJ, ""
            r.save(update_fields=["status", "fout"])
    except IntegrityError:
        return Rapport.objects.get(sleutel=rapport.sleutel, status__in=LOPEND)
    stuur_na_commit(_taak(), r.pk)
    return r


def publiceer(gebruiker, rapport: Rapport) -> Rapport:
    """Freezes a national report: from now on its PDF and its numbers never change."""
    if gebruiker.rol != Rol.ACCOUNTMANAGER:
        raise PermissionDenied("Alleen een accountmanager publiceert een rapport.")
    try:
        with transaction.atomic():
            r = Rapport.objects.select_for_update().get(pk=rapport.pk)
            if r.soort != Soort.LANDELIJK:
                raise ValidationError("Alleen een landelijk rapport wordt gepubliceerd.")
            if r.status != Rapportstatus.KLAAR:
                raise ValidationError("Een rapport kan pas worden gepubliceerd als het klaar is.")
            if r.gepubliceerd:
                raise ValidationError("Dit rapport is al gepubliceerd.")
            r.gepubliceerd_op, r.gepubliceerd_door = timezone.now(), gebruiker
            r.save(update_fields=["gepubliceerd_op", "gepubliceerd_door"])
    except IntegrityError:
        raise ValidationError(
            f"Voor {rapport.peildatum:%d-%m-%Y} is al een landelijk rapport gepubliceerd."
        ) from None
    logger.info("Rapport %s gepubliceerd door %s", r.pk, gebruiker.username)
    return r


def vraag_batch_aan(gebruiker, peildatum: datetime.date) -> Batch:
    """Every SWV's report for one peildatum: one task per SWV, and a ZIP once all are done.
    A batch for the same peildatum that is still running is returned instead of a second."""
    if gebruiker.rol != Rol.ACCOUNTMANAGER:
        raise PermissionDenied("Alleen een accountmanager vraagt alle rapporten tegelijk aan.")
    bestaand = Batch.objects.filter(peildatum=peildatum, zip="").first()
    if bestaand:
        return bestaand
    # One transaction: the tasks go out after every report of the batch exists, so none can
    # find the batch complete (and pack a ZIP) while reports are still being added.
    with transaction.atomic():
        try:
            with transaction.atomic():
                batch = Batch.objects.create(peildatum=peildatum, aangevraagd_door=gebruiker)
        except IntegrityError:
            return Batch.objects.get(peildatum=peildatum, zip="")
        for swv in Samenwerkingsverband.objects.order_by("code"):
            sleutel = sleutel_van(Soort.SWV, peildatum, "", swv.code)
            lopend = Rapport.objects.filter(sleutel=sleutel, status__in=LOPEND, batch=None)
            if lopend.update(batch=batch):
                continue
            _nieuw_of_lopend(
                gebruiker, batch, soort=Soort.SWV, peildatum=peildatum, swv=swv, sleutel=sleutel
            )
    return batch


# The task's steps. `poging` is the attempt number the task got when it started: a task that
# lost its report to the sweep (its worker was presumed dead) cannot finish it any more.


def start(rapport_id: int) -> int | None:
    """Takes a queued report; None when it is done, failed or running elsewhere."""
    with transaction.atomic():
        r = Rapport.objects.select_for_update().get(pk=rapport_id)
        if r.status != Rapportstatus.WACHTRIJ:
            return None
        r.status, r.gestart_op = Rapportstatus.BEZIG, timezone.now()
        r.pogingen += 1
        r.save(update_fields=["status", "gestart_op", "pogingen"])
        return r.pogingen


def voltooi(rapport_id: int, poging: int, pdf: bytes, paginas: int, cijfers: dict) -> bool:
    with transaction.atomic():
        r = Rapport.objects.select_for_update().get(pk=rapport_id)
        if r.status != Rapportstatus.BEZIG or r.pogingen != poging:
            return False
        r.pdf.save(r.bestandsnaam(), ContentFile(pdf), save=False)
        r.status, r.klaar_op = Rapportstatus.KLAAR, timezone.now()
        r.paginas, r.cijfers = paginas, cijfers
        r.inhoudshash = inhoudshash(cijfers)
        r.save()
        _batch_verder(r)
        return True


def geef_terug(rapport_id: int, poging: int) -> None:
    """Puts a running report back in the queue after passing trouble (the database went away),
    so that the task's retry can take it again."""
    with transaction.atomic():
        r = Rapport.objects.select_for_update().get(pk=rapport_id)
        if r.status != Rapportstatus.BEZIG or r.pogingen != poging:
            return
        r.status = Rapportstatus.WACHTRIJ
        r.save(update_fields=["status"])


def mislukt(rapport_id: int, poging: int, melding: str) -> None:
    with transaction.atomic():
        r = Rapport.objects.select_for_update().get(pk=rapport_id)
        if r.status != Rapportstatus.BEZIG or r.pogingen != poging:
            return
        r.status, r.fout = Rapportstatus.MISLUKT, melding
        r.save(update_fields=["status", "fout"])


def _batch_verder(rapport: Rapport):
    if (
        rapport.batch_id
        and not rapport.batch.rapporten.exclude(status=Rapportstatus.KLAAR).exists()
    ):
        from rapporten.tasks import maak_zip

        stuur_na_commit(maak_zip, rapport.batch_id)


def maak_zip(batch_id: int) -> bool:
    """Packs the batch's PDFs once every report is done; False when not yet, or done already."""
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch_id)
        if batch.zip:
            return False
        rapporten = list(batch.rapporten.select_related("swv").order_by("swv__code"))
        if not rapporten or any(r.status != Rapportstatus.KLAAR for r in rapporten):
            return False
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for r in rapporten:
                with r.pdf.open("rb") as f:
                    z.writestr(r.bestandsnaam(), f.read())
        batch.zip.save(
            f"voortgangsrapportages-{batch.peildatum.isoformat()}.zip",
            ContentFile(buffer.getvalue()),
            save=False,
        )
        batch.zip_klaar_op = timezone.now()
        batch.save()
        return True


def ronde() -> dict:
    """The periodic sweep: sends reports again that never reached a worker (broker down),
    queues again those whose worker died (running longer than the lease), and packs batches
    whose ZIP was never made."""
    from rapporten.tasks import maak_rapport
    from rapporten.tasks import maak_zip as zip_taak

    nu = timezone.now()
    verlopen = nu - datetime.timedelta(seconds=settings.RAPPORT_LEASE_SECONDEN)
    vergeten = nu - datetime.timedelta(minutes=10)
    opnieuw_gestart = []
    with transaction.atomic():
        for r in Rapport.objects.select_for_update(skip_locked=True).filter(
            status=Rapportstatus.BEZIG, gestart_op__lt=verlopen
        ):
            r.status = Rapportstatus.WACHTRIJ
            r.save(update_fields=["status"])
            logger.warning(
                "Rapport %s liep te lang (poging %s); opnieuw in de wachtrij", r.pk, r.pogingen
            )
            opnieuw_gestart.append(r.pk)
        wachtend = list(
            Rapport.objects.filter(status=Rapportstatus.WACHTRIJ, aangevraagd_op__lt=vergeten)
            .exclude(pk__in=opnieuw_gestart)
            .values_list("pk", flat=True)
        )
        for pk in [*opnieuw_gestart, *wachtend]:
            stuur_na_commit(maak_rapport, pk)
        batches = list(
            Batch.objects.filter(zip="")
            .exclude(rapporten__status__in=[*LOPEND, Rapportstatus.MISLUKT])
            .values_list("pk", flat=True)
        )
        for pk in batches:
            stuur_na_commit(zip_taak, pk)
    return {"opnieuw": len(opnieuw_gestart), "wachtend": len(wachtend), "zips": len(batches)}


#: How many differing figures a recomputation keeps; the count is always whole.
MAX_VERSCHILLEN = 500


def herbereken(rapport_id: int) -> Herberekening | None:
    """Computes a finished report's numbers again and keeps the outcome (ADR 0087); None for a
    report that is not finished."""
    rapport = (
        Rapport.objects.select_related("swv", "groepering")
        .filter(pk=rapport_id, status=Rapportstatus.KLAAR, cijfers__isnull=False)
        .first()
    )
    if rapport is None:
        return None
    uitkomst = reproductie.herbereken(rapport)
    return Herberekening.objects.create(
        rapport=rapport,
        inhoudshash=uitkomst.hash_nu,
        schema=uitkomst.schema_nu,
        aantal=len(uitkomst.verschillen),
        verschillen=[
            {"pad": v.pad, "toen": v.toen, "nu": v.nu}
            for v in uitkomst.verschillen[:MAX_VERSCHILLEN]
        ],
    )


def vraag_herberekening(gebruiker, rapport: Rapport) -> None:
    """Queues the recomputation of a finished report, for the accountmanager."""
    if gebruiker.rol != Rol.ACCOUNTMANAGER:
        raise PermissionDenied("Alleen een accountmanager laat een rapport herberekenen.")
    if rapport.status != Rapportstatus.KLAAR:
        raise ValidationError("Alleen een rapport dat klaar is, kan worden herberekend.")
    from rapporten.tasks import herbereken as taak

    stuur_na_commit(taak, rapport.pk)


def herbereken_gepubliceerd() -> int:
    """Recomputes every published report: the daily check for errata."""
    ids = list(Rapport.objects.gepubliceerd().values_list("pk", flat=True))
    for pk in ids:
        herbereken(pk)
    return len(ids)
