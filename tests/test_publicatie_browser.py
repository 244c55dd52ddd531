"""Publishing in a real headless Chromium: the coördinator previews the SWV's public figures and
publishes them; a visitor who is not logged in reads them from the national page. axe-core on
every page, at 1280 and 375 px."""

import pytest

from accounts.models import Rol
from ondersteuningsplan.tests.factories import SwvFactory
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_the_coordinator_publishes_and_a_visitor_reads_it(
    chromium, live_server, maak_gebruiker, breedte, schermafdrukken
):
    swv = SwvFactory(code="PO2707", naam="Samenwerkingsverband Amstelland", laat_opgericht=True)
    maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv])
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "anna")
    scherm.goto("/samenwerkingsverbanden/PO2707/")
    scherm.get_by_role("link", name="Publiceren", exact=True).click()
    scherm.wait_for_url("**/publiceren/")
    assert scherm.locator("#laatste-publicatie").inner_text() == "Nog niet gepubliceerd."
    assert_toegankelijk(scherm)
    scherm.get_by_role("button", name="Deze cijfers publiceren").click()
    scherm.get_by_text("De cijfers zijn gepubliceerd.").wait_for()
    assert "Laatst gepubliceerd op" in scherm.locator("#laatste-publicatie").inner_text()

    context.clear_cookies()
    scherm.goto("/openbaar/")
    scherm.get_by_role("link", name="PO 27-07 Samenwerkingsverband Amstelland").click()
    scherm.wait_for_url("**/openbaar/PO2707/")
    assert (
        "gepubliceerd door het samenwerkingsverband" in scherm.locator("#publicatie").inner_text()
    )
    mijlpalen = scherm.get_by_role("table", name="Mijlpalen op", exact=False)
    rij = mijlpalen.get_by_role("row", name="Samenwerkingsverband is rechtspersoon", exact=False)
    assert "Te laat behaald" in rij.inner_text()
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / f"openbaar-swv-{breedte}.png", full_page=True)
    context.close()
