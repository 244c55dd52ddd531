"""The public progress page in a real headless Chromium, for a visitor who is not logged in:
from the welcome page to the page and a past peildatum; axe-core at 1280, 375 and 320 px."""

import pytest

from ondersteuningsplan.tests.factories import SwvFactory
from tests.fixtures import assert_toegankelijk
from tests.wachten import DEADLINE_SECONDEN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("breedte", [1280, 375, 320], ids=["desktop", "375px", "320px"])
def test_a_visitor_reads_the_progress_without_logging_in(
    chromium, live_server, breedte, schermafdrukken
):
    for i in range(6):
        SwvFactory(code=f"PO10{i:02d}", opgericht=True)
    SwvFactory(code="VO2001", vo=True, opgericht=True)
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    scherm.goto("/")
    scherm.get_by_role("link", name="De voortgang van passend onderwijs in het land").click()
    scherm.wait_for_url("**/openbaar/")
    scherm.get_by_label("Peildatum").fill("2014-02-01")
    scherm.get_by_role("button", name="Toon").click()
    scherm.wait_for_url("**peildatum=2014-02-01")
    tabel = scherm.get_by_role("table", name="Samenwerkingsverbanden die de mijlpaal", exact=False)
    rij = tabel.get_by_role("row", name="Samenwerkingsverband is rechtspersoon", exact=False)
    assert rij.get_by_role("cell").all_inner_texts()[-2:] == ["6", "< 5"]
    assert_toegankelijk(scherm)
    assert scherm.evaluate("document.documentElement.scrollWidth") <= breedte
    if breedte != 320:
        scherm.screenshot(path=schermafdrukken / f"openbaar-{breedte}.png", full_page=True)
    context.close()
