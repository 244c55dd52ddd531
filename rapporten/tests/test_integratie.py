"""With a real Celery worker on Redis and the test database: a report asked for twice renders
once, and a worker killed before it could store its PDF leaves a report that completes exactly
once after a restart.

The tests wait for positive signals (a state in the database, a line in the worker's log, a
process that blocks on a row this test holds), each with a generous deadline; none sleeps."""

import io
import zipfile

import pytest
from django.db import connection, transaction

from rapporten import services
from rapporten.models import Rapport, Rapportstatus
from rapporten.tasks import maak_rapport
from rapporten.tests.factories import PEILDATUM, monitorland
from tests.wachten import wacht_tot

pytestmark = [pytest.mark.integratie, pytest.mark.django_db(transaction=True)]


def wacht_op(rapport, *statussen) -> Rapport:
    def in_status():
        rapport.refresh_from_db()
        return rapport.status in statussen

    assert wacht_tot(in_status), f"Rapport {rapport.pk} bleef {rapport.status}"
    return rapport


def bestanden(rapport, settings) -> list:
    map_ = settings.MEDIA_ROOT / "rapporten" / str(rapport.pk)
    return sorted(map_.iterdir()) if map_.exists() else []


def wachtenden_op_mij() -> list[int]:
    """The database sessions that wait for a lock this test's session holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_locks WHERE NOT granted "
            "AND pg_backend_pid() = ANY(pg_blocking_pids(pid))"
        )
        return [pid for (pid,) in cursor.fetchall()]


def bestaat_sessie(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()[0] > 0


def test_a_report_requested_twice_renders_once(start_celery_worker, maak_gebruiker, settings):
    monitorland()
    accountmanager = maak_gebruiker("accountmanager")
    worker = start_celery_worker()

    eerste = services.vraag_aan(accountmanager, "landelijk", PEILDATUM)
    tweede = services.vraag_aan(accountmanager, "landelijk", PEILDATUM)
    maak_rapport.delay(eerste.pk)  # the same message once more, as a redelivery would bring it

    assert tweede.pk == eerste.pk
    rapport = wacht_op(eerste, Rapportstatus.KLAAR)
    # The extra message has reached the worker too, and was skipped.
    assert wacht_tot(lambda: "'overgeslagen'" in worker.logtekst()), worker.logtekst()[-3000:]
    rapport.refresh_from_db()
    assert Rapport.objects.count() == 1
    assert rapport.pogingen == 1
    assert len(bestanden(rapport, settings)) == 1
    log = worker.logtekst()
    assert log.count("'klaar'") == 1
    assert log.count("'overgeslagen'") == 1


def test_a_worker_killed_before_it_stores_its_pdf_completes_the_report_once_after_restart(
    start_celery_worker, maak_gebruiker, settings
):
    monitorland()
    accountmanager = maak_gebruiker("accountmanager")
    eerste = start_celery_worker()
    rapport = services.vraag_aan(accountmanager, "landelijk", PEILDATUM)
    wacht_op(rapport, Rapportstatus.BEZIG, Rapportstatus.KLAAR)

    with transaction.atomic():
        # Holding the report's row: the worker renders, then waits here to store its PDF.
        vast = Rapport.objects.select_for_update().get(pk=rapport.pk)
        assert vast.status == Rapportstatus.BEZIG, "the render finished before the lock"
        wachtend = wacht_tot(wachtenden_op_mij)
        assert wachtend, eerste.logtekst()[-3000:]
        eerste.stop("kill")  # SIGKILL while it waits to store the PDF
    # Its database session goes once it finds its client gone; then the row is free.
    assert wacht_tot(lambda: not any(bestaat_sessie(pid) for pid in wachtend))
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.BEZIG and rapport.pogingen == 1
    assert not bestanden(rapport, settings)

    nieuw = start_celery_worker()
    settings.RAPPORT_LEASE_SECONDEN = 0  # the dead worker's lease has run out
    assert services.ronde()["opnieuw"] == 1
    rapport = wacht_op(rapport, Rapportstatus.KLAAR)

    assert rapport.pogingen == 2
    assert len(bestanden(rapport, settings)) == 1
    assert Rapport.objects.count() == 1
    # The next sweep finds nothing to do, and the old message, should it come back, is skipped.
    assert services.ronde() == {"opnieuw": 0, "wachtend": 0, "zips": 0}
    maak_rapport.delay(rapport.pk)
    assert wacht_tot(lambda: "'overgeslagen'" in nieuw.logtekst()), nieuw.logtekst()[-3000:]
    rapport.refresh_from_db()
    assert rapport.pogingen == 2 and rapport.status == Rapportstatus.KLAAR
    assert nieuw.logtekst().count("'klaar'") == 1


def test_a_lost_database_connection_is_retried_and_the_report_is_made_once(
    start_celery_worker, maak_gebruiker, settings
):
    """PostgreSQL ends the worker's session (as a restart or a failover does) while it waits
    to store the PDF: the task gives the attempt back and its retry makes the report."""
    monitorland()
    accountmanager = maak_gebruiker("accountmanager")
    worker = start_celery_worker()
    rapport = services.vraag_aan(accountmanager, "landelijk", PEILDATUM)
    wacht_op(rapport, Rapportstatus.BEZIG, Rapportstatus.KLAAR)

    with transaction.atomic():
        vast = Rapport.objects.select_for_update().get(pk=rapport.pk)
        assert vast.status == Rapportstatus.BEZIG, "the render finished before the lock"
        wachtend = wacht_tot(wachtenden_op_mij)
        assert wachtend, worker.logtekst()[-3000:]
        with connection.cursor() as cursor:
            for pid in wachtend:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])

    rapport = wacht_op(rapport, Rapportstatus.KLAAR, Rapportstatus.MISLUKT)
    log = worker.logtekst()
    assert rapport.status == Rapportstatus.KLAAR, rapport.fout
    assert rapport.pogingen == 2
    assert len(bestanden(rapport, settings)) == 1
    assert "Retry in" in log and "OperationalError" in log, log[-3000:]
    assert log.count("'klaar'") == 1


def test_a_batch_on_a_real_worker_zips_every_report(start_celery_worker, maak_gebruiker):
    """The worker may finish the first report before the request has queued the last: the
    ZIP must still hold them all."""
    monitorland()
    accountmanager = maak_gebruiker("accountmanager")
    start_celery_worker()
    batch = services.vraag_batch_aan(accountmanager, PEILDATUM)

    def met_zip():
        batch.refresh_from_db()
        return bool(batch.zip)

    assert wacht_tot(met_zip), "de ZIP kwam er niet"
    with batch.zip.open("rb") as f:
        assert len(zipfile.ZipFile(io.BytesIO(f.read())).namelist()) == 6
