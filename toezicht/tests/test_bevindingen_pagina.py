"""The findings overview: every role reads what its `for_user` gives, the coördinator
only their own SWV; overdue agreements stand out."""

import datetime

import pytest

from toezicht.tests.factories import VervolgafspraakFactory

pytestmark = pytest.mark.django_db


def test_the_inspectie_and_accountmanager_see_the_findings_of_every_swv(
    client, wereld, maak_gebruiker
):
    for rol in ("inspectie", "accountmanager"):
        client.force_login(maak_gebruiker(rol))
        html = client.get("/toezicht/").content.decode()
        assert "PO 27-07" in html and "PO 27-08" in html


def test_a_coordinator_sees_only_what_concerns_their_swv(client, wereld):
    client.force_login(wereld.coordinator_a)
    html = client.get("/toezicht/").content.decode()
    assert "PO 27-07" in html and "PO 27-08" not in html
    assert client.get("/toezicht/?samenwerkingsverband=PO2708").status_code == 404


def test_anonymous_is_sent_to_the_login(client):
    assert client.get("/toezicht/").status_code == 302


def test_overdue_agreements_are_shown(client, wereld, maak_gebruiker):
    VervolgafspraakFactory(
        swv=wereld.swv_a, gemaakt_op=datetime.date(2017, 1, 1), deadline=datetime.date(2017, 2, 1)
    )
    client.force_login(maak_gebruiker("inspectie"))
    html = client.get("/toezicht/?samenwerkingsverband=PO2707").content.decode()
    assert "verlopen" in html
    assert "style=" not in html and "<script>" not in html


def test_the_page_costs_a_fixed_number_of_queries(
    client, wereld, maak_gebruiker, django_assert_max_num_queries
):
    for _ in range(20):
        VervolgafspraakFactory(swv=wereld.swv_b)
    client.force_login(maak_gebruiker("accountmanager"))
    with django_assert_max_num_queries(12):
        assert client.get("/toezicht/").status_code == 200
