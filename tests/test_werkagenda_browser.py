"""The werkagenda in a real headless Chromium: the coördinator records it with its PDF and the
subsidy, reads the amount on the overview; the accountmanager finds it in the monitor's table
per sector. Every page is scanned with axe-core, at 1280 and at 375 px."""

import datetime

import pytest

from accounts.models import Rol
from ondersteuningsplan.models import Werkagenda
from swv.tests.factories import GemeenteFactory, LeerlingtellingFactory, swv_met_regio
from swv.tests.pdfs import gewone_pdf
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def swv(maak_gebruiker):
    swv = swv_met_regio(
        gemeente=GemeenteFactory(naam="Amstelveen"),
        code="PO2707",
        naam="Samenwerkingsverband Amstelland",
        pc4s=["1181"],
    )
    for categorie, aantal in (("bao", 9100), ("sbo", 310), ("so_cl34", 45)):
        LeerlingtellingFactory(
            swv=swv, teldatum=datetime.date(2012, 10, 1), categorie=categorie, aantal=aantal
        )
    maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv])
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    return swv


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_the_coordinator_records_the_werkagenda_and_the_accountmanager_counts_it(
    chromium, live_server, swv, breedte, schermafdrukken
):
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "anna")
    werkagenda = scherm.get_by_role("region", name="Werkagenda en subsidie 2012")
    assert "geen werkagenda" in werkagenda.inner_text()

    werkagenda.get_by_role("link", name="Werkagenda vastleggen").click()
    scherm.wait_for_url("**/werkagenda/")
    assert_toegankelijk(scherm)
    scherm.get_by_label("Werkagenda vastgesteld op").fill("2012-09-01")
    scherm.get_by_label("Subsidie aangevraagd op").fill("2013-01-10")
    scherm.get_by_role("button", name="Opslaan").click()
    fout = scherm.get_by_text("kon alleen in 2012 worden aangevraagd")
    fout.wait_for()
    assert_toegankelijk(scherm)
    assert not Werkagenda.objects.exists()

    scherm.get_by_label("Subsidie aangevraagd op").fill("2012-10-15")
    scherm.get_by_label("Subsidie toegekend op").fill("2012-12-01")
    scherm.get_by_label("Werkagenda (PDF)").set_input_files(
        {"name": "werkagenda-2012.pdf", "mimeType": "application/pdf", "buffer": gewone_pdf()}
    )
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.get_by_text("De werkagenda is opgeslagen.").wait_for()
    werkagenda = scherm.get_by_role("region", name="Werkagenda en subsidie 2012")
    tekst = werkagenda.inner_text()
    assert (
        "€\u00a094.100: 9.410 leerlingen van de reguliere scholen op 1 oktober 2012 "
        "\N{MULTIPLICATION SIGN} €\u00a010"
    ) in tekst
    assert "1 december 2012" in tekst
    assert werkagenda.get_by_role("link", name="werkagenda-2012.pdf").is_visible()
    assert_toegankelijk(scherm)
    werkagenda.scroll_into_view_if_needed()
    scherm.screenshot(path=schermafdrukken / f"werkagenda-overzicht-{breedte}.png", full_page=True)

    context.clear_cookies()
    log_in(scherm, "bram")
    scherm.goto("/dashboards/monitor/?peildatum=2013-01-01#werkagenda")
    tabel = scherm.get_by_role("table", name="Werkagenda en subsidie voor")
    po = tabel.get_by_role("row", name="Primair onderwijs")
    assert po.get_by_role("cell").all_inner_texts() == ["1", "1", "1", "94.100", "1"]
    assert_toegankelijk(scherm)
    tabel.screenshot(path=schermafdrukken / f"werkagenda-monitor-{breedte}.png")
    context.close()
