"""The API holds clients to the contract it documents: unknown or empty query parameters, a
page that is no page, an update without the version it was read at, a constraint that fails:
each a 400 that names the parameter or field. And the document is one and the same: generated
once however many requests arrive together, and identical on SQLite and PostgreSQL."""

import json
import os
import threading

import pytest
from django.test import Client

from accounts.models import Rol
from passend.api import document as openapi
from tests.diensten import manage
from toezicht.models import Signaal

pytestmark = pytest.mark.django_db


def _namen(antwoord):
    assert antwoord.status_code == 400, antwoord.content
    assert antwoord["Content-Type"] == "application/problem+json"
    return [p["name"] for p in antwoord.json()["invalidParams"]]


def test_a_misspelt_filter_is_an_error_not_every_row(wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    antwoord = api.get("/api/v1/signalen?samenwerkingverband=PO2707")
    assert _namen(antwoord) == ["samenwerkingverband"]
    assert "samenwerkingsverband" in antwoord.json()["invalidParams"][0]["reason"]
    assert api.get("/api/v1/signalen?samenwerkingsverband=PO2707").status_code == 200


@pytest.mark.parametrize(
    "adres",
    [
        "/api/v1/samenwerkingsverbanden?peildatum=",
        "/api/v1/signalen?bron=",
        "/api/v1/deelnamepercentages?sector=",
        "/api/v1/signalen?bron=ouders&bron=school",
    ],
)
def test_an_empty_or_repeated_parameter_is_an_error(adres, wereld, api_als):
    naam = adres.split("?")[1].split("=")[0]
    assert _namen(api_als(Rol.INSPECTIE).get(adres)) == [naam]


@pytest.mark.parametrize("waarde", ["AAA", "1", "ja", "True", "none"])
def test_a_yes_no_filter_takes_only_true_or_false(waarde, wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    assert _namen(api.get(f"/api/v1/vervolgafspraken?verlopen={waarde}")) == ["verlopen"]
    for goed in ("true", "false"):
        assert api.get(f"/api/v1/vervolgafspraken?verlopen={goed}").status_code == 200


@pytest.mark.parametrize("waarde", ["0", "-1", "abc", "1.5", "\u0661"])
def test_pagina_must_be_a_whole_number_from_one(waarde, wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    assert _namen(api.get(f"/api/v1/signalen?pagina={waarde}")) == ["pagina"]


@pytest.mark.parametrize("waarde", ["0", "-1", "abc", "1001"])
def test_pagina_grootte_must_be_between_one_and_a_thousand(waarde, wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    assert _namen(api.get(f"/api/v1/signalen?paginaGrootte={waarde}")) == ["paginaGrootte"]
    assert api.get("/api/v1/signalen?paginaGrootte=1000&pagina=1").status_code == 200


def test_an_update_without_versie_is_refused_and_changes_nothing(wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    adres = f"/api/v1/signalen/{wereld.signaal_a.pk}"
    assert _namen(api.patch(adres, {"uitkomst": "terug_op_school"}, format="json")) == ["versie"]
    wereld.signaal_a.refresh_from_db()
    assert wereld.signaal_a.uitkomst != "terug_op_school"


def test_a_failed_constraint_names_the_field_not_the_constraint(wereld, api_als):
    voor = Signaal.objects.count()
    antwoord = api_als(Rol.INSPECTIE).post(
        "/api/v1/signalen",
        {
            "samenwerkingsverband": wereld.swv_a.code,
            "bron": "ouders",
            "onderwerp": "thuiszitter",
            "ontvangenOp": "2018-03-01",
            "afgehandeldOp": "2018-02-01",
        },
        format="json",
    )
    assert _namen(antwoord) == ["afgehandeldOp"]
    reden = antwoord.json()["invalidParams"][0]["reason"]
    assert reden == "Afgehandeld op past niet bij ontvangen op."
    assert "signaal_afgehandeld" not in antwoord.content.decode()
    assert Signaal.objects.count() == voor


def test_the_document_is_generated_once_however_many_ask_at_once():
    openapi.vergeet()
    antwoorden, fouten = [], []

    def vraag():
        try:
            antwoorden.append(Client().get("/api/v1/openapi.json"))
        except Exception as fout:
            fouten.append(fout)

    draden = [threading.Thread(target=vraag) for _ in range(8)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=120)
    assert fouten == []
    assert [a.status_code for a in antwoorden] == [200] * 8
    assert len({a.content for a in antwoorden}) == 1


def test_the_document_is_the_same_on_sqlite_and_postgresql(tmp_path, settings):
    assert settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    }
    env["PASSEND_OMGEVING"] = "ci"  # its default database is this checkout's PostgreSQL
    documenten = {}
    for naam, extra in (("postgresql", {}), ("sqlite", {"DATABASE_URL": "sqlite:///:memory:"})):
        uit = tmp_path / f"{naam}.json"
        manage("spectacular", "--format", "openapi-json", "--file", str(uit), env=env | extra)
        documenten[naam] = json.loads(uit.read_text())
    assert documenten["postgresql"] == documenten["sqlite"]
    assert "9223372036854775807" not in json.dumps(documenten["sqlite"])
