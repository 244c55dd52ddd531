"""Reminders: before and after the deadline, once per SWV per round, only to who has not
submitted; and through a real Celery worker and a real SMTP server."""

import datetime

import pytest
from django.core import mail

from swv.tests.factories import SamenwerkingsverbandFactory
from toezicht import herinneringen
from toezicht.models import Herinnering
from toezicht.services import registreer_thuiszitters
from toezicht.tasks import herinner
from toezicht.tests.factories import ronde

D = datetime.date


@pytest.fixture
def twee_swvs(maak_gebruiker):
    """Two SWVs with a coördinator each; the round 1 Jan to 28 Feb 2026 is due 15 March."""
    swvs = []
    for letter in "ab":
        coordinator = maak_gebruiker("coordinator", email=f"coord-{letter}@swv.example")
        swv = SamenwerkingsverbandFactory()
        swv.coordinatoren.add(coordinator)
        swvs.append((swv, coordinator))
    return swvs, ronde(D(2026, 1, 1), D(2026, 2, 28))


@pytest.mark.django_db
def test_one_reminder_before_and_one_after_the_deadline_to_who_has_not_submitted(
    twee_swvs, django_capture_on_commit_callbacks
):
    (a, coord_a), (b, _) = twee_swvs[0]
    r = twee_swvs[1]
    registreer_thuiszitters(swv=a, ronde=r, aantallen={}, door=coord_a)

    def draai(dag):
        with django_capture_on_commit_callbacks(execute=True):
            herinner(dag.isoformat())  # eager: the mails go out at once

    for dag in (D(2026, 3, 5), D(2026, 3, 8), D(2026, 3, 9), D(2026, 3, 15)):
        draai(dag)
    assert [m.to for m in mail.outbox] == [["coord-b@swv.example"]]
    assert "uiterlijk 15-03-2026" in mail.outbox[0].subject

    for dag in (D(2026, 3, 16), D(2026, 3, 20)):
        draai(dag)
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.startswith("Te laat")
    assert Herinnering.objects.filter(swv=b).count() == 2
    assert not Herinnering.objects.filter(swv=a).exists()


@pytest.mark.django_db
def test_a_reminder_for_an_swv_that_submitted_meanwhile_is_not_mailed(twee_swvs):
    (a, coord_a), _ = twee_swvs[0]
    r = twee_swvs[1]
    [eerste, _] = herinneringen.maak_herinneringen(D(2026, 3, 10))
    registreer_thuiszitters(swv=a, ronde=r, aantallen={}, door=coord_a)
    assert Herinnering.objects.get(pk=eerste).swv == a
    assert herinneringen.stuur(eerste) is False
    assert mail.outbox == []
    assert herinneringen.stuur(eerste) is False  # done: not even considered again


@pytest.mark.integratie
def test_a_real_worker_mails_each_reminder_once(celery_worker, smtp_postbus, twee_swvs):
    assert herinner.delay("2026-03-10").get(timeout=60) == 2
    berichten = smtp_postbus.wacht_op(2)
    assert sorted(b["To"] for b in berichten) == ["coord-a@swv.example", "coord-b@swv.example"]
    assert all("Herinnering: thuiszitters" in b["Subject"] for b in berichten)

    # The next runs find every reminder of the day sent: nothing is queued, nothing is mailed.
    assert herinner.delay("2026-03-10").get(timeout=60) == 0
    assert herinner.delay("2026-03-11").get(timeout=60) == 0
    assert Herinnering.objects.filter(verstuurd_op__isnull=True).count() == 0
    assert len(smtp_postbus.berichten) == 2


