"""With a real Celery worker on Redis and the test database: a report asked for twice renders
once, and a worker killed in the middle of a render leaves a report that completes exactly once
after a restart."""

import time

import pytest

from rapporten import services
from rapporten.models import Rapport, Rapportstatus
from rapporten.tasks import maak_rapport
from rapporten.tests.factories import PEILDATUM, monitorland

pytestmark = [pytest.mark.integratie, pytest.mark.django_db(transaction=True)]


def wacht_op(rapport, *statussen, seconden=90) -> Rapport:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        rapport.refresh_from_db()
        if rapport.status in statussen:
            return rapport
        time.sleep(0.2)
    raise AssertionError(f"Rapport {rapport.pk} bleef {rapport.status}")


def bestanden(rapport, settings) -> list:
    map_ = settings.MEDIA_ROOT / "rapporten" / str(rapport.pk)
    return sorted(map_.iterdir()) if map_.exists() else []


def test_a_report_requested_twice_renders_once(start_celery_worker, maak_gebruiker, settings):
    monitorland()
    accountmanager = maak_gebruiker("accountmanager")
    worker = start_celery_worker(RAPPORT_VERTRAGING_SECONDEN="2")

    eerste = services.vraag_aan(accountmanager, "landelijk", PEILDATUM)
    tweede = services.vraag_aan(accountmanager, "landelijk", PEILDATUM)
    maak_rapport.delay(eerste.pk)  # the same message once more, as a redelivery would bring it

    assert tweede.pk == eerste.pk
    rapport = wacht_op(eerste, Rapportstatus.KLAAR)
    time.sleep(1)  # let the extra message reach the worker too
    assert Rapport.objects.count() == 1
    assert rapport.pogingen == 1
    assert len(bestanden(rapport, settings)) == 1
    log = worker.logtekst()
    assert log.count("'klaar'") == 1
    assert log.count("'overgeslagen'") == 1


def test_a_worker_killed_mid_render_completes_the_report_exactly_once_after_restart(
    start_celery_worker, maak_gebruiker, settings
):
    monitorland()
    accountmanager = maak_gebruiker("accountmanager")
    traag = start_celery_worker(RAPPORT_VERTRAGING_SECONDEN="60")
    rapport = services.vraag_aan(accountmanager, "landelijk", PEILDATUM)
    wacht_op(rapport, Rapportstatus.BEZIG)

    traag.stop("kill")  # SIGKILL in the middle of the render
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
    time.sleep(2)
    rapport.refresh_from_db()
    assert rapport.pogingen == 2 and rapport.status == Rapportstatus.KLAAR
    assert nieuw.logtekst().count("'klaar'") == 1


def test_a_batch_on_a_real_worker_zips_every_report(start_celery_worker, maak_gebruiker):
    """The worker may finish the first report before the request has queued the last: the
    ZIP must still hold them all."""
    import io
    import zipfile

    monitorland()
    accountmanager = maak_gebruiker("accountmanager")
    start_celery_worker()
    batch = services.vraag_batch_aan(accountmanager, PEILDATUM)
    einde = time.monotonic() + 90
    while not batch.zip and time.monotonic() < einde:
        time.sleep(0.3)
        batch.refresh_from_db()
    with batch.zip.open("rb") as f:
        assert len(zipfile.ZipFile(io.BytesIO(f.read())).namelist()) == 6
