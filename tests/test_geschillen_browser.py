"""Disputes in a real headless Chromium: the coördinator records one after the OPR withheld
consent, sees it hold up the milestones and records the ruling; the accountmanager counts it on
the monitor; the inspecteur reads it on the SWV's overview. Every page is scanned with axe-core,
at 1280 and at 375 px."""

import datetime

import pytest

from accounts.models import Rol
from ondersteuningsplan.models import Besluit, Geschil, OPRBesluit, Stap
from ondersteuningsplan.tests.factories import FeitFactory, OndersteuningsplanFactory
from swv.tests.factories import GemeenteFactory, swv_met_regio
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


@pytest.fixture
def swv(maak_gebruiker):
    swv = swv_met_regio(
        gemeente=GemeenteFactory(naam="Amstelveen"),
        code="PO2707",
        naam="Samenwerkingsverband Amstelland",
        pc4s=["1181"],
    )
    plan = OndersteuningsplanFactory(swv=swv, titel="Ondersteuningsplan 2014-2018")
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.CONCEPT_OP_GEREED, datum=D(2013, 11, 1))
    OPRBesluit.objects.create(
        ondersteuningsplan=plan,
        datum_voorgelegd=D(2014, 1, 10),
        besluit=Besluit.GEEN_INSTEMMING,
        datum_besluit=D(2014, 2, 1),
    )
    maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv])
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    maak_gebruiker(Rol.INSPECTIE, username="ines")
    return swv


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_a_dispute_from_the_opr_refusal_to_the_ruling_for_every_role(
    chromium, live_server, swv, breedte, schermafdrukken
):
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "anna")
    geschillen = scherm.get_by_role("region", name="Geschillen")
    geschillen.get_by_role("link", name="Geen instemming van de ondersteuningsplanraad").click()
    scherm.wait_for_url("**/geschillen/nieuw/opr/")
    assert_toegankelijk(scherm)
    scherm.get_by_label("Besluit van de ondersteuningsplanraad").select_option(
        label="Ondersteuningsplan 2014-2018: geen instemming op 01-02-2014"
    )
    scherm.get_by_label("Geschil ontstaan op").fill("2014-01-20")
    scherm.get_by_label("Voorgelegd aan").select_option(label="Landelijke Commissie Geschillen WMS")
    scherm.get_by_label("Voorgelegd op").fill("2014-02-10")
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.get_by_text("De raad besloot op 01-02-2014").wait_for()
    assert_toegankelijk(scherm)
    assert not Geschil.objects.exists()

    scherm.get_by_label("Geschil ontstaan op").fill("2014-02-03")
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.get_by_text("Het geschil is opgeslagen.").wait_for()
    scherm.goto("/samenwerkingsverbanden/PO2707/?peildatum=2014-03-01")
    mijlpalen = scherm.locator("#mijlpalen")
    rij = mijlpalen.get_by_role("row", name="Eerste OP naar de Inspectie")
    assert "Opgehouden door een geschil" in rij.inner_text()
    geschillen = scherm.get_by_role("region", name="Geschillen")
    assert "Open: voorgelegd" in geschillen.inner_text()
    assert_toegankelijk(scherm)
    geschillen.scroll_into_view_if_needed()
    scherm.screenshot(path=schermafdrukken / f"geschillen-overzicht-{breedte}.png", full_page=True)

    geschillen.get_by_role("link", name="Wijzigen geschil met Ondersteuningsplanraad").click()
    scherm.get_by_label("Gegrond", exact=True).check()
    scherm.get_by_label("Datum van de uitspraak").fill("2014-04-10")
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.get_by_text("Het geschil is opgeslagen.").wait_for()
    assert Geschil.objects.get().uitspraak == "gegrond"

    context.clear_cookies()
    log_in(scherm, "bram")
    scherm.goto("/dashboards/monitor/?peildatum=2014-03-01#geschillen")
    tabel = scherm.get_by_role("table", name="Geschillen per soort")
    rij = tabel.get_by_role("row", name="Geen instemming van de ondersteuningsplanraad")
    assert rij.get_by_role("cell").all_inner_texts() == ["0", "1", "0", "1"]
    assert_toegankelijk(scherm)
    tabel.screenshot(path=schermafdrukken / f"geschillen-monitor-{breedte}.png")

    context.clear_cookies()
    log_in(scherm, "ines")
    scherm.goto("/samenwerkingsverbanden/PO2707/?peildatum=2014-05-01")
    geschillen = scherm.get_by_role("region", name="Geschillen")
    assert "Uitspraak: gegrond (10 april 2014)" in geschillen.inner_text()
    assert geschillen.get_by_role("link", name="Wijzigen").count() == 0
    assert_toegankelijk(scherm)
    context.close()
