"""The daily check records each change of status once and mails it once."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection

from accounts.models import Rol
from ondersteuningsplan import controle
from ondersteuningsplan.models import Mijlpaalstatus, Status, Statuswijziging
from ondersteuningsplan.tasks import controleer_mijlpalen
from ondersteuningsplan.tests.factories import SwvFactory

D = datetime.date


@pytest.fixture
def swv(maak_gebruiker):
    swv = SwvFactory(
        laat_opgericht=True,
        accountmanager=maak_gebruiker(Rol.ACCOUNTMANAGER, email="am@ocw.example"),
    )
    swv.coordinatoren.add(maak_gebruiker(Rol.COORDINATOR, email="coord@swv.example"))
    maak_gebruiker(Rol.COORDINATOR, email="ander@swv.example")
    return swv


def rechtspersoon(swv):
    return Mijlpaalstatus.objects.get(swv=swv, mijlpaal__code="rechtspersoon")


@pytest.mark.django_db
def test_the_first_run_stores_statuses_and_announces_nothing(swv):
    assert controle.controleer(D(2013, 8, 1)) == []
    assert rechtspersoon(swv).status == Status.OPEN
    assert not Statuswijziging.objects.exists()


@pytest.mark.django_db
def test_a_change_is_recorded_once_and_mailed_once_to_coordinator_and_accountmanager(swv):
    controle.controleer(D(2013, 8, 1))

    eerste = controle.controleer(D(2013, 11, 1))
    tweede = controle.controleer(D(2013, 11, 1))

    [wijziging] = Statuswijziging.objects.filter(mijlpaal__code="rechtspersoon")
    assert wijziging.pk in eerste and tweede == []
    assert (wijziging.van, wijziging.naar) == (Status.OPEN, Status.GEMIST)
    assert controle.meld(wijziging.pk) is True
    assert controle.meld(wijziging.pk) is False
    [bericht] = mail.outbox
    assert sorted(bericht.to) == ["am@ocw.example", "coord@swv.example"]
    assert (
        bericht.subject
        == f'{swv.weergavecode}: mijlpaal "Samenwerkingsverband is rechtspersoon" is nu gemist'
    )
    assert "Bekijk in het portaal wat er nog ontbreekt" in bericht.body

    controle.controleer(D(2013, 11, 20))
    assert rechtspersoon(swv).status == Status.TE_LAAT
    assert (
        Statuswijziging.objects.filter(mijlpaal__code="rechtspersoon").latest("datum").naar
        == Status.TE_LAAT
    )


@pytest.mark.django_db
def test_the_task_queues_every_change_not_yet_announced(swv, django_capture_on_commit_callbacks):
    controle.controleer(D(2013, 8, 1))

    with django_capture_on_commit_callbacks(execute=True):
        aantal = controleer_mijlpalen("2013-11-01")

    assert aantal == Statuswijziging.objects.count() > 0
    assert len(mail.outbox) == aantal
    with django_capture_on_commit_callbacks(execute=True):
        assert controleer_mijlpalen("2013-11-01") == 0
    assert len(mail.outbox) == aantal


@pytest.mark.django_db(transaction=True)
def test_two_checks_at_once_record_each_change_once(swv):
    controle.controleer(D(2013, 8, 1))
    start = threading.Barrier(2)
    resultaten, fouten = [], []

    def draai():
        try:
            start.wait()
            resultaten.append(controle.controleer(D(2013, 11, 1)))
        except Exception as exc:  # collected for the assertion below
            fouten.append(exc)
        finally:
            connection.close()

    draden = [threading.Thread(target=draai) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()

    assert fouten == []
    assert sorted(len(r) for r in resultaten)[0] == 0
    assert Statuswijziging.objects.count() == max(len(r) for r in resultaten) > 0


@pytest.mark.integratie
def test_a_real_worker_runs_the_daily_check_and_sends_one_mail_per_change(
    celery_worker, smtp_postbus, swv
):
    controle.controleer(D(2013, 8, 1))

    controleer_mijlpalen.delay("2013-11-01").get(timeout=60)
    wijzigingen = Statuswijziging.objects.count()
    berichten = smtp_postbus.wacht_op(wijzigingen)

    assert wijzigingen > 0
    assert len(berichten) == wijzigingen
    assert all(
        sorted(b["To"].split(", ")) == ["am@ocw.example", "coord@swv.example"] for b in berichten
    )
    assert not Statuswijziging.objects.filter(gemeld_op__isnull=True).exists()

    controleer_mijlpalen.delay("2013-11-01").get(timeout=60)
    smtp_postbus.wacht_op(wijzigingen + 1, seconden=3)
    assert len(smtp_postbus.berichten) == wijzigingen


@pytest.mark.django_db
def test_an_op_cycle_is_announced_once_when_missed_and_once_when_its_plan_comes_late(swv):
    from ondersteuningsplan.tests.test_mijlpalen import vastgesteld

    vastgesteld(swv, D(2014, 1, 26), D(2014, 8, 1))
    vastgesteld(swv, D(2018, 1, 20), D(2018, 8, 1))
    vastgesteld(swv, D(2022, 1, 20), D(2022, 8, 1))
    controle.controleer(D(2025, 12, 1))
    controle.controleer(D(2026, 1, 20))
    controle.controleer(D(2026, 2, 1))
    [gemist] = Statuswijziging.objects.filter(mijlpaal__code="nieuw-op")
    assert (gemist.van, gemist.naar, gemist.cyclus) == (Status.RISICO, Status.GEMIST, "2022-2026")

    vastgesteld(swv, D(2026, 11, 20), D(2026, 8, 1))
    controle.controleer(D(2026, 12, 6))
    controle.controleer(D(2026, 12, 7))
    laat = Statuswijziging.objects.filter(mijlpaal__code="nieuw-op").exclude(pk=gemist.pk)
    assert [(w.van, w.naar, w.cyclus) for w in laat] == [
        (Status.GEMIST, Status.TE_LAAT, "2022-2026")
    ]
    status = Mijlpaalstatus.objects.get(swv=swv, mijlpaal__code="nieuw-op")
    assert (status.status, status.cyclus) == (Status.OPEN, 5)
    assert controle.meld(laat[0].pk) is True
    assert mail.outbox[-1].subject == (
        f'{swv.weergavecode}: mijlpaal "Nieuw ondersteuningsplan", OP-cyclus 2022-2026, '
        "is nu te laat behaald"
    )
