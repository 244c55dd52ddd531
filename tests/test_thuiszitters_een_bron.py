"""A half-complete round reads the same on the dashboard, in the API and in the PDF: "voorlopig",
with the difference against the previous round over the same SWVs only (ADR 0060)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from rapporten import services as rapportdiensten
from rapporten.models import Rapportstatus
from rapporten.tests.hulp import tekst
from swv.tests.factories import SamenwerkingsverbandFactory
from toezicht.services import accepteer, registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db
D = datetime.date


def op(dag: datetime.date):
    """Travel to noon of a day (Dutch time), when the coördinator or the Inspectie acts."""
    return time_machine.travel(
        datetime.datetime.combine(dag, datetime.time(12), tzinfo=ZoneInfo("Europe/Amsterdam")),
        tick=False,
    )


def dien_in(swv, r, door, aantal):
    return registreer_thuiszitters(
        swv=swv, ronde=r, door=door, aantallen={("relatief", "lang", False): aantal}
    )


@pytest.fixture
def halve_ronde(maak_gebruiker):
    """Four SWVs; all four submitted the first round, two the second (on 10 January 2026)."""
    door = maak_gebruiker("coordinator")
    swvs = [SamenwerkingsverbandFactory() for _ in range(4)]
    eerste = ronde(D(2025, 9, 1), D(2025, 10, 31))
    tweede = ronde(D(2025, 11, 1), D(2025, 12, 31))
    with op(D(2025, 11, 10)):
        for swv in swvs:
            dien_in(swv, eerste, door, 10)
    with op(D(2026, 1, 10)):
        for swv in swvs[:2]:
            dien_in(swv, tweede, door, 6)
    swvs[0].tweede = tweede
    return swvs


def test_dashboard_api_and_pdf_agree_on_a_half_complete_round(
    halve_ronde, client, maak_gebruiker, django_capture_on_commit_callbacks
):
    am = maak_gebruiker("accountmanager")
    client.force_login(am)

    pagina = client.get("/dashboards/thuiszitters/")
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "voorlopig: 2 van 4 samenwerkingsverbanden" in html
    laatste = pagina.context["laatste"]
    dashboard = (laatste.totaal, laatste.verschil, laatste.vergeleken)

    api = APIClient()
    api.force_authenticate(am)
    antwoord = api.get("/api/v1/thuiszittercijfers")
    assert antwoord.status_code == 200, antwoord.content
    nieuwste = antwoord.json()[-1]
    assert nieuwste["stand"] == "voorlopig: 2 van 4 samenwerkingsverbanden"
    assert nieuwste["voorlopig"] is True
    assert (nieuwste["totaal"], nieuwste["verschil"], nieuwste["vergeleken"]) == dashboard

    with django_capture_on_commit_callbacks(execute=True):
        rapport = rapportdiensten.vraag_aan(am, "landelijk", D(2026, 1, 20))
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.KLAAR, rapport.fout
    [pdf_regel] = [p for p in rapport.cijfers["thuiszitters"] if p["van"] == "2025-11-01"]
    assert (pdf_regel["totaal"], pdf_regel["verschil"], pdf_regel["vergeleken"]) == dashboard
    with rapport.pdf.open("rb") as f:
        pdf_tekst = " ".join(tekst(f.read()).split())
    assert "voorlopig: 2 van 4 SWV's" in pdf_tekst
    assert "compleet: 4 van 4 SWV's" in pdf_tekst

    # 12 now against 20 for the same two SWVs: -8, not 12 - 40.
    assert dashboard == (12, -8, 2)


def test_a_reading_for_a_past_peildatum_counts_what_had_come_in_by_then(
    halve_ronde, maak_gebruiker, django_capture_on_commit_callbacks
):
    """The other two SWVs submit the second round late, in February, and the Inspectie accepts
    one submission in January and one in February. Read for 20 January, the round is what the
    ministry saw that day: voorlopig, 2 of 4, and one accepted; read today it is complete."""
    door = maak_gebruiker("coordinator")
    inspecteur = maak_gebruiker("inspectie")
    tweede = halve_ronde[0].tweede
    with op(D(2026, 1, 15)):
        accepteer(tweede.registraties.get(swv=halve_ronde[0]), door=inspecteur, oordeel="voldoende")
    with op(D(2026, 2, 20)):
        for swv in halve_ronde[2:]:
            dien_in(swv, tweede, door, 6)
    with op(D(2026, 2, 25)):
        accepteer(tweede.registraties.get(swv=halve_ronde[1]), door=inspecteur, oordeel="voldoende")

    am = maak_gebruiker("accountmanager")
    api = APIClient()
    api.force_authenticate(am)

    def api_stand(**params):
        antwoord = api.get("/api/v1/thuiszittercijfers", params)
        assert antwoord.status_code == 200, antwoord.content
        nieuwste = antwoord.json()[-1]
        return nieuwste["stand"], nieuwste["totaal"]

    assert api_stand() == ("compleet: 4 van 4 samenwerkingsverbanden", 24)
    assert api_stand(peildatum="2026-01-20") == ("voorlopig: 2 van 4 samenwerkingsverbanden", 12)
    assert api_stand(peildatum="2026-01-20", weergave="geaccepteerd") == (
        "voorlopig: 1 van 4 samenwerkingsverbanden",
        6,
    )
    assert api_stand(weergave="geaccepteerd") == ("voorlopig: 2 van 4 samenwerkingsverbanden", 12)

    with django_capture_on_commit_callbacks(execute=True):
        rapport = rapportdiensten.vraag_aan(am, "landelijk", D(2026, 1, 20))
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.KLAAR, rapport.fout
    [pdf_regel] = [p for p in rapport.cijfers["thuiszitters"] if p["van"] == "2025-11-01"]
    assert (pdf_regel["totaal"], pdf_regel["ingediend"]) == (12, 2)
    with rapport.pdf.open("rb") as f:
        assert "voorlopig: 2 van 4 SWV's" in " ".join(tekst(f.read()).split())
