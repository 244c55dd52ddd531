"""A half-complete round reads the same on the dashboard, in the API and in the PDF: "voorlopig",
with the difference against the previous round over the same SWVs only (ADR 0060)."""

import datetime

import pytest
from rest_framework.test import APIClient

from rapporten import services as rapportdiensten
from rapporten.models import Rapportstatus
from rapporten.tests.hulp import tekst
from swv.tests.factories import SamenwerkingsverbandFactory
from toezicht.services import registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def halve_ronde(maak_gebruiker):
    """Four SWVs; all four submitted the first round, two the second."""
    door = maak_gebruiker("coordinator")
    swvs = [SamenwerkingsverbandFactory() for _ in range(4)]
    eerste = ronde(D(2025, 9, 1), D(2025, 10, 31))
    tweede = ronde(D(2025, 11, 1), D(2025, 12, 31))
    for i, swv in enumerate(swvs):
        registreer_thuiszitters(
            swv=swv, ronde=eerste, door=door, aantallen={("relatief", "lang", False): 10}
        )
        if i < 2:
            registreer_thuiszitters(
                swv=swv, ronde=tweede, door=door, aantallen={("relatief", "lang", False): 6}
            )
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
