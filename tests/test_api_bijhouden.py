"""Keeping a copy of the Inspectie's findings: what changed since a moment (`gewijzigdSinds`),
in a stable order (`sorteer`), page by page."""

import datetime

import pytest
import time_machine

from toezicht import services
from toezicht.models import Signaal
from toezicht.tests.factories import SignaalFactory

pytestmark = pytest.mark.django_db


def alle(client, adres, **params):
    """Every row of a collection, following `volgende` page by page."""
    rijen, antwoord = [], client.get(adres, params)
    while True:
        assert antwoord.status_code == 200, antwoord.content
        rijen += antwoord.json()["resultaten"]
        if not antwoord.json()["volgende"]:
            return rijen
        antwoord = client.get(antwoord.json()["volgende"])


def test_a_copy_kept_up_to_date_with_gewijzigd_sinds_equals_a_fresh_read(
    wereld, api_als, maak_gebruiker
):
    inspecteur = maak_gebruiker("inspectie")
    client = api_als("inspectie")
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC)):
        for i in range(30):
            SignaalFactory(swv=wereld.swv_a, ontvangen_op=datetime.date(2025, 1, 1 + i))
    kopie = {r["id"]: r for r in alle(client, "/api/v1/signalen", paginaGrootte=7)}
    assert len(kopie) == Signaal.objects.count()

    with time_machine.travel(datetime.datetime(2026, 12, 20, 9, tzinfo=datetime.UTC)):
        gewijzigd = Signaal.objects.order_by("pk")[3]
        services.wijzig_bevinding(
            gewijzigd,
            door=inspecteur,
            verwachte_versie=gewijzigd.versie,
            uitkomst="terug_op_school",
        )
        services.leg_bevinding_vast(
            Signaal,
            door=inspecteur,
            swv=wereld.swv_b,
            bron="school",
            onderwerp="zorgplicht",
            ontvangen_op=datetime.date(2026, 2, 27),
        )
    sinds = "2026-12-15T00:00:00+01:00"
    nieuw = alle(client, "/api/v1/signalen", gewijzigdSinds=sinds, sorteer="gewijzigdOp")
    assert len(nieuw) == 2
    kopie |= {r["id"]: r for r in nieuw}
    vers = {r["id"]: r for r in alle(client, "/api/v1/signalen", paginaGrootte=100)}
    assert kopie == vers


def test_sorteer_orders_stably_across_pages_and_refuses_an_unknown_property(wereld, api_als):
    for _ in range(12):  # all received the same day: the id decides between them
        SignaalFactory(swv=wereld.swv_a, ontvangen_op=datetime.date(2020, 5, 4))
    client = api_als("inspectie")
    rijen = alle(client, "/api/v1/signalen", sorteer="-ontvangenOp", paginaGrootte=5)
    sleutels = [(r["ontvangenOp"], r["id"]) for r in rijen]
    assert [s[0] for s in sleutels] == sorted((s[0] for s in sleutels), reverse=True)
    zelfde_dag = [i for d, i in sleutels if d == "2020-05-04"]
    assert zelfde_dag == sorted(zelfde_dag) and len(zelfde_dag) == 12
    assert len({r["id"] for r in rijen}) == len(rijen) == Signaal.objects.count()

    for fout in ({"sorteer": "omschrijving"}, {"gewijzigdSinds": "gisteren"}):
        antwoord = client.get("/api/v1/signalen", fout)
        assert antwoord.status_code == 400, fout
        assert antwoord["Content-Type"] == "application/problem+json"
        assert [p["name"] for p in antwoord.json()["invalidParams"]] == list(fout)
