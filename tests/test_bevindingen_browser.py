"""The Inspectie's findings page (`/toezicht/`) in a real headless Chromium, as each role that
reads it: every page visited is scanned with axe-core, at desktop width and at 320 px."""

import datetime
import re

import pytest

from accounts.models import Rol
from swv.tests.factories import swv_met_regio
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN
from toezicht.tests import factories as bevindingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AFSPRAAK_A = "Plan van aanpak thuiszitters Amstelland indienen bij de Inspectie."
AFSPRAAK_B = "Doorzettingsmacht regelen met de gemeenten in Zuid-Kennemerland."


@pytest.fixture
def wereld(maak_gebruiker):
    swv_a = swv_met_regio(code="PO2707", naam="Samenwerkingsverband Amstelland", pc4s=["1181"])
    swv_b = swv_met_regio(
        code="PO2704", naam="Samenwerkingsverband Zuid-Kennemerland", pc4s=["2011"]
    )
    for swv, afspraak in ((swv_a, AFSPRAAK_A), (swv_b, AFSPRAAK_B)):
        bevindingen.SignaalFactory(swv=swv)
        bevindingen.RegistratieoordeelFactory(swv=swv)
        onderzoek = bevindingen.KwaliteitsonderzoekFactory(swv=swv)
        bevindingen.VervolgafspraakFactory(
            swv=swv,
            kwaliteitsonderzoek=onderzoek,
            omschrijving=afspraak,
            deadline=datetime.date(2018, 1, 1),
        )
        bevindingen.RisicoindicatorFactory(swv=swv)
    maak_gebruiker(Rol.INSPECTIE, username="inspecteur")
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="accountmanager")
    maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv_a])
    return swv_a, swv_b


def past_op_het_scherm(pagina, breedte):
    """The page does not scroll sideways; a table wider than the screen scrolls in its own box,
    which the keyboard can reach and a screen reader can name."""
    breed = pagina.evaluate("() => document.documentElement.scrollWidth")
    assert breed <= breedte, f"{pagina.url} is {breed} px breed bij {breedte} px"
    vakken = pagina.locator(".passend-table-scroll")
    assert vakken.count() == 5
    for i in range(vakken.count()):
        vak = vakken.nth(i)
        assert vak.get_attribute("tabindex") == "0"
        assert vak.get_attribute("role") == "region"
        assert vak.get_attribute("aria-labelledby")
    breder = pagina.evaluate(
        """() => [...document.querySelectorAll('.passend-table-scroll')]
            .filter(vak => vak.scrollWidth > vak.clientWidth).length"""
    )
    if breedte <= 320:
        assert breder, "At 320 px at least one table is wider than the screen and scrolls"


@pytest.fixture(params=[1280, 320], ids=["desktop", "320px"])
def breedte(request):
    return request.param


@pytest.fixture
def scherm(chromium, live_server, breedte):
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    pagina = context.new_page()
    pagina.set_default_timeout(DEADLINE_SECONDEN * 1000)
    yield pagina
    context.close()


@pytest.mark.parametrize("gebruiker", ["inspecteur", "accountmanager"])
def test_inspectie_and_accountmanager_see_every_swv_and_can_narrow_to_one(
    scherm, breedte, wereld, gebruiker
):
    _, swv_b = wereld
    log_in(scherm, gebruiker)
    scherm.goto("/toezicht/")
    assert scherm.get_by_role("heading", level=1).inner_text() == "Bevindingen van de Inspectie"
    afspraken = scherm.get_by_role("region", name="Vervolgafspraken")
    assert AFSPRAAK_A in afspraken.inner_text() and AFSPRAAK_B in afspraken.inner_text()
    assert scherm.get_by_role("region", name="Signalen").get_by_role("row").count() == 3
    # both agreements passed their deadline while still open
    assert "2 vervolgafspraken zijn nog open" in scherm.get_by_role("status").inner_text()
    past_op_het_scherm(scherm, breedte)
    assert_toegankelijk(scherm)

    scherm.get_by_label("Samenwerkingsverband").select_option(swv_b.code)
    scherm.get_by_role("button", name="Toon").click()
    scherm.wait_for_url(f"**/toezicht/?samenwerkingsverband={swv_b.code}")
    assert scherm.get_by_role("heading", level=1).inner_text() == (
        f"Bevindingen van de Inspectie — {swv_b.weergavecode}"
    )
    afspraken = scherm.get_by_role("region", name="Vervolgafspraken")
    assert AFSPRAAK_B in afspraken.inner_text() and AFSPRAAK_A not in afspraken.inner_text()
    past_op_het_scherm(scherm, breedte)
    assert_toegankelijk(scherm)


