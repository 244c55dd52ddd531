"""The pages: who may ask, read, download and publish; bad input; publication freezes; a batch
ends in a ZIP; query counts bounded."""

import datetime
import io
import zipfile

import pytest

from accounts.models import Auditgebeurtenis, Auditsoort
from ondersteuningsplan.models import Feit
from ondersteuningsplan.stappen import Stap
from rapporten import services
from rapporten.models import Rapport, Rapportstatus
from rapporten.tests.factories import PEILDATUM, monitorland
from rapporten.tests.hulp import tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def land():
    return monitorland()


def lees(response) -> bytes:
    return b"".join(response.streaming_content)


def vraag(client, captured, **data):
    with captured(execute=True):
        return client.post("/rapporten/aanvragen/", {"peildatum": "2014-02-01", **data})


def test_accountmanager_asks_follows_and_downloads(
    land, client_als, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client = client_als("accountmanager")
    antwoord = vraag(client, django_capture_on_commit_callbacks, soort="landelijk")
    rapport = Rapport.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == f"/rapporten/{rapport.pk}/"
    with django_assert_max_num_queries(8):
        pagina = client.get(antwoord.url)
    assert "Download de PDF" in pagina.content.decode()
    assert 'http-equiv="refresh"' not in pagina.content.decode()
    with django_assert_max_num_queries(6):
        pdf = client.get(f"/rapporten/{rapport.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert "1 februari 2014" in tekst(lees(pdf))
    gebeurtenis = Auditgebeurtenis.objects.get(soort=Auditsoort.RAPPORT_DOWNLOAD)
    assert gebeurtenis.gegevens["rapport_id"] == rapport.pk
    with django_assert_max_num_queries(8):
        assert client.get("/rapporten/").status_code == 200


def test_progress_page_refreshes_without_script_while_queued(land, client_als):
    client = client_als("accountmanager")
    client.post("/rapporten/aanvragen/", {"peildatum": "2014-02-01", "soort": "landelijk"})
    rapport = Rapport.objects.get()  # the task waits for a commit that never comes in this test
    html = client.get(f"/rapporten/{rapport.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "in de wachtrij" in html and "<script" not in html and "style=" not in html


@pytest.mark.parametrize(
    "data, melding",
    [
        ({"peildatum": "1-2-2014", "soort": "landelijk"}, "is geen datum"),
        ({"peildatum": "1990-01-01", "soort": "landelijk"}, "Kies een peildatum tussen"),
        ({"peildatum": "2014-02-01", "soort": "sector"}, "Kies de sector"),
        ({"peildatum": "2014-02-01", "soort": "swv"}, "Kies het samenwerkingsverband"),
        (
            {"peildatum": "2014-02-01", "soort": "swv", "swv": "PO9999"},
            "Selecteer een geldige keuze",
        ),
        ({"peildatum": "2014-02-01", "soort": "alles"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(land, client_als, data, melding):
    antwoord = client_als("accountmanager").post("/rapporten/aanvragen/", data)
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode()
    assert not Rapport.objects.exists()


def test_coordinator_asks_only_for_their_own_swv(land, client_als, maak_gebruiker):
    po, _ = land
    client = client_als("coordinator", swvs=[po[0]])
    assert (
        client.post(
            "/rapporten/aanvragen/", {"peildatum": "2014-02-01", "soort": "swv", "swv": "PO1001"}
        ).status_code
        == 302
    )
    for data in ({"soort": "swv", "swv": "PO1002"}, {"soort": "landelijk"}):
        antwoord = client.post("/rapporten/aanvragen/", {"peildatum": "2014-02-01", **data})
        assert antwoord.status_code == 400
    assert Rapport.objects.count() == 1


def test_nobody_reads_a_report_they_may_not_see_even_by_guessing_its_id(
    land, client_als, maak_gebruiker, django_capture_on_commit_callbacks
):
    po, _ = land
    am = maak_gebruiker("accountmanager")
    with django_capture_on_commit_callbacks(execute=True):
        ander = services.vraag_aan(am, "swv", PEILDATUM, swv=po[1])
        landelijk = services.vraag_aan(am, "landelijk", PEILDATUM)
    coordinator = client_als("coordinator", swvs=[po[0]])
    for pad in (
        f"/rapporten/{ander.pk}/",
        f"/rapporten/{ander.pk}/pdf/",
        f"/rapporten/{landelijk.pk}/pdf/",
    ):
        assert coordinator.get(pad).status_code == 404
    assert coordinator.post(f"/rapporten/{landelijk.pk}/publiceren/").status_code == 403
    coordinator.logout()
    assert client_als("beheerder").get(f"/rapporten/{landelijk.pk}/pdf/").status_code == 200
    coordinator.logout()
    assert client_als("inspectie").get(f"/rapporten/{ander.pk}/pdf/").status_code == 200
    coordinator.logout()
    assert coordinator.get(f"/rapporten/{ander.pk}/").status_code == 302  # to the login


def test_published_report_is_frozen_and_listed(
    land, client_als, maak_gebruiker, django_capture_on_commit_callbacks
):
    client = client_als("accountmanager")
    vraag(client, django_capture_on_commit_callbacks, soort="landelijk")
    rapport = Rapport.objects.get()
    with rapport.pdf.open("rb") as f:
        voor = f.read()
    # Not without confirming that it will never change again.
    zonder = client.post(f"/rapporten/{rapport.pk}/publiceren/", follow=True)
    assert "niet gepubliceerd: vink eerst aan" in zonder.content.decode()
    rapport.refresh_from_db()
    assert not rapport.gepubliceerd
    bevestigd = {"bevestigd": "ja"}
    assert client.post(f"/rapporten/{rapport.pk}/publiceren/", bevestigd).status_code == 302

    # A fact corrected afterwards: PO now 4 of 4 founded before the peildatum.
    po, _ = land
    Feit.objects.filter(swv=po[3], stap=Stap.RECHTSPERSOON_OPGERICHT).update(
        datum=datetime.date(2013, 12, 1)
    )
    vraag(client, django_capture_on_commit_callbacks, soort="landelijk")
    nieuw = Rapport.objects.exclude(pk=rapport.pk).get()
    assert nieuw.cijfers["per_sector"]["PO"]["monitor"]["opgericht"] == 4

    rapport.refresh_from_db()
    assert rapport.cijfers["per_sector"]["PO"]["monitor"]["opgericht"] == 3
    with rapport.pdf.open("rb") as f:
        assert f.read() == voor
    # Not even a careless save or delete changes it.
    from rapporten.models import Bevroren

    with pytest.raises(Bevroren):
        rapport.save()
    with pytest.raises(Bevroren):
        rapport.delete()
    # One published national report per peildatum.
    antwoord = client.post(f"/rapporten/{nieuw.pk}/publiceren/", bevestigd, follow=True)
    assert "al een landelijk rapport gepubliceerd" in antwoord.content.decode()
    nieuw.refresh_from_db()
    assert not nieuw.gepubliceerd
    # Listed for every role, with its peildatum and date of publication.
    client.logout()
    lijst = client_als("coordinator").get("/rapporten/").content.decode()
    assert "1 februari 2014" in lijst and f"/rapporten/{rapport.pk}/pdf/" in lijst


def test_a_failed_render_says_why_and_can_be_retried(
    land, client_als, django_capture_on_commit_callbacks, monkeypatch
):
    from rapporten import pdf

    client = client_als("accountmanager")
    echte = pdf.render
    monkeypatch.setattr(pdf, "render", lambda *a, **k: (_ for _ in ()).throw(OSError("schijf vol")))
    vraag(client, django_capture_on_commit_callbacks, soort="sector", sector="PO")
    rapport = Rapport.objects.get()
    assert rapport.status == Rapportstatus.MISLUKT
    html = client.get(f"/rapporten/{rapport.pk}/").content.decode()
    assert "schijf vol" in html and "Opnieuw proberen" in html
    monkeypatch.setattr(pdf, "render", echte)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/rapporten/{rapport.pk}/opnieuw/")
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.KLAAR and rapport.pogingen == 2 and not rapport.fout


def test_batch_renders_every_swv_and_zips_them(
    land, client_als, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client = client_als("accountmanager")
    with django_capture_on_commit_callbacks() as taken:
        antwoord = client.post("/rapporten/reeks/", {"reeks-peildatum": "2014-02-01"})
        # Asked again while it runs: the same batch, no second set of tasks.
        assert (
            client.post("/rapporten/reeks/", {"reeks-peildatum": "2014-02-01"}).url == antwoord.url
        )
    assert len(taken) == 6
    html = client.get(antwoord.url).content.decode()
    assert "0 van de 6 rapporten zijn klaar" in html and 'http-equiv="refresh"' in html
    with django_capture_on_commit_callbacks(execute=True):
        for taak in taken:
            taak()
    with django_assert_max_num_queries(8):
        html = client.get(antwoord.url).content.decode()
    assert "6 van de 6 rapporten zijn klaar" in html and "Download de ZIP" in html
    zip_ = zipfile.ZipFile(io.BytesIO(lees(client.get(antwoord.url + "zip/"))))
    namen = zip_.namelist()
    assert len(namen) == 6 and "voortgangsrapportage-po1001-2014-02-01.pdf" in namen
    assert "PO 10-01" in tekst(zip_.read("voortgangsrapportage-po1001-2014-02-01.pdf"))
    # The next batch for that date, with the tasks running as soon as they are sent: still
    # every report in the ZIP.
    with django_capture_on_commit_callbacks(execute=True):
        tweede = client.post("/rapporten/reeks/", {"reeks-peildatum": "2014-02-01"})
    assert tweede.url != antwoord.url
    assert len(zipfile.ZipFile(io.BytesIO(lees(client.get(tweede.url + "zip/")))).namelist()) == 6
    client.logout()
    assert client_als("coordinator").get(antwoord.url).status_code == 403


def test_batch_with_a_bad_date_gets_a_dutch_message_and_starts_nothing(land, client_als):
    from rapporten.models import Batch

    antwoord = client_als("accountmanager").post("/rapporten/reeks/", {"reeks-peildatum": "morgen"})
    assert antwoord.status_code == 400
    assert "is geen datum" in antwoord.content.decode()
    assert not Batch.objects.exists() and not Rapport.objects.exists()
