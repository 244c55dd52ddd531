"""The accountmanager's journey in a real headless Chromium: ask for a report, see it done,
download it, publish it; every page scanned with axe-core, also at 320 px."""

import pytest
from django.db import transaction
from playwright.sync_api import expect

from accounts.models import Rol
from rapporten.models import Rapport
from rapporten.tests.factories import monitorland
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN

DEADLINE_MS = DEADLINE_SECONDEN * 1000

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_accountmanager_asks_downloads_and_publishes_a_national_report(pagina, maak_gebruiker):
    monitorland()
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    log_in(pagina, "bram")
    pagina.get_by_role("link", name="Rapporten").click()
    pagina.wait_for_url("**/rapporten/")
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
    expect(pagina.locator("main")).to_contain_text("Gepubliceerde landelijke voortgangsrapportages")
    breedte = pagina.evaluate("() => document.documentElement.scrollWidth")
    assert breedte <= 320, f"de pagina is {breedte} px breed"
    assert_toegankelijk(pagina)


@pytest.mark.integratie
def test_batch_page_shows_progress_and_the_zip(pagina, maak_gebruiker, start_celery_worker):
    """A real worker renders the six reports; this test holds the last one's row, so the
    worker stops before it and the page must show the progress so far, without the ZIP."""
    monitorland()
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    log_in(pagina, "bram")
    pagina.goto("/rapporten/")
    pagina.get_by_label("Peildatum", exact=True).last.fill("2014-02-01")
    pagina.get_by_role("button", name="Alle rapporten aanvragen").click()
    pagina.wait_for_load_state()
    stand = pagina.get_by_role("status")
    # No worker runs yet: the reports wait in the queue. (While the page refreshes itself
    # every few seconds it is not scanned: a refresh in the middle would stop the scan.)
    expect(stand).to_contain_text("0 van de 6 rapporten zijn klaar")

    with transaction.atomic():
        # The tasks wait in the queue in the order of the SWV codes; VO2002 comes last.
        Rapport.objects.select_for_update().get(swv__code="VO2002")
        start_celery_worker(wacht=False)
        # The page refreshes itself; the deadline is generous for a busy machine.
        expect(stand).to_contain_text("5 van de 6 rapporten zijn klaar", timeout=DEADLINE_MS)
        expect(pagina.get_by_role("progressbar")).to_have_attribute("value", "5")
        zip_link = pagina.get_by_role("link", name="Download de ZIP met alle rapporten")
        expect(zip_link).to_have_count(0)

    expect(stand).to_contain_text("6 van de 6 rapporten zijn klaar", timeout=DEADLINE_MS)
    expect(zip_link).to_be_visible(timeout=DEADLINE_MS)
    assert_toegankelijk(pagina)


def test_accountmanager_recomputes_a_published_report_and_reads_its_errata(
    pagina, maak_gebruiker, schermafdrukken
):
    import datetime

    from ondersteuningsplan.models import Feit
    from ondersteuningsplan.stappen import Stap
    from rapporten import services
    from rapporten.tests.factories import PEILDATUM

    po, _ = monitorland()
    bram = maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    with transaction.atomic():
        rapport = services.vraag_aan(bram, "landelijk", PEILDATUM)
    rapport.refresh_from_db()
    services.publiceer(bram, rapport)
    Feit.objects.filter(swv=po[3], stap=Stap.RECHTSPERSOON_OPGERICHT).update(
        datum=datetime.date(2013, 12, 1)
    )
    log_in(pagina, "bram")
    pagina.goto("/rapporten/")
    pagina.get_by_role("link", name="Nog niet herberekend", exact=False).click()
    pagina.get_by_role("button", name="Nu herberekenen").click()
    pagina.get_by_text("De cijfers worden opnieuw berekend.").wait_for()
    # the tests run tasks at once (CELERY_TASK_ALWAYS_EAGER): the outcome is on the next page
    expect(pagina.locator("#herberekening")).to_contain_text("cijfers wijken af")
    assert "bijlage[PO1004].opgericht" in pagina.locator("#errata").inner_text()
    assert_toegankelijk(pagina)
    pagina.screenshot(path=schermafdrukken / "errata-1280.png", full_page=True)
    pagina.set_viewport_size({"width": 375, "height": 800})
    assert_toegankelijk(pagina)
    pagina.screenshot(path=schermafdrukken / "errata-375.png", full_page=True)