def test_a_coordinator_sees_only_their_own_swv(scherm, breedte, wereld):
    swv_a, swv_b = wereld
    log_in(scherm, "anna")
    scherm.goto("/toezicht/")
    inhoud = scherm.locator("main").inner_text()
    assert AFSPRAAK_A in inhoud
    assert AFSPRAAK_B not in inhoud and swv_b.weergavecode not in inhoud
    keuzes = scherm.get_by_label("Samenwerkingsverband").locator("option").all_inner_texts()
    assert keuzes == ["Alle", f"{swv_a.weergavecode} {swv_a.naam}"]
    for sectie in ("Signalen", "Oordelen over de thuiszitterregistratie", "Risico-indicatoren"):
        rijen = scherm.get_by_role("region", name=sectie).get_by_role("row")
        assert rijen.count() == 2, sectie  # the header and their own row
    past_op_het_scherm(scherm, breedte)
    assert_toegankelijk(scherm)

    antwoord = scherm.goto(f"/toezicht/?samenwerkingsverband={swv_b.code}")
    assert antwoord.status == 404
    assert swv_b.naam not in scherm.content()
    assert_toegankelijk(scherm)


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_the_inspectie_filters_the_signalen_reads_one_and_records_an_investigation(
    chromium, live_server, wereld, breedte, schermafdrukken
):
    swv_a, swv_b = wereld
    for i in range(60):
        bevindingen.SignaalFactory(
            swv=swv_b if i % 4 else swv_a,
            bron="school" if i % 2 else "ouders",
            ontvangen_op=datetime.date(2019, 1, 1) + datetime.timedelta(days=3 * i),
        )
    signaal = bevindingen.SignaalFactory(
        swv=swv_a,
        bron="zorginstelling",
        ontvangen_op=datetime.date(2024, 3, 12),
        omschrijving="Melding over wachttijden voor een plek in het speciaal onderwijs.",
    )
    signaal.uitkomst = "terug_op_school"
    signaal.afgehandeld_op = datetime.date(2024, 5, 2)
    signaal.save()
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "inspecteur")

    scherm.goto("/toezicht/")
    signalen = scherm.get_by_role("region", name="Signalen: de nieuwste 10 van 63 signalen")
    assert signalen.get_by_role("row").count() == 11
    scherm.screenshot(path=schermafdrukken / f"toezicht-bevindingen-{breedte}.png", full_page=True)
    scherm.get_by_role("link", name="Alle signalen: filteren, sorteren en downloaden").click()
    scherm.wait_for_url("**/toezicht/signalen/")
    assert "63 signalen; u ziet 1 tot en met 50" in scherm.get_by_role("status").inner_text()
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / f"toezicht-signalen-{breedte}.png", full_page=True)

    scherm.get_by_label("Bron").select_option("zorginstelling")
    scherm.get_by_label("Sorteren op").select_option("-ontvangen_op")
    scherm.get_by_role("button", name="Toon").click()
    scherm.wait_for_url("**/toezicht/signalen/?*bron=zorginstelling*")
    assert scherm.get_by_role("status").inner_text() == "1 signaal."
    breed = scherm.evaluate("() => document.documentElement.scrollWidth")
    assert breed <= breedte
    assert_toegankelijk(scherm)

    scherm.get_by_role("link", name=re.compile(f"signaal {signaal.pk}$")).click()
    scherm.wait_for_url(f"**/toezicht/signalen/{signaal.pk}/")
    inhoud = scherm.locator("main").inner_text()
    assert "Melding over wachttijden" in inhoud
    assert "Uitkomst: Nog niet opgelost → Terug op school" in inhoud
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / f"toezicht-signaal-{breedte}.png", full_page=True)

    scherm.goto("/toezicht/signalen/?bron=buurman")
    fout = scherm.locator(".utrecht-form-field-error-message").inner_text()
    assert fout == "Kies een bron uit de lijst."
    assert_toegankelijk(scherm)

    # the signaal leads to an investigation, recorded here
    scherm.goto("/toezicht/onderzoeken/")
    scherm.get_by_role("link", name="Nieuw: kwaliteitsonderzoek vastleggen").click()
    scherm.wait_for_url("**/toezicht/onderzoeken/nieuw/")
    scherm.get_by_label("Samenwerkingsverband").select_option(
        label=f"{swv_a.weergavecode} {swv_a.naam}"
    )
    scherm.get_by_label("Begonnen op").fill("2024-06-03")
    scherm.get_by_label("Toelichting").fill("Naar aanleiding van signalen over wachttijden.")
    assert_toegankelijk(scherm)
    scherm.screenshot(
        path=schermafdrukken / f"toezicht-onderzoek-nieuw-{breedte}.png", full_page=True
    )
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.wait_for_url(re.compile(r".*/toezicht/onderzoeken/\d+/$"))
    assert "Kwaliteitsonderzoek is opgeslagen." in scherm.get_by_role("status").first.inner_text()
    assert "Naar aanleiding van signalen over wachttijden." in scherm.locator("main").inner_text()
    assert_toegankelijk(scherm)
    context.close()


