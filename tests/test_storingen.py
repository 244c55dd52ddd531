"""Fault tests against the real services: the portal recovers without a manual step and loses
nothing."""

import datetime

import pytest

from accounts.models import Rol
from ondersteuningsplan import controle
from ondersteuningsplan.models import Statuswijziging
from ondersteuningsplan.tasks import controleer_mijlpalen, meld_statuswijziging
from ondersteuningsplan.tests.factories import SwvFactory
from tests.fixtures import SmtpPostbus, vrije_poort
from tests.wachten import DEADLINE_SECONDEN, wacht_tot

pytestmark = pytest.mark.integratie
MELD = meld_statuswijziging.name


def test_a_failing_mail_server_delays_the_notification_but_loses_none_and_doubles_none(
    start_celery_worker, maak_gebruiker
):
    swv = SwvFactory(laat_opgericht=True)
    swv.coordinatoren.add(maak_gebruiker(Rol.COORDINATOR, email="coord@swv.example"))
    controle.controleer(datetime.date(2013, 8, 1))
    poort = vrije_poort()
    worker = start_celery_worker(
        EMAIL_URL=f"smtp://127.0.0.1:{poort}", MELDING_HERHAAL_SECONDEN="1"
    )

    controleer_mijlpalen.delay("2013-11-01").get(timeout=DEADLINE_SECONDEN)
    wijzigingen = Statuswijziging.objects.count()
    assert wijzigingen > 0
    # The mail server is down: every notification has failed at least once and waits to retry.
    assert wacht_tot(lambda: worker.aantal(MELD, "retry") >= wijzigingen), worker.logtekst()
    assert worker.aantal(MELD) == 0
    assert Statuswijziging.objects.filter(gemeld_op__isnull=True).count() == wijzigingen

    postbus = SmtpPostbus(poort)
    postbus.controller.start()
    try:
        # Every notification task has ended (none is waiting to retry), so a duplicate would
        # have arrived by now.
        assert wacht_tot(lambda: worker.aantal(MELD) == wijzigingen), worker.logtekst()
        assert len(postbus.berichten) == wijzigingen
        assert not Statuswijziging.objects.filter(gemeld_op__isnull=True).exists()
        # The next daily check finds nothing left to announce.
        assert controleer_mijlpalen.delay("2013-11-01").get(timeout=DEADLINE_SECONDEN) == 0
    finally:
        postbus.controller.stop()
