"""The review of a thuiszitter round in a real headless Chromium: the coördinator submits, the
Inspectie returns it with a reason, the coördinator corrects, the Inspectie accepts (locked), a
change is refused until the Inspectie reopens it; suspensions go with the round's counts and the
accountmanager reads them on the dashboard. Every page is scanned with axe-core."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from accounts.models import Rol
from swv.tests.factories import SamenwerkingsverbandFactory
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN
from toezicht.models import Indieningsstatus, Registratieoordeel, Thuiszitterregistratie
from toezicht.tests.factories import ronde

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def wereld(maak_gebruiker):
    swv = SamenwerkingsverbandFactory(code="PO2707", naam="Samenwerkingsverband Amsterdam")
    maak_gebruiker(Rol.COORDINATOR, username="anna", swvs=[swv])
    maak_gebruiker(Rol.INSPECTIE, username="inspecteur")
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    return swv, ronde(datetime.date(2026, 9, 1), datetime.date(2026, 10, 31))


def uitloggen(pagina):
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.wait_for_load_state()


def vul_in(pagina, aantal: str):
    pagina.get_by_role("group", name=re.compile("^Langdurig relatief verzuim")).get_by_label(
        "3 maanden of langer, zonder aanbod"
    ).fill(aantal)


def test_submit_return_correct_accept_lock_and_reopen(pagina, wereld):
    swv, _ = wereld

    # the coördinator submits
    log_in(pagina, "anna")
    pagina.goto(f"/samenwerkingsverbanden/{swv.code}/thuiszitters/")
    assert_toegankelijk(pagina)
    pagina.get_by_role("link", name=re.compile(r"^Indienen\W+ronde vanaf 1 september 2026")).click()
    pagina.wait_for_url("**/thuiszitters/nieuw/**")
    assert_toegankelijk(pagina)
    vul_in(pagina, "30")
    pagina.get_by_role("button", name="Opslaan").click()
    expect(pagina.get_by_role("status").first).to_contain_text("ingediend")
    assert_toegankelijk(pagina)
    registratie = Thuiszitterregistratie.objects.get(swv=swv)
    uitloggen(pagina)

    # the Inspectie returns it with a reason
    log_in(pagina, "inspecteur")
    pagina.goto("/toezicht/rondes/")
    assert_toegankelijk(pagina)
    pagina.get_by_role("link", name=re.compile("^1 sep \u2013 31 okt 2026$")).click()
    pagina.wait_for_url(re.compile(r".*/toezicht/rondes/\d+/"))
    assert_toegankelijk(pagina)
    pagina.get_by_role("link", name=re.compile("PO 27-07")).click()
    pagina.wait_for_url(re.compile(r".*/toezicht/inzendingen/\d+/"))
    assert_toegankelijk(pagina)
    pagina.get_by_label("Reden van terugsturen").fill("30 lijkt een tikfout; was het 3?")
    pagina.get_by_role("button", name="Terugsturen").click()
    expect(pagina.locator("#status")).to_have_text("Teruggestuurd voor correctie")
    assert_toegankelijk(pagina)
    uitloggen(pagina)

    # the coördinator sees the reason and corrects
    log_in(pagina, "anna")
    pagina.goto(f"/samenwerkingsverbanden/{swv.code}/thuiszitters/")
    assert "30 lijkt een tikfout" in pagina.locator("main").inner_text()
    pagina.get_by_role("link", name=re.compile(r"^Corrigeren")).click()
    pagina.wait_for_url(re.compile(r".*/thuiszitters/\d+/"))
    assert_toegankelijk(pagina)
    vul_in(pagina, "3")
    pagina.get_by_role("button", name="Opslaan").click()
    expect(pagina.get_by_role("status").first).to_contain_text("ingediend")
    uitloggen(pagina)

    # the Inspectie accepts: locked, the judgement beside it
    log_in(pagina, "inspecteur")
    pagina.goto(f"/toezicht/inzendingen/{registratie.pk}/")
    pagina.get_by_label("Oordeel over de registratie").select_option("voldoende-goed")
    pagina.get_by_role("button", name="Accepteren en vergrendelen").click()
    expect(pagina.locator("#status")).to_have_text("Geaccepteerd (vergrendeld)")
    assert "Voldoende-goed" in pagina.locator("main").inner_text()
    assert_toegankelijk(pagina)
    uitloggen(pagina)
    assert Registratieoordeel.objects.get(swv=swv).oordeel == "voldoende-goed"

    # a change is refused while locked
    log_in(pagina, "anna")
    pagina.goto(f"/samenwerkingsverbanden/{swv.code}/thuiszitters/")
    assert pagina.get_by_role("link", name=re.compile(r"^Corrigeren")).count() == 0
    pagina.goto(f"/samenwerkingsverbanden/{swv.code}/thuiszitters/{registratie.pk}/")
    vul_in(pagina, "4")
    with pagina.expect_response(lambda r: r.request.method == "POST") as geweigerd:
        pagina.get_by_role("button", name="Opslaan").click()
    assert geweigerd.value.status == 400
    pagina.wait_for_load_state()
    assert "vergrendeld" in pagina.locator("main").inner_text()
    assert_toegankelijk(pagina)
    assert sum(t.aantal for t in registratie.tellingen.all()) == 3
    uitloggen(pagina)

    # until the Inspectie reopens it with a reason
    log_in(pagina, "inspecteur")
    pagina.goto(f"/toezicht/inzendingen/{registratie.pk}/")
    pagina.get_by_label("Reden van heropenen").fill("De gemeente meldt er één meer.")
    pagina.get_by_role("button", name="Heropenen").click()
    expect(pagina.locator("#status")).to_have_text("Heropend voor correctie")
    uitloggen(pagina)

    log_in(pagina, "anna")
    pagina.goto(f"/samenwerkingsverbanden/{swv.code}/thuiszitters/{registratie.pk}/")
    vul_in(pagina, "4")
    pagina.get_by_role("button", name="Opslaan").click()
    expect(pagina.get_by_role("status").first).to_contain_text("ingediend")
    registratie.refresh_from_db()
    assert registratie.status == Indieningsstatus.INGEDIEND
    assert sum(t.aantal for t in registratie.tellingen.all()) == 4


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_suspensions_are_submitted_with_the_round_and_read_by_the_inspectie(
    chromium, live_server, wereld, breedte, schermafdrukken
):
    swv, oktober = wereld
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "anna")
    scherm.goto(f"/samenwerkingsverbanden/{swv.code}/thuiszitters/nieuw/?ronde={oktober.pk}")
    schorsingen = scherm.get_by_role("group", name="Schorsingen van meer dan één dag")
    schorsingen.get_by_label(re.compile("^Basisonderwijs, 2 tot en met 5 dagen")).fill("7")
    schorsingen.get_by_label(re.compile("^Speciaal onderwijs, langer")).fill("-2")
    scherm.get_by_role("button", name="Opslaan").click()
    expect(schorsingen.get_by_text("Een aantal is 0 of meer.")).to_be_visible()
    assert_toegankelijk(scherm)
    assert not Thuiszitterregistratie.objects.exists()
    scherm.screenshot(path=schermafdrukken / f"schorsingen-indienen-{breedte}.png", full_page=True)
    schorsingen.get_by_label(re.compile("^Speciaal onderwijs, langer")).fill("2")
    scherm.get_by_role("button", name="Opslaan").click()
    expect(scherm.get_by_role("status").first).to_contain_text("ingediend")

    context.clear_cookies()
    log_in(scherm, "inspecteur")
    registratie = Thuiszitterregistratie.objects.get(swv=swv)
    scherm.goto(f"/toezicht/inzendingen/{registratie.pk}/")
    tabel = scherm.get_by_role("table", name="Schorsingen van meer dan één dag")
    rij = tabel.get_by_role("row", name="Basisonderwijs, 2 tot en met 5 dagen 7", exact=True)
    expect(rij).to_be_visible()
    expect(tabel.get_by_role("row", name="Speciaal onderwijs, langer dan 5 dagen")).to_contain_text(
        "2"
    )
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / f"schorsingen-inzending-{breedte}.png", full_page=True)

    # the accountmanager reads them summed per period on the thuiszitters dashboard
    context.clear_cookies()
    log_in(scherm, "bram")
    scherm.goto("/dashboards/thuiszitters/")
    tabel = scherm.get_by_role("table", name=re.compile("^Schorsingen van meer dan één dag per"))
    expect(tabel.get_by_role("row").nth(1)).to_contain_text("01-09-2026")
    expect(tabel.get_by_role("row").nth(1).get_by_role("cell").last).to_have_text("9")
    assert_toegankelijk(scherm)
    context.close()