def test_an_agreement_on_the_op_cycle_reads_nagekomen_once_the_coordinator_adopts_the_plan(
    chromium, live_server, wereld, schermafdrukken
):
    from ondersteuningsplan.stappen import Stap
    from ondersteuningsplan.tests.factories import (
        FeitFactory,
        OndersteuningsplanFactory,
        OPRBesluitFactory,
    )

    swv_a, _ = wereld
    vorig = OndersteuningsplanFactory(
        swv=swv_a, periode_van=datetime.date(2022, 8, 1), periode_tot=datetime.date(2026, 7, 31)
    )
    FeitFactory(
        swv=swv_a,
        ondersteuningsplan=vorig,
        stap=Stap.OP_VASTGESTELD,
        datum=datetime.date(2022, 1, 20),
    )
    nieuw = OndersteuningsplanFactory(
        swv=swv_a, periode_van=datetime.date(2026, 8, 1), periode_tot=datetime.date(2030, 7, 31)
    )
    OPRBesluitFactory(
        ondersteuningsplan=nieuw, datum_voorgelegd=datetime.date(2026, 10, 1), instemming=True
    )

    def scherm_als(gebruiker):
        context = chromium.new_context(
            base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
        )
        scherm = context.new_page()
        scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
        log_in(scherm, gebruiker)
        return context, scherm

    inspectie, scherm = scherm_als("inspecteur")
    scherm.goto(f"/toezicht/afspraken/nieuw/?samenwerkingsverband={swv_a.code}")
    scherm.get_by_label("Omschrijving").fill("Het nieuwe ondersteuningsplan vaststellen.")
    scherm.get_by_label("Gemaakt op").fill("2026-02-10")
    scherm.get_by_label("Uiterste datum").fill("2026-12-31")
    scherm.get_by_label("Status").select_option("open")
    scherm.get_by_label("Mijlpaal").select_option(label="Nieuw ondersteuningsplan")
    assert_toegankelijk(scherm)
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.wait_for_url(re.compile(r".*/toezicht/afspraken/\d+/$"))
    afspraak = scherm.url
    assert "Open" in scherm.locator("dl").inner_text()

    coordinator, anna = scherm_als("anna")
    anna.goto(f"/samenwerkingsverbanden/{swv_a.code}/plannen/{nieuw.pk}/stappen/op_vastgesteld/")
    anna.get_by_label("Datum", exact=True).fill("2026-11-20")
    anna.get_by_role("button", name="Opslaan").click()
    anna.wait_for_url(f"**/samenwerkingsverbanden/{swv_a.code}/**")
    coordinator.close()

    scherm.goto(afspraak)
    gegevens = scherm.locator("dl").inner_text()
    assert "Nagekomen" in gegevens
    assert "Nieuw ondersteuningsplan (OP-cyclus 2022-2026) vastgesteld op 20-11-2026" in gegevens
    assert "Status: Open → Nagekomen" in scherm.locator("main").inner_text()
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / "toezicht-afspraak-nagekomen-1280.png", full_page=True)
    inspectie.close()


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_the_inspectie_reads_the_risk_analysis_and_raises_a_threshold(
    chromium, live_server, maak_gebruiker, breedte, schermafdrukken
):
    from toezicht.tests import risicowereld

    amstelland, _ = risicowereld.amstelland()
    maak_gebruiker(Rol.INSPECTIE, username="inspecteur")
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "inspecteur")

    scherm.goto("/toezicht/risico/")
    assert scherm.get_by_role("heading", level=1).inner_text().startswith("Risicoanalyse ")
    scherm.get_by_label("Jaar").select_option("2024")
    scherm.get_by_role("button", name="Toon").click()
    scherm.wait_for_url("**/toezicht/risico/?*jaar=2024*")
    assert scherm.get_by_role("heading", level=1).inner_text() == "Risicoanalyse 2024"
    assert scherm.get_by_role("status").inner_text() == (
        "2 samenwerkingsverbanden, van wie 1 in het hoogste kwart en 1 vier jaar niet onderzocht."
    )
    eerste = scherm.get_by_role("row").nth(1).inner_text()
    assert "PO 27-07" in eerste and "Hoogste kwart" in eerste
    assert scherm.evaluate("() => document.documentElement.scrollWidth") <= breedte
    assert_toegankelijk(scherm)
    scherm.screenshot(
        path=schermafdrukken / f"toezicht-risicoanalyse-{breedte}.png", full_page=True
    )

    scherm.get_by_role("link", name="PO 27-07").click()
    scherm.wait_for_url(f"**/toezicht/risico/2024/{amstelland.code}/")
    assert "rang 1 van 2, score 16" in scherm.locator("main").inner_text()
    assert_toegankelijk(scherm)
    scherm.screenshot(
        path=schermafdrukken / f"toezicht-risicoprofiel-{breedte}.png", full_page=True
    )

    scherm.goto("/toezicht/risico/regels/")
    thuiszitters = scherm.get_by_role("group", name="Thuiszitters per 1.000 leerlingen")
    thuiszitters.get_by_label("Drempel").fill("veel")
    scherm.get_by_role("button", name="Opslaan").click()
    fout = scherm.locator(".utrecht-form-field-error-message").inner_text()
    assert fout == "Vul een getal in, bijvoorbeeld 2,5."
    assert_toegankelijk(scherm)
    thuiszitters.get_by_label("Drempel").fill("2,5")
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.get_by_text("De drempels en gewichten zijn opgeslagen.").wait_for()
    nu = scherm.get_by_role("region", name="Nu in werking").inner_text()
    assert "2,5" in nu
    assert scherm.evaluate("() => document.documentElement.scrollWidth") <= breedte
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / f"toezicht-risicoregels-{breedte}.png", full_page=True)
    context.close()
