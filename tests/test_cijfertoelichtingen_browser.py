"""Explaining a figure in a real headless Chromium (ADR 0086): the coördinator explains a round
that was submitted late, with a PDF; the Inspectie reads it on the round's page. axe-core on
every page, at 1280 and at 375 px."""

import datetime

import pytest

from accounts.models import Rol
from ondersteuningsplan.tests.factories import SwvFactory
from swv.tests.pdfs import gewone_pdf
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN
from toezicht.models import Duur, Verzuimsoort
from toezicht.services import registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UITLEG = "Twee scholen meldden hun thuiszitters pas na de uiterste datum."


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_the_coordinator_explains_a_round_and_the_inspectie_reads_it(
    chromium, live_server, maak_gebruiker, breedte, schermafdrukken, tmp_path
):
    swv = SwvFactory(code="PO2707", naam="Samenwerkingsverband Amstelland", opgericht=True)
    r = ronde(datetime.date(2025, 9, 1), datetime.date(2025, 10, 31))
    registreer_thuiszitters(
        swv=swv, ronde=r, aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): 6}, door=None
    )
    maak_gebruiker(
        Rol.COORDINATOR, username="anna", swvs=[swv], first_name="Anna", last_name="de Vries"
    )
    maak_gebruiker(Rol.INSPECTIE, username="ines")
    brief = tmp_path / "brief-aan-de-besturen.pdf"
    brief.write_bytes(gewone_pdf())

    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "anna")
    scherm.goto("/samenwerkingsverbanden/PO2707/thuiszitters/")
    scherm.locator(f"a[href$='/thuiszitters/rondes/{r.pk}/toelichting/']").click()
    scherm.wait_for_url(f"**/thuiszitters/rondes/{r.pk}/toelichting/")
    assert_toegankelijk(scherm)
    scherm.get_by_label("Toelichting", exact=True).fill(UITLEG)
    scherm.get_by_label("Document (niet verplicht)").set_input_files(str(brief))
    scherm.get_by_role("button", name="Opslaan").click()
    scherm.wait_for_url("**/PO2707/thuiszitters/")
    scherm.get_by_text("De toelichting is opgeslagen.").wait_for()
    rij = scherm.get_by_role("row", name="1 sep \u2013 31 okt 2025", exact=False)
    assert UITLEG in rij.inner_text() and "brief-aan-de-besturen.pdf" in rij.inner_text()
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / f"rondetoelichting-{breedte}.png", full_page=True)

    context.clear_cookies()
    log_in(scherm, "ines")
    scherm.goto(f"/toezicht/rondes/{r.pk}/")
    inzendingen = scherm.locator("#kop-inzendingen + div table")
    assert UITLEG in inzendingen.inner_text()
    assert_toegankelijk(scherm)
    context.close()
