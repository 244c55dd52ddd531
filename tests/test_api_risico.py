"""The risk analysis through the API: the same figures as the page (ADR 0074), for the
Inspectie only."""

import datetime

import pytest

from accounts.models import Rol
from toezicht.tests import risicowereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def amstelland(db):
    return risicowereld.amstelland()


def test_the_inspectie_reads_the_analysis_of_a_year(amstelland, api_als):
    antwoord = api_als(Rol.INSPECTIE).get("/api/v1/risicoanalyses/2024")
    assert antwoord.status_code == 200
    analyse = antwoord.json()
    assert analyse["peildatum"] == "2024-12-31"
    assert [r["indicator"] for r in analyse["regels"]][:2] == ["thuiszitters", "thuiszitters_trend"]
    eerste, tweede = analyse["samenwerkingsverbanden"]
    assert (eerste["samenwerkingsverband"], eerste["rang"], eerste["score"]) == ("PO2707", 1, 16)
    assert eerste["hoogsteKwart"] and eerste["vierJaarNietOnderzocht"]
    assert eerste["laatsteOnderzoek"] == "2020-09-01"
    thuiszitters = eerste["indicatoren"][0]
    assert thuiszitters == {
        "indicator": "thuiszitters",
        "waarde": "1.3",
        "drempel": "1.0",
        "gewicht": 3,
        "teltMee": True,
        "punten": 3,
        "uitleg": "12 thuiszitters in de ronde 1 sep \u2013 31 okt 2024, op 9.550 leerlingen "
        "(teldatum 01-10-2024)",
    }
    assert (tweede["samenwerkingsverband"], tweede["score"], tweede["hoogsteKwart"]) == (
        "PO2704",
        0,
        False,
    )


@pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.BEHEERDER])
def test_other_roles_may_not(amstelland, api_als, rol):
    assert api_als(rol).get("/api/v1/risicoanalyses/2024").status_code == 403


def test_a_visitor_is_asked_to_log_in_and_a_year_out_of_range_is_not_found(amstelland, api_als):
    assert api_als(None).get("/api/v1/risicoanalyses/2024").status_code == 401
    inspectie = api_als(Rol.INSPECTIE)
    for jaar in (2013, datetime.date.today().year + 1, "twee", 20244):
        antwoord = inspectie.get(f"/api/v1/risicoanalyses/{jaar}")
        assert antwoord.status_code == 404, jaar
        assert antwoord["Content-Type"] == "application/problem+json"
