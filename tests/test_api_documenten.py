"""A document listed in the API can be fetched with the same token: the PDF itself, for whoever
may read its SWV, never another SWV's under a guessed address."""

import hashlib

import pytest

from passend.api.models import Scope

pytestmark = pytest.mark.django_db


def test_a_listed_document_is_fetched_with_the_same_token(wereld, api_als):
    client = api_als(wereld.coordinator_a, scope=Scope.LEZEN)
    lijst = client.get(f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}/documenten")
    assert lijst.status_code == 200
    [document] = lijst.json()["resultaten"]
    assert document["inhoud"].endswith(
        f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}/documenten/{document['id']}/inhoud"
    )
    antwoord = client.get(document["inhoud"])
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert "no-store" in antwoord["Cache-Control"]
    inhoud = b"".join(antwoord.streaming_content)
    assert inhoud.startswith(b"%PDF")
    assert hashlib.sha256(inhoud).hexdigest() == document["sha256"]


def test_another_swvs_document_is_not_found_by_any_address(wereld, api_als):
    coordinator_a = api_als(wereld.coordinator_a)
    vreemd = wereld.document_b.pk
    for adres in (
        f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}/documenten/{vreemd}/inhoud",
        f"/api/v1/samenwerkingsverbanden/{wereld.swv_b.code}/documenten/{vreemd}/inhoud",
        f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}/documenten/999999/inhoud",
    ):
        antwoord = coordinator_a.get(adres)
        assert antwoord.status_code == 404, adres
        assert antwoord["Content-Type"] == "application/problem+json"
    anoniem = api_als(None).get(
        f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}/documenten/{wereld.document_a.pk}/inhoud"
    )
    assert anoniem.status_code == 401


def test_pupil_counts_carry_their_id(wereld, api_als):
    rijen = api_als("inspectie").get("/api/v1/leerlingtellingen").json()["resultaten"]
    assert rijen and all(isinstance(rij["id"], int) for rij in rijen)
