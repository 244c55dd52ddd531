"""The accountmanager's journey in a real headless Chromium: ask for a report, see it done,
download it, publish it; every page scanned with axe-core, also at 320 px."""

import pytest

from accounts.models import Rol
from rapporten.models import Rapport
from rapporten.tests.factories import monitorland
from tests.fixtures import assert_toegankelijk, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_accountmanager_asks_downloads_and_publishes_a_national_report(pagina, maak_gebruiker):
    monitorland()
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    log_in(pagina, "bram")
    pagina.get_by_role("link", name="Rapporten").click()
    assert_toegankelijk(pagina)

    pagina.get_by_label("Landelijk (po en vo)").check()
    pagina.get_by_label("Peildatum", exact=True).first.fill("2014-02-01")
    pagina.get_by_role("button", name="Rapport aanvragen").click()
    pagina.wait_for_load_state()
    assert (
        pagina.get_by_role("heading", level=1).inner_text()
        == "Voortgangsrapportage passend onderwijs"
    )
    assert_toegankelijk(pagina)

    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Download de PDF").click()
    assert download.value.suggested_filename == "voortgangsrapportage-landelijk-2014-02-01.pdf"

    pagina.get_by_label("Ik begrijp dat dit rapport na publicatie niet meer verandert").check()
    pagina.get_by_role("button", name="Publiceren").click()
    pagina.wait_for_load_state()
    assert "gepubliceerd en verandert niet meer" in pagina.content()
    assert Rapport.objects.get().gepubliceerd
    pagina.set_viewport_size({"width": 320, "height": 800})
    pagina.get_by_role("link", name="Alle voortgangsrapportages").click()
    assert "Gepubliceerde landelijke voortgangsrapportages" in pagina.content()
    breedte = pagina.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= 320, f"de pagina is {breedte} px breed"
    assert_toegankelijk(pagina)


def test_batch_page_shows_progress_and_the_zip(pagina, maak_gebruiker):
    monitorland()
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    log_in(pagina, "bram")
    pagina.goto("/rapporten/")
    pagina.get_by_label("Peildatum", exact=True).last.fill("2014-02-01")
    pagina.get_by_role("button", name="Alle rapporten aanvragen").click()
    pagina.wait_for_load_state()
    assert "6 van de 6 rapporten zijn klaar" in pagina.content()
    assert pagina.get_by_role("link", name="Download de ZIP met alle rapporten").is_visible()
    assert_toegankelijk(pagina)
