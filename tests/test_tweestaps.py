"""Two-factor authentication with the requirement switched on, as in production."""

import base64
import datetime
import re

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Auditgebeurtenis, Auditsoort, Rol
from swv.tests.factories import swv_met_regio

pytestmark = pytest.mark.django_db

BEGIN = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def code(apparaat: TOTPDevice, verschuiving: int = 0) -> str:
    return f"{totp(apparaat.bin_key, drift=verschuiving):06d}"


def wrong_code(apparaat: TOTPDevice) -> str:
    return f"{(int(code(apparaat)) + 500_000) % 1_000_000:06d}"


@pytest.fixture
def verplicht(settings):
    settings.TWEESTAPS_VERPLICHT = True


@pytest.fixture
def coordinator(maak_gebruiker):
    swv = swv_met_regio(code="PO2707", pc4s=["1011"])
    return maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv])


def inloggen(client, gebruikersnaam="anna"):
    return client.post(
        "/inloggen/",
        {
            "username": gebruikersnaam,
            "password": "geheim-wachtwoord-1",
            "next": "/samenwerkingsverbanden/",
        },
    )


def test_the_whole_flow_enrolment_wrong_code_right_code_and_next_login(
    client, verplicht, coordinator
):
    with time_machine.travel(BEGIN, tick=False) as klok:
        antwoord = inloggen(client)
        assert antwoord.status_code == 302
        # The password alone opens nothing: every page leads to the second step.
        antwoord = client.get("/samenwerkingsverbanden/")
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith("/inloggen/code/?next=")

        pagina = client.get(antwoord["Location"])
        tekst = pagina.content.decode()
        assert "verificatie instellen" in tekst
        assert "<svg" in tekst and "QR-code" in tekst
        apparaat = TOTPDevice.objects.get(user=coordinator, confirmed=False)
        sleutel = re.search(r'passend-geheim">([A-Z2-7 ]+)<', tekst).group(1).replace(" ", "")
        assert base64.b32decode(sleutel + "=" * (-len(sleutel) % 8)) == apparaat.bin_key

        fout = client.post(
            "/inloggen/code/", {"code": wrong_code(apparaat), "next": "/samenwerkingsverbanden/"}
        )
        assert fout.status_code == 200
        assert "Deze code klopt niet" in fout.content.decode()
        apparaat.refresh_from_db()
        assert not apparaat.confirmed
        assert client.get("/samenwerkingsverbanden/").status_code == 302

        klok.shift(datetime.timedelta(seconds=3))  # past django-otp's throttle after one miss
        goed = client.post(
            "/inloggen/code/", {"code": code(apparaat), "next": "/samenwerkingsverbanden/"}
        )
        assert goed.status_code == 302
        assert goed["Location"] == "/samenwerkingsverbanden/"
        apparaat.refresh_from_db()
        assert apparaat.confirmed
        assert client.get("/samenwerkingsverbanden/").status_code == 200

        client.post("/uitloggen/")
        klok.shift(datetime.timedelta(minutes=5))
        inloggen(client)
        pagina = client.get("/inloggen/code/")
        assert "Code invullen" in pagina.content.decode()
        assert "<svg" not in pagina.content.decode()  # the key is shown once, at set-up
        assert client.get("/samenwerkingsverbanden/").status_code == 302
        goed = client.post("/inloggen/code/", {"code": code(apparaat)})
        assert goed.status_code == 302
        assert client.get("/samenwerkingsverbanden/").status_code == 200

    soorten = list(
        Auditgebeurtenis.objects.filter(gebruiker=coordinator).values_list("soort", flat=True)
    )
    assert Auditsoort.TWEESTAPS_INGESTELD in soorten
    assert Auditsoort.TWEESTAPS_MISLUKT in soorten


def test_a_code_cannot_be_used_twice(client, verplicht, coordinator):
    apparaat = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    with time_machine.travel(BEGIN, tick=False):
        inloggen(client)
        eerste = code(apparaat)
        assert client.post("/inloggen/code/", {"code": eerste}).status_code == 302
        client.post("/uitloggen/")
        inloggen(client)
        herhaald = client.post("/inloggen/code/", {"code": eerste})
    assert herhaald.status_code == 200
    assert client.get("/samenwerkingsverbanden/").status_code == 302


@pytest.mark.parametrize("invoer", ["", "12ab56", "1234"])
def test_malformed_codes_get_a_dutch_message(client, verplicht, coordinator, invoer):
    inloggen(client)
    antwoord = client.post("/inloggen/code/", {"code": invoer})
    assert antwoord.status_code == 200
    assert "cijfers" in antwoord.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_the_api_answers_problem_json_until_verified(client, verplicht, coordinator):
    from rest_framework.views import APIView

    from accounts.two_factor import TweestapsMiddleware

    class Voorbeeld(APIView):
        pass

    client.force_login(coordinator)
    request = client.get("/start/").wsgi_request
    antwoord = TweestapsMiddleware(lambda r: None).process_view(
        request, Voorbeeld.as_view(), (), {}
    )
    assert antwoord.status_code == 403
    assert antwoord["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE])
def test_every_role_needs_the_second_step(client, verplicht, maak_gebruiker, rol):
    gebruiker = maak_gebruiker(rol)
    client.force_login(gebruiker)
    antwoord = client.get("/start/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/code/")
    beheer = client.get("/beheer/")
    assert beheer.status_code == 302
    assert beheer["Location"].startswith("/inloggen/code/")


def test_without_the_requirement_the_password_is_enough(client, coordinator):
    inloggen(client)
    assert client.get("/samenwerkingsverbanden/").status_code == 200


def test_the_admin_has_no_login_of_its_own(client):
    antwoord = client.get("/beheer/login/?next=/beheer/accounts/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/inloggen/?next=/beheer/accounts/"
    keten = client.get("/beheer/", follow=True).redirect_chain
    assert keten[-1][0] == "/inloggen/?next=/beheer/"
