"""Fault tests that stop a real service in the middle of use: a private Redis (the broker) and a
private PostgreSQL cluster, so the shared servers of other checkouts are never touched."""

import datetime
import os
import time

import pytest
from django.utils import timezone

from accounts.models import Rol
from ondersteuningsplan import controle
from ondersteuningsplan.models import Statuswijziging
from ondersteuningsplan.tasks import controleer_mijlpalen, meld_statuswijziging
from ondersteuningsplan.tests.factories import SwvFactory
from rapporten.models import Rapport, Rapportstatus
from rapporten.tasks import ronde as rapporten_ronde
from tests.diensten import Browser, Portaal, PrivePostgres, PriveRedis, manage
from tests.wachten import DEADLINE_SECONDEN, wacht_tot

pytestmark = [pytest.mark.integratie, pytest.mark.fout]


def zet_broker(url: str):
    """Points this process's Celery app at another broker (Celery reads CELERY_BROKER_URL from
    the environment before its configuration); its connection pools are rebuilt."""
    from passend.celery import app

    os.environ["CELERY_BROKER_URL"] = url
    app._after_fork()


@pytest.fixture
def prive_redis(tmp_path):
    redis = PriveRedis(tmp_path)
    redis.start()
    oud = os.environ["CELERY_BROKER_URL"]
    zet_broker(redis.url)
    yield redis
    zet_broker(oud)
    redis.stop()


def test_redis_away_pages_work_and_work_waits_and_runs_once_when_it_is_back(
    prive_redis, start_celery_worker, smtp_postbus, client_als, maak_gebruiker
):
    swv = SwvFactory(laat_opgericht=True)
    swv.coordinatoren.add(maak_gebruiker(Rol.COORDINATOR, email="coord@swv.example"))
    controle.controleer(datetime.date(2013, 8, 1))
    worker = start_celery_worker(
        CELERY_BROKER_URL=prive_redis.url,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_postbus.poort}",
        MELDING_HERHAAL_SECONDEN="1",
    )
    client = client_als(Rol.ACCOUNTMANAGER)

    prive_redis.stop()
    assert not prive_redis.antwoordt()
    begin = time.monotonic()
    assert client.get("/samenwerkingsverbanden/").status_code == 200
    # The daily check runs in the request's process here; its notifications cannot reach the
    # broker, so they wait in the database (gemeld_op empty) instead of failing the caller.
    te_melden = controleer_mijlpalen("2013-11-01")
    assert te_melden > 0
    assert time.monotonic() - begin < 20
    assert Statuswijziging.objects.filter(gemeld_op__isnull=True).count() == te_melden
    assert client.get(f"/samenwerkingsverbanden/{swv.code}/").status_code == 200
    # A report asked for on its page: the request succeeds, the report waits in the queue table.
    antwoord = client.post(
        "/rapporten/aanvragen/", {"soort": "landelijk", "peildatum": "2014-02-01"}
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    rapport = Rapport.objects.get()
    assert rapport.status == Rapportstatus.WACHTRIJ
    assert smtp_postbus.berichten == []

    prive_redis.start()
    # The next round of the daily check (beat) finds the changes not yet announced and sends
    # them; the worker has reconnected by itself.
    controleer_mijlpalen.delay("2013-11-01").get(timeout=DEADLINE_SECONDEN)
    # Every notification task has ended, so a duplicate would have arrived by now.
    assert wacht_tot(lambda: worker.aantal(meld_statuswijziging.name) == te_melden), (
        worker.logtekst()[-3000:]
    )
    assert len(smtp_postbus.berichten) == te_melden
    assert not Statuswijziging.objects.filter(gemeld_op__isnull=True).exists()

    # The reports' round (beat, every five minutes) sends a report that waited ten minutes.
    Rapport.objects.filter(pk=rapport.pk).update(
        aangevraagd_op=timezone.now() - datetime.timedelta(minutes=11)
    )
    assert rapporten_ronde.delay().get(timeout=DEADLINE_SECONDEN)["wachtend"] == 1

    def klaar():
        rapport.refresh_from_db()
        return rapport.status == Rapportstatus.KLAAR

    assert wacht_tot(klaar), rapport.status
    assert rapport.pogingen == 1
    assert Rapport.objects.count() == 1


@pytest.fixture
def prive_postgres():
    cluster = PrivePostgres()
    cluster.maak()
    yield cluster
    cluster.weg()


def test_postgresql_restart_gives_a_dutch_503_and_recovers_without_a_manual_step(
    prive_postgres, tmp_path
):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE",)} | {
        "PASSEND_OMGEVING": "ci",
        "DATABASE_URL": prive_postgres.url,
        "DB_CONN_MAX_AGE": "60",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage(
        "shell",
        "-c",
        "from accounts.models import Gebruiker; "
        "Gebruiker.objects.create_user('am', password='geheim-wachtwoord-1', rol='accountmanager')",
        env=env,
    )
    portaal = Portaal(env, tmp_path / "gunicorn.log")
    portaal.start()
    try:
        browser = Browser(portaal.url)
        browser.log_in("am", "geheim-wachtwoord-1")
        assert browser.open("/samenwerkingsverbanden/")[0] == 200

        prive_postgres.stop()
        for _ in range(3):
            status, html = browser.open("/samenwerkingsverbanden/")
            assert status == 503
            assert "Tijdelijk niet beschikbaar" in html
            assert "Traceback" not in html and "OperationalError" not in html
        status, tekst = browser.open("/api/v1/samenwerkingsverbanden/")
        assert status == 503 and '"status": 503' in tekst.replace('":503', '": 503')

        prive_postgres.start()
        status, html = browser.open("/samenwerkingsverbanden/")
        assert status == 200, html[:2000]
        assert "Uitloggen" in html  # the session survived: no new login needed
    finally:
        portaal.stop()
