"""The accountmanager's journey in a real headless Chromium, every page scanned with axe-core:
portfolio → an SWV → the monitor at another peildatum → an export; and each dashboard at 320
pixels wide without sideways scrolling of the page."""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import Gebruiker, Rol
from accounts.tests.factories import GebruikerFactory
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory
from swv.models import Groepering, Groeperingslid, Samenwerkingsverband
from swv.tests.factories import LeerlingtellingFactory
from tests.fixtures import assert_toegankelijk, log_in
from tests.momentopname import Momentopname

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="session")
def land_opname(nederland_opname, django_db_blocker) -> Momentopname:
    """The country with facts and pupil counts, and an accountmanager for every fifth SWV:
    built once for every test of this file (each parametrised page included)."""
    with django_db_blocker.unblock():
        return Momentopname.van(lambda: _bouw_land(nederland_opname))


@pytest.fixture
def land(land_opname):
    land_opname.zet_terug()
    return Gebruiker.objects.get(username="am")


def _bouw_land(nederland_opname):
    nederland_opname.zet_terug()
    am = GebruikerFactory(rol=Rol.ACCOUNTMANAGER, username="am")
    swvs = list(Samenwerkingsverband.objects.order_by("code"))
    for i, swv in enumerate(swvs):
        if i % 5 == 0:
            swv.accountmanager = am
            swv.save()
        if i % 3:
            FeitFactory(
                swv=swv,
                stap=Stap.RECHTSPERSOON_OPGERICHT,
                datum=datetime.date(2013, 6, 1) + datetime.timedelta(days=3 * i),
            )
        for jaar in (2013, 2014):
            for categorie, aantal in (
                ("bao", 9000), ("sbo", 300), ("so_cl34", 150 + i),
                ("vo", 8000), ("lwoo", 900), ("pro", 300), ("vso_cl34", 200 + i),
            ):  # fmt: skip
                if categorie in ("bao", "sbo", "so_cl34") and swv.sector != "PO":
                    continue
                if categorie not in ("bao", "sbo", "so_cl34") and swv.sector != "VO":
                    continue
                LeerlingtellingFactory(
                    swv=swv,
                    teldatum=datetime.date(jaar, 10, 1),
                    categorie=categorie,
                    aantal=aantal + jaar - 2013,
                )
    return am


def test_accountmanager_van_portefeuille_naar_swv_naar_monitor_naar_export(pagina, land):
    log_in(pagina, "am")
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Dashboards"
    ).click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Portefeuille")
    assert_toegankelijk(pagina)
    rijen = pagina.locator("tbody tr")
    assert rijen.count() == 30
    # the riskiest SWV is on top; it has a missed milestone
    assert "Gemist" in rijen.first.inner_text()

    code = rijen.first.get_by_role("link").inner_text()
    rijen.first.get_by_role("link").click()
    assert code.replace(" ", "").replace("-", "") in pagina.url
    assert_toegankelijk(pagina)

    pagina.go_back()
    pagina.get_by_role("link", name="Landelijke monitor").click()
    pagina.get_by_label("Peildatum").fill("2013-09-01")
    pagina.get_by_label("Sector").select_option("VO")
    pagina.get_by_role("button", name="Toon").click()
    pagina.wait_for_url("**peildatum=2013-09-01**")
    expect(pagina.locator("main")).to_contain_text("1 september 2013")
    expect(pagina.locator("svg[role=img]")).to_have_count(3)
    assert_toegankelijk(pagina)

    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="CSV van samenwerkingsverbanden opgericht als").click()
    inhoud = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rijen_csv = list(csv.reader(io.StringIO(inhoud), delimiter=";"))  # as Dutch Excel reads it
    assert rijen_csv[0] == ["Sector", "Opgericht", "Totaal"]
    opgericht_op_pagina = pagina.locator("table").first.locator("tbody tr").first.inner_text()
    assert rijen_csv[1][1] in opgericht_op_pagina


