"""Groups of SWVs in a real headless Chromium: the beheerder ends an SWV's membership in the
admin; the accountmanager picks the group on the monitor, the pupils and thuiszitters dashboards
and the map, and reads its figures beside the national ones. Every page is scanned with
axe-core, at 1280 and at 375 px."""

import datetime

import pytest

from accounts.models import Rol
from ondersteuningsplan.models import Stap
from ondersteuningsplan.tests.factories import FeitFactory
from swv.models import Groepering, Groeperingslid, Sector
from swv.tests.factories import LeerlingtellingFactory, SamenwerkingsverbandFactory
from tests.fixtures import assert_toegankelijk, log_in
from tests.wachten import DEADLINE_SECONDEN
from toezicht.models import Duur, Verzuimsoort
from toezicht.services import registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


@pytest.fixture
def groep(maak_gebruiker):
    swvs = [
        SamenwerkingsverbandFactory(code=f"PO{i:04d}", naam=f"SWV {i}", sector=Sector.PO)
        for i in range(1, 5)
    ]
    for swv in swvs[:2]:
        FeitFactory(swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2013, 10, 1))
    groep = Groepering.objects.create(naam="Voorlopers", omschrijving="Onderwijs en jeugd")
    for swv in (swvs[0], swvs[2]):
        Groeperingslid.objects.create(groepering=groep, swv=swv, geldig_van=D(2013, 9, 1))
    for swv, sbo in zip(swvs, (60, 10, 20, 10), strict=True):
        LeerlingtellingFactory(swv=swv, teldatum=D(2013, 10, 1), categorie="bao", aantal=1000)
        LeerlingtellingFactory(swv=swv, teldatum=D(2013, 10, 1), categorie="sbo", aantal=sbo)
    for swv, aantal in zip(swvs[:3], (2, 5, 1), strict=True):
        registreer_thuiszitters(
            swv=swv,
            ronde=ronde(D(2014, 11, 1), D(2014, 12, 31)),
            aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): aantal},
            door=None,
        )
    maak_gebruiker(Rol.BEHEERDER, username="beheer")
    maak_gebruiker(Rol.ACCOUNTMANAGER, username="bram")
    return groep


@pytest.mark.parametrize("breedte", [1280, 375], ids=["desktop", "375px"])
def test_the_beheerder_keeps_a_group_and_the_accountmanager_compares_it(
    chromium, live_server, groep, breedte, schermafdrukken
):
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": breedte, "height": 900}
    )
    scherm = context.new_page()
    scherm.set_default_timeout(DEADLINE_SECONDEN * 1000)
    log_in(scherm, "beheer")
    scherm.goto(f"/beheer/swv/groepering/{groep.pk}/change/")
    assert_toegankelijk(scherm)
    scherm.locator("#id_leden-1-geldig_tot").fill("2015-01-01")
    scherm.get_by_role("button", name="Opslaan", exact=True).click()
    scherm.get_by_text("met succes gewijzigd").first.wait_for()
    assert Groeperingslid.objects.get(swv__code="PO0003").geldig_tot == D(2015, 1, 1)

    context.clear_cookies()
    log_in(scherm, "bram")
    scherm.goto("/dashboards/monitor/?peildatum=2014-02-01")
    scherm.get_by_label("Groep", exact=True).select_option(label="Voorlopers")
    scherm.get_by_role("button", name="Toon").click()
    scherm.wait_for_url("**groep=*")
    uitleg = scherm.locator("#groep-uitleg")
    assert "2 samenwerkingsverbanden op 1 februari 2014" in uitleg.inner_text()
    tabel = scherm.get_by_role("table", name="Samenwerkingsverbanden opgericht als rechtspersoon")
    po = tabel.get_by_role("row", name="Primair onderwijs")
    assert po.get_by_role("cell").all_inner_texts() == ["2", "4", "1", "2"]
    assert_toegankelijk(scherm)
    tabel.screenshot(path=schermafdrukken / f"groep-monitor-{breedte}.png")

    # after the beheerder's end date, the group holds one SWV
    scherm.goto(f"/dashboards/monitor/?peildatum=2015-06-01&groep={groep.pk}")
    assert "1 samenwerkingsverband op 1 juni 2015" in scherm.locator("#groep-uitleg").inner_text()

    # the pupils: the group's series beside the country's
    scherm.goto("/dashboards/leerlingen/")
    scherm.get_by_label("Groep", exact=True).select_option(label="Voorlopers")
    scherm.get_by_role("button", name="Toon").click()
    scherm.wait_for_url("**groep=*")
    tabel = scherm.get_by_role("table", name="Groep 'Voorlopers', po: deelnamepercentages (%)")
    cellen = tabel.get_by_role("row").nth(1).get_by_role("cell").all_inner_texts()
    assert cellen[:2] == ["2.080", "3,85"]  # SWV 1 and 3: (60 + 20) / 2080
    assert_toegankelijk(scherm)
    tabel.screenshot(path=schermafdrukken / f"groep-leerlingen-{breedte}.png")

    # the thuiszitters: each round with the members of that round
    scherm.goto("/dashboards/thuiszitters/")
    scherm.get_by_label("Groep", exact=True).select_option(label="Voorlopers")
    scherm.get_by_role("button", name="Toon").click()
    scherm.wait_for_url("**groep=*")
    tabel = scherm.get_by_role("table", name="Thuiszitters in de groep 'Voorlopers' per periode")
    rij = tabel.get_by_role("row").nth(1)
    assert "compleet: 2 van 2 samenwerkingsverbanden" in rij.inner_text()
    assert_toegankelijk(scherm)
    scherm.screenshot(path=schermafdrukken / f"groep-thuiszitters-{breedte}.png", full_page=True)

    scherm.goto(f"/dashboards/kaart/?peildatum=2014-02-01&groep={groep.pk}")
    assert scherm.get_by_label("Groep", exact=True).input_value() == str(groep.pk)
    assert_toegankelijk(scherm)
    context.close()
