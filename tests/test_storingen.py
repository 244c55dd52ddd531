"""Fault tests against the real services: the portal recovers without a manual step and loses
nothing."""

import datetime
import time

import pytest

from accounts.models import Rol
from ondersteuningsplan import controle
from ondersteuningsplan.models import Statuswijziging
from ondersteuningsplan.tasks import controleer_mijlpalen
from ondersteuningsplan.tests.factories import SwvFactory
from tests.fixtures import SmtpPostbus, vrije_poort

pytestmark = pytest.mark.integratie


def test_a_failing_mail_server_delays_the_notification_but_loses_none_and_doubles_none(
    start_celery_worker, maak_gebruiker
):
    swv = SwvFactory(laat_opgericht=True)
    swv.coordinatoren.add(maak_gebruiker(Rol.COORDINATOR, email="coord@swv.example"))
    controle.controleer(datetime.date(2013, 8, 1))
    poort = vrije_poort()
    start_celery_worker(EMAIL_URL=f"smtp://127.0.0.1:{poort}", MELDING_HERHAAL_SECONDEN="1")

    controleer_mijlpalen.delay("2013-11-01").get(timeout=60)
    wijzigingen = Statuswijziging.objects.count()
    time.sleep(2.5)  # the mail server is down: the first attempts fail and are retried
    assert wijzigingen > 0
    assert Statuswijziging.objects.filter(gemeld_op__isnull=True).count() == wijzigingen

    postbus = SmtpPostbus(poort)
    postbus.controller.start()
    try:
        postbus.wacht_op(wijzigingen, seconden=30)
        time.sleep(3)  # time for a duplicate to show up, if there were one
        assert len(postbus.berichten) == wijzigingen
        assert not Statuswijziging.objects.filter(gemeld_op__isnull=True).exists()
    finally:
        postbus.controller.stop()