@pytest.mark.parametrize(
    "pad",
    [
        "/dashboards/",
        "/dashboards/monitor/?peildatum=2014-02-01",
        "/dashboards/kaart/?peildatum=2013-11-02",
        "/dashboards/kaart/?kleur=verevening&sector=VO",
        "/dashboards/leerlingen/?sector=VO",
        "/dashboards/thuiszitters/",
        "/dashboards/monitor/?peildatum=morgen",
        "/samenwerkingsverbanden/PO2707/leerlingen/",
    ],
)
def test_dashboards_toegankelijk_en_leesbaar_op_320_pixels(pagina, land, pad):
    log_in(pagina, "am")
    pagina.set_viewport_size({"width": 320, "height": 800})
    pagina.goto(pad)
    assert_toegankelijk(pagina)
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 320, f"{pad} is {breedte} px breed"


def test_de_mijlpaal_van_de_kaart_verdwijnt_bij_kleuren_naar_verevening(pagina, land):
    log_in(pagina, "am")
    pagina.goto("/dashboards/kaart/?kleur=verevening&sector=PO")
    expect(pagina.get_by_label("Verevening op de laatste teldatum")).to_be_checked()
    expect(pagina.get_by_label("Mijlpaal", exact=True)).to_be_hidden()
    assert_toegankelijk(pagina)

    pagina.get_by_label("De status van een mijlpaal").check()
    keuze = pagina.get_by_label("Mijlpaal", exact=True)
    expect(keuze).to_be_visible()
    expect(keuze).to_have_accessible_description(
        "Alleen bij kleuren naar de status van een mijlpaal."
    )
    keuze.select_option("rechtspersoon")
    pagina.get_by_role("button", name="Toon").click()
    pagina.wait_for_url("**kleur=status**")
    expect(pagina.locator("svg.passend-kaart title").first).to_contain_text("mijlpaal")
    assert_toegankelijk(pagina)


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_de_kaart_van_een_groep_kleurt_alleen_haar_leden(pagina, land, breedte, schermafdrukken):
    groep = Groepering.objects.create(naam="Voorlopers Noord-Holland")
    for code in ("PO2704", "PO2705", "PO2707"):
        Groeperingslid.objects.create(
            groepering=groep,
            swv=Samenwerkingsverband.objects.get(code=code),
            geldig_van=datetime.date(2013, 9, 1),
        )
    log_in(pagina, "am")
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto("/dashboards/kaart/?peildatum=2013-11-02")
    pagina.get_by_label("Groep", exact=True).select_option(label="Voorlopers Noord-Holland")
    pagina.get_by_role("button", name="Toon").click()
    pagina.wait_for_url("**groep=*")
    expect(pagina.locator(".passend-legenda")).to_contain_text("Niet in de groep (73)")
    tabel = pagina.get_by_role("table", name=re.compile("alleen de groep"))
    expect(tabel.get_by_role("row")).to_have_count(4)  # the header and the three members
    assert_toegankelijk(pagina)
    pagina.locator("figure.passend-figuur").screenshot(
        path=schermafdrukken / f"groep-kaart-{breedte}.png"
    )


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_de_coordinator_ziet_de_deelname_van_het_eigen_swv_naast_de_vergelijkingen(
    pagina, land, breedte, schermafdrukken
):
    GebruikerFactory(
        rol=Rol.COORDINATOR,
        username="coordinator-leiden",
        swvs=[Samenwerkingsverband.objects.get(code="PO2801")],
    )
    log_in(pagina, "coordinator-leiden")
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto("/samenwerkingsverbanden/PO2801/")
    pagina.get_by_role("link", name="Leerlingen", exact=True).click()
    pagina.wait_for_url("**/leerlingen/")
    expect(pagina.get_by_role("heading", name="Verevening op 1 oktober 2014")).to_be_visible()
    vergeleken = pagina.get_by_role("table", name=re.compile("en zijn vergelijkingen"))
    expect(vergeleken.get_by_role("columnheader")).to_have_text(
        ["Maat", "PO 28-01", "Landelijk (po)", "Buren", "Vergelijkbare omvang"]
    )
    expect(pagina.locator("#kop-vergelijkingen + dl")).to_contain_text("Buren (")
    assert_toegankelijk(pagina)
    pagina.screenshot(path=schermafdrukken / f"swv-leerlingen-{breedte}.png", full_page=True)
