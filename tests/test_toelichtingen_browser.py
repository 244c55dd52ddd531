"""Comply or explain in a real headless Chromium: the coördinator explains the milestone the SWV
met late and the OP cycle it missed; the accountmanager reads both in the late list on the
monitor; the inspecteur reads them on the SWV's overview. Every page is scanned with axe-core,
at 1280 and at 375 px."""

import datetime

import pytest

from accounts.models import Rol
from ondersteuningsplan.models import Toelichting
from ondersteuningsplan.tests.factories import SwvFactory
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def swv(maak_gebruiker):
    swv = SwvFactory(code="PO2707", naam="Samenwerkingsverband Amstelland", laat_opgericht=True)
    maak_gebruiker(
        Rol.COORDINATOR, username="anna", swvs=[swv], first_name="Anna", last_name="de Vries"
    )
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    maak_gebruiker(Rol.INSPECTIE, username="ines")
    return swv


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_the_coordinator_explains_and_the_ministry_and_inspectie_read_it(
    chromium, live_server, swv, breedte, schermafdrukken
):
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "anna")
    scherm.goto("/samenwerkingsverbanden/PO2707/")
    scherm.locator("a[href$='/toelichtingen/rechtspersoon/']").click()
    scherm.wait_for_url("**/toelichtingen/rechtspersoon/")
    assert_toegankelijk(scherm)
    scherm.get_by_label("Toelichting", exact=True).fill(
        "De notaris had de statuten pas in november klaar."
    )
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.wait_for_url("**/PO2707/#kop-mijlpalen")
    mijlpalen = scherm.locator("#mijlpalen")
    rij = mijlpalen.locator("tr[data-mijlpaal='rechtspersoon']")
    assert "De notaris had de statuten pas in november klaar." in rij.inner_text()
    assert "Anna de Vries" in rij.inner_text()

    scherm.locator("a[href$='/toelichtingen/nieuw-op/1/']").click()
    scherm.wait_for_url("**/toelichtingen/nieuw-op/1/")
    scherm.get_by_label("Toelichting", exact=True).fill("Het plan ligt bij de OPR.")
    scherm.get_by_label("Verwacht behaald op (niet verplicht)").fill(
        (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    )
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.wait_for_url("**/PO2707/#kop-mijlpalen")
    assert Toelichting.objects.count() == 2
    assert_toegankelijk(scherm)
    scherm.locator("#mijlpalen").screenshot(path=schermafdrukken / f"toelichting-{breedte}.png")

    context.clear_cookies()
    log_in(scherm, "bram")
    scherm.goto("/dashboards/monitor/?sector=PO")
    lijst = scherm.get_by_role("table", name="Wie is te laat of loopt risico", exact=False)
    tekst = lijst.inner_text()
    assert "De notaris had de statuten pas in november klaar." in tekst
    assert "Het plan ligt bij de OPR. (verwacht behaald op" in tekst
    assert_toegankelijk(scherm)

    context.clear_cookies()
    log_in(scherm, "ines")
    scherm.goto("/samenwerkingsverbanden/PO2707/")
    rij = scherm.locator("#mijlpalen tr[data-mijlpaal='nieuw-op']")
    assert "Het plan ligt bij de OPR." in rij.inner_text()
    assert "Toelichting wijzigen" not in rij.inner_text()
    assert_toegankelijk(scherm)
    context.close()
