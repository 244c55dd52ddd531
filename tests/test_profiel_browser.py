"""The SWV profile in a real headless Chromium, the journey of ADR 0085: the coördinator explains
the milestone the SWV met late and publishes; the accountmanager reads the explanation on the
profile and asks for its PDF, which carries it; a visitor who is not logged in reads it on the
public page. axe-core on every page, at 1280, 375 and 320 px."""

import datetime

import pytest

from accounts.models import Rol
from dashboards import publicatie
from ondersteuningsplan.tests.factories import SwvFactory
from rapporten.tests.hulp import tekst
from swv.tests.factories import LeerlingtellingFactory
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UITLEG = "De notaris had de statuten pas in november klaar."


@pytest.fixture
def swv(maak_gebruiker):
    swv = SwvFactory(code="PO2707", naam="Samenwerkingsverband Amstelland", laat_opgericht=True)
    ander = SwvFactory(code="PO2708", naam="Samenwerkingsverband Zaanstreek", opgericht=True)
    for s, bao, zwaar in ((swv, 9_800, 200), (ander, 19_900, 100)):
        for categorie, aantal in (("bao", bao), ("so_cl34", zwaar)):
            LeerlingtellingFactory(
                swv=s, teldatum=datetime.date(2015, 10, 1), categorie=categorie, aantal=aantal
            )
    maak_gebruiker(
        Rol.COORDINATOR, username="anna", swvs=[swv], first_name="Anna", last_name="de Vries"
    )
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    return swv


def _breed_genoeg(scherm, breedte: int):
    gemeten = scherm.evaluate("() => document.documentElement.scrollWidth")
    assert gemeten <= breedte, f"de pagina is {gemeten} px breed"


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_an_explanation_reaches_the_profile_its_pdf_and_the_public_page(
    chromium, live_server, swv, breedte, schermafdrukken
):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": breedte, "height": 900},
        accept_downloads=True,
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "anna")
    scherm.goto("/samenwerkingsverbanden/PO2707/")
    scherm.locator("a[href$='/toelichtingen/rechtspersoon/']").click()
    scherm.wait_for_url("**/toelichtingen/rechtspersoon/")
    scherm.get_by_label("Toelichting", exact=True).fill(UITLEG)
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.wait_for_url("**/PO2707/#kop-mijlpalen")
    scherm.get_by_role("link", name="Publiceren", exact=True).click()
    scherm.wait_for_url("**/publiceren/")
    scherm.get_by_role("button", name="Deze cijfers publiceren").click()
    scherm.get_by_text("De cijfers zijn gepubliceerd.").wait_for()

    context.clear_cookies()
    log_in(scherm, "bram")
    scherm.goto("/samenwerkingsverbanden/PO2707/")
    scherm.get_by_role("link", name="Profiel", exact=True).click()
    scherm.wait_for_url("**/PO2707/profiel/")
    rij = scherm.locator("#mijlpalen tr[data-mijlpaal='rechtspersoon']")
    assert UITLEG in rij.inner_text() and "Anna de Vries" in rij.inner_text()
    assert "Te laat behaald" in rij.inner_text()
    assert "Vergelijkbare omvang" in scherm.locator("#kop-vergelijkingen + dl").inner_text()
    assert "Negatieve verevening" in scherm.locator("#verevening").inner_text()
    assert_toegankelijk(scherm)
    _breed_genoeg(scherm, breedte)
    scherm.screenshot(path=schermafdrukken / f"profiel-{breedte}.png", full_page=True)

    scherm.get_by_role("button", name="Profiel als pdf maken").click()
    scherm.wait_for_url("**/rapporten/*/")
    with scherm.expect_download() as download:
        scherm.get_by_role("link", name="Download de PDF").click()
    with open(download.value.path(), "rb") as f:
        pdf = " ".join(tekst(f.read()).split())
    assert "Samenwerkingsverband Amstelland" in pdf
    assert UITLEG in pdf
    assert "Vergeleken met andere samenwerkingsverbanden" in pdf

    context.clear_cookies()
    scherm.goto("/openbaar/PO2707/")
    assert UITLEG in scherm.locator("main").inner_text()
    assert_toegankelijk(scherm)
    context.close()


@pytest.mark.parametrize(
    "adres",
    [
        "/samenwerkingsverbanden/PO2707/profiel/",
        "/samenwerkingsverbanden/PO2707/profiel/?vergelijk=2013-06-01",
        "/samenwerkingsverbanden/PO2707/leerlingen/",
        "/samenwerkingsverbanden/PO2707/thuiszitters/",
        "/samenwerkingsverbanden/PO2707/leerlingen/2015-10-01/toelichting/",
        "/openbaar/",
        "/openbaar/PO2707/",
    ],
)
def test_the_pages_fit_a_320_px_screen(chromium, live_server, swv, adres):
    """The profile, the tabs with explanations and the explanation form at the smallest width
    the NL Design System supports: no sideways scrolling of the page, axe-core clean."""
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 320, "height": 800}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    if adres == "/openbaar/PO2707/":
        publicatie.publiceer(swv)
    if not adres.startswith("/openbaar/"):
        log_in(scherm, "anna")
    scherm.goto(adres)
    scherm.get_by_role("heading", level=1).wait_for()
    assert_toegankelijk(scherm)
    _breed_genoeg(scherm, 320)
    context.close()