@pytest.mark.django_db
def test_each_accountmanager_gets_one_weekly_digest_of_their_own_portfolio(
    maak_gebruiker, django_capture_on_commit_callbacks, time_machine
):
    """Missing submissions past their deadline and returned ones, of their own SWVs only; once
    a week however often the task runs; no mail when there is nothing to chase."""
    from toezicht.models import Indieningsstatus, Weekoverzicht
    from toezicht.tasks import weekoverzicht

    anna = maak_gebruiker("accountmanager", email="anna@ocw.example", first_name="Anna")
    bram = maak_gebruiker("accountmanager", email="bram@ocw.example")
    maak_gebruiker("accountmanager", email="zonder@ocw.example")  # no portfolio, no digest
    coordinator = maak_gebruiker("coordinator")
    stil, laat, terug = (SamenwerkingsverbandFactory(accountmanager=anna) for _ in range(3))
    elders = SamenwerkingsverbandFactory(accountmanager=bram)
    r = ronde(D(2026, 1, 1), D(2026, 2, 28))  # due 15 March
    registreer_thuiszitters(swv=stil, ronde=r, aantallen={}, door=coordinator)
    registreer_thuiszitters(swv=elders, ronde=r, aantallen={}, door=coordinator)
    teruggestuurd = registreer_thuiszitters(swv=terug, ronde=r, aantallen={}, door=coordinator)
    teruggestuurd.status = Indieningsstatus.TERUGGESTUURD
    teruggestuurd.save(update_fields=["status"])

    def draai(dag):
        time_machine.move_to(datetime.datetime(dag.year, dag.month, dag.day, 8, 0))
        with django_capture_on_commit_callbacks(execute=True):
            weekoverzicht(dag.isoformat())

    draai(D(2026, 3, 16))  # a Monday, the day after the deadline
    draai(D(2026, 3, 18))  # the same week again: nothing new
    assert [m.to for m in mail.outbox] == [["anna@ocw.example"]]
    bericht = mail.outbox[0]
    assert "1 ontbrekende inzending, 1 teruggestuurd" in bericht.subject
    assert "week van 16 maart 2026" in bericht.subject
    assert f"{laat.weergavecode} {laat.naam}: 1 jan \u2013 28 feb 2026" in bericht.body
    assert f"{terug.weergavecode} {terug.naam}: 1 jan \u2013 28 feb 2026" in bericht.body
    for ander in (stil, elders):
        assert ander.code not in bericht.body and ander.naam not in bericht.body
    assert Weekoverzicht.objects.count() == 2  # anna and bram, one row each

    draai(D(2026, 3, 23))  # next week: a new digest for anna, still none for bram
    assert [m.to for m in mail.outbox] == [["anna@ocw.example"], ["anna@ocw.example"]]


@pytest.fixture
def afspraak(maak_gebruiker):
    """An open agreement due 1 June 2026, made by an inspector, with a coördinator to remind."""
    from toezicht.tests.factories import VervolgafspraakFactory

    inspecteur = maak_gebruiker("inspectie", email="inspecteur@inspectie.example")
    maak_gebruiker("inspectie", email="collega@inspectie.example")
    coordinator = maak_gebruiker("coordinator", email="coord@swv.example")
    swv = SamenwerkingsverbandFactory()
    swv.coordinatoren.add(coordinator)
    return VervolgafspraakFactory(
        swv=swv,
        vastgelegd_door=inspecteur,
        omschrijving="Een plan van aanpak voor de thuiszitters indienen.",
        gemaakt_op=D(2026, 1, 10),
        deadline=D(2026, 6, 1),
    )


@pytest.mark.django_db
def test_an_agreement_reminds_the_coordinator_before_and_the_inspector_after_once_each(
    afspraak, django_capture_on_commit_callbacks
):
    from toezicht.models import Afspraakherinnering
    from toezicht.tasks import herinner_afspraken

    def draai(dag):
        with django_capture_on_commit_callbacks(execute=True):
            herinner_afspraken(dag.isoformat())

    draai(D(2026, 5, 1))  # a month before: nothing yet
    assert mail.outbox == []
    draai(D(2026, 5, 20))  # within two weeks: the coördinator
    draai(D(2026, 5, 25))  # again: nothing new
    assert [m.to for m in mail.outbox] == [["coord@swv.example"]]
    assert "uiterlijk 01-06-2026" in mail.outbox[0].subject
    assert "Een plan van aanpak voor de thuiszitters indienen." in mail.outbox[0].body
    draai(D(2026, 6, 2))  # expired: who made it
    draai(D(2026, 6, 9))
    assert [m.to for m in mail.outbox][1:] == [["inspecteur@inspectie.example"]]
    assert mail.outbox[1].subject.startswith("Verlopen: vervolgafspraak met ")
    assert f"/toezicht/afspraken/{afspraak.pk}/" in mail.outbox[1].body
    assert Afspraakherinnering.objects.filter(verstuurd_op__isnull=True).count() == 0


@pytest.mark.django_db
def test_a_met_agreement_is_not_reminded_of(afspraak, django_capture_on_commit_callbacks):
    from toezicht.models import Afspraakstatus
    from toezicht.tasks import herinner_afspraken

    afspraak.status = Afspraakstatus.NAGEKOMEN
    afspraak.afgesloten_op = D(2026, 5, 2)
    afspraak.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert herinner_afspraken("2026-05-20") == 0
        assert herinner_afspraken("2026-06-02") == 0
    assert mail.outbox == []


@pytest.mark.integratie
def test_a_real_worker_mails_each_agreement_reminder_once(celery_worker, smtp_postbus, afspraak):
    from toezicht.tasks import herinner_afspraken

    assert herinner_afspraken.delay("2026-05-20").get(timeout=60) == 1
    [voor] = smtp_postbus.wacht_op(1)
    assert voor["To"] == "coord@swv.example"
    assert herinner_afspraken.delay("2026-05-21").get(timeout=60) == 0
    assert herinner_afspraken.delay("2026-06-02").get(timeout=60) == 1
    berichten = smtp_postbus.wacht_op(2)
    assert berichten[1]["To"] == "inspecteur@inspectie.example"
    assert herinner_afspraken.delay("2026-06-03").get(timeout=60) == 0
    assert len(smtp_postbus.berichten) == 2
