"""In a real Chromium: the pages load under the strict Content Security Policy without a single
violation, and the second step of the login works as a user meets it."""

import base64
import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.models import Rol
from swv.tests.factories import swv_met_regio
from tests.fixtures import assert_toegankelijk, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def kop(pagina) -> str:
    return pagina.get_by_role("heading", level=1).inner_text().replace("\xad", "")


@pytest.fixture
def console(pagina):
    """Every console error and page error while the test runs; CSP violations are reported
    there by Chromium ("Refused to ...")."""
    meldingen = []

    def bij_melding(melding):
        bron = melding.location.get("url", "")
        if melding.type == "error" and not bron.endswith("/favicon.ico"):
            meldingen.append(f"{melding.text} ({bron})")

    pagina.on("console", bij_melding)
    pagina.on("pageerror", lambda fout: meldingen.append(str(fout)))
    return meldingen


def test_the_pages_load_without_csp_violations_and_the_totp_set_up_works(
    pagina, console, maak_gebruiker, settings
):
    settings.TWEESTAPS_VERPLICHT = True
    swv = swv_met_regio(code="PO2707", naam="SWV PO Amsterdam-Diemen", pc4s=["1011"])
    maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv])
    maak_gebruiker(Rol.BEHEERDER, username="beheer")

    pagina.goto("/")
    csp = pagina.request.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp
    log_in(pagina, "anna")
    assert kop(pagina) == "Tweestapsverificatie instellen"
    assert pagina.get_by_role("img", name="QR-code voor uw authenticator-app").is_visible()
    assert_toegankelijk(pagina)

    sleutel = pagina.locator(".passend-geheim").inner_text().replace(" ", "")
    sleutel = base64.b32decode(sleutel + "=" * (-len(sleutel) % 8))
    pagina.get_by_label("Code uit de app").fill(f"{(totp(sleutel) + 500_000) % 1_000_000:06d}")
    pagina.get_by_role("button", name="Instellen en doorgaan").click()
    assert "klopt niet" in pagina.get_by_role("alert").inner_text()
    assert_toegankelijk(pagina)
    pagina.wait_for_timeout(1500)  # django-otp's throttle after one wrong code
    pagina.get_by_label("Code uit de app").fill(f"{totp(sleutel):06d}")
    pagina.get_by_role("button", name="Instellen en doorgaan").click()
    pagina.wait_for_load_state()
    assert "/inloggen/code/" not in pagina.url
    pagina.goto("/samenwerkingsverbanden/")
    pagina.get_by_role("link", name="PO 27-07").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text(swv.naam)
    assert_toegankelijk(pagina)

    pagina.get_by_role("button", name="Uitloggen").click()
    log_in(pagina, "beheer")
    assert kop(pagina) == "Tweestapsverificatie instellen"
    sleutel = pagina.locator(".passend-geheim").inner_text().replace(" ", "")
    sleutel = base64.b32decode(sleutel + "=" * (-len(sleutel) % 8))
    pagina.get_by_label("Code uit de app").fill(f"{totp(sleutel):06d}")
    pagina.get_by_role("button", name="Instellen en doorgaan").click()
    pagina.goto("/auditlog/")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Auditlog"
    assert pagina.get_by_role("cell", name="Tweestapsverificatie ingesteld").count() == 2
    assert_toegankelijk(pagina)
    pagina.goto("/beheer/")
    pagina.goto("/api/v1/docs")
    pagina.wait_for_load_state("load")
    pagina.set_viewport_size({"width": 320, "height": 800})
    pagina.goto("/auditlog/?soort=inloggen")
    assert_toegankelijk(pagina)

    schendingen = [m for m in console if re.search(r"Content Security Policy|Refused to", m)]
    assert not schendingen, "\n".join(schendingen)
    assert not console, "\n".join(console)
