"""The base of the API: problem+json, headers, no trailing slashes, the public document."""

import pytest

pytestmark = pytest.mark.django_db


def test_every_response_has_the_version_and_security_headers(api_als, wereld):
    antwoord = api_als("inspectie").get("/api/v1/samenwerkingsverbanden")
    assert antwoord.status_code == 200
    assert antwoord["API-Version"] == "1.0.0"
    assert antwoord["Cache-Control"] == "no-store"
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in antwoord["Content-Security-Policy"]


def test_a_trailing_slash_is_not_found_as_a_problem(api_als, wereld):
    antwoord = api_als("inspectie").get("/api/v1/samenwerkingsverbanden/")
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["status"] == 404
    assert antwoord["API-Version"] == "1.0.0"


def test_an_unknown_address_with_a_newline_is_a_problem_too(api_als, wereld):
    antwoord = api_als("inspectie").get("/api/v1/registratieoordelen/%0Ax")
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"] == "application/problem+json"


def test_anonymous_gets_401_as_problem_with_a_challenge(api_als):
    antwoord = api_als(None).get("/api/v1/samenwerkingsverbanden")
    assert antwoord.status_code == 401
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord["WWW-Authenticate"].startswith("Bearer")
    assert set(antwoord.json()) >= {"type", "title", "status", "detail"}


def test_a_400_lists_every_invalid_field(api_als, wereld):
    antwoord = api_als("inspectie").post(
        "/api/v1/signalen",
        {"samenwerkingsverband": "PO9999", "bron": "buren", "ontvangenOp": "gisteren"},
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    namen = {veld["name"] for veld in antwoord.json()["invalidParams"]}
    assert namen == {"samenwerkingsverband", "bron", "ontvangenOp", "onderwerp"}


def test_the_openapi_document_is_public_and_open_to_other_origins(client):
    antwoord = client.get("/api/v1/openapi.json")
    assert antwoord.status_code == 200
    assert antwoord["Access-Control-Allow-Origin"] == "*"
    document = antwoord.json()
    assert document["info"]["version"] == "1.0.0"
    assert document["servers"] == [{"url": "/api/v1", "description": "Dit portaal"}]
    assert "/samenwerkingsverbanden/{code}" in document["paths"]


def test_the_members_of_the_opr_are_not_in_the_api(client):
    """Named adults, not needed for supervision (ADR 33): no path, no schema, no field."""
    document = client.get("/api/v1/openapi.json").json()
    assert not [pad for pad in document["paths"] if "lid" in pad.lower() and "opr" in pad.lower()]
    assert not [naam for naam in document["components"]["schemas"] if "oprlid" in naam.lower()]
    velden = {
        veld
        for schema in document["components"]["schemas"].values()
        for veld in schema.get("properties", {})
    }
    assert not velden & {"geleding", "beginTermijn", "eindeTermijn", "oprLeden", "leden"}


def test_the_docs_are_served_from_the_portal_without_inline_script(client):
    antwoord = client.get("/api/v1/docs")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "<script>" not in html and "style=" not in html
    assert "/static/drf_spectacular_sidecar/" in html
    script = client.get("/api/v1/docs?script=")
    assert script.status_code == 200
    assert "openapi.json" in script.content.decode()
