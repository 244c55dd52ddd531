"""API tokens: issued by the beheerder, stored hashed, expiring, revocable, throttled."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Rol
from accounts.tests.factories import GebruikerFactory
from passend.api.models import Apitoken, hash_van
from passend.api.services import geef_token, trek_in

pytestmark = pytest.mark.django_db


def lees(client, sleutel):
    return client.get("/api/v1/gemeenten", HTTP_AUTHORIZATION=f"Bearer {sleutel}")


def test_the_token_is_stored_only_as_its_hash(client):
    token, sleutel = geef_token(gebruiker=GebruikerFactory(rol=Rol.INSPECTIE), naam="ISD")
    token.refresh_from_db()
    assert sleutel.startswith("pp_")
    assert token.sleutel_hash == hash_van(sleutel)
    assert sleutel not in {str(v) for v in Apitoken.objects.values_list().get()}
    assert lees(client, sleutel).status_code == 200


def test_an_expired_or_revoked_or_unknown_token_is_refused(client):
    gebruiker = GebruikerFactory(rol=Rol.INSPECTIE)
    _, verlopen = geef_token(
        gebruiker=gebruiker, naam="oud", verloopt_op=timezone.now() - datetime.timedelta(days=1)
    )
    token, ingetrokken = geef_token(gebruiker=gebruiker, naam="weg")
    trek_in(token)
    for sleutel in (verlopen, ingetrokken, "pp_geraden"):
        antwoord = lees(client, sleutel)
        assert antwoord.status_code == 401
        assert antwoord["Content-Type"] == "application/problem+json"


def test_a_token_of_a_deactivated_account_is_refused(client):
    gebruiker = GebruikerFactory(rol=Rol.INSPECTIE)
    _, sleutel = geef_token(gebruiker=gebruiker, naam="ISD")
    gebruiker.is_active = False
    gebruiker.save()
    assert lees(client, sleutel).status_code == 401


def test_requests_are_throttled(client, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    # The rates as DRF's throttles read them; monkeypatch puts the real ones back after the
    # test (changing settings.REST_FRAMEWORK left the low rates behind for later tests).
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "3/minute"}
    )
    _, sleutel = geef_token(gebruiker=GebruikerFactory(rol=Rol.INSPECTIE), naam="ISD")
    codes = [lees(client, sleutel).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    antwoord = lees(client, sleutel)
    assert antwoord["Content-Type"] == "application/problem+json"
    assert int(antwoord["Retry-After"]) > 0


def test_the_beheerder_issues_a_token_in_the_admin_and_sees_it_once(client):
    beheerder = GebruikerFactory(rol=Rol.BEHEERDER, is_staff=True)
    systeem = GebruikerFactory(username="inspectie-systeem", rol=Rol.INSPECTIE)
    client.force_login(beheerder)
    antwoord = client.post(
        "/beheer/api/apitoken/add/",
        {
            "naam": "Toezichtsysteem",
            "gebruiker": systeem.pk,
            "scope": "schrijven",
            "verloopt_op_0": "2099-01-01",
            "verloopt_op_1": "12:00:00",
        },
        follow=True,
    )
    assert antwoord.status_code == 200
    melding = next(str(m) for m in antwoord.context["messages"])
    sleutel = melding.split("is: ")[1].split(" ")[0]
    token = Apitoken.objects.get()
    assert token.aangemaakt_door == beheerder
    assert token.sleutel_hash == hash_van(sleutel)
    client.logout()
    assert lees(client, sleutel).status_code == 200


def test_only_the_beheerder_reaches_the_token_admin(client):
    client.force_login(GebruikerFactory(rol=Rol.INSPECTIE, is_staff=True))
    assert client.get("/beheer/api/apitoken/").status_code in (302, 403)
