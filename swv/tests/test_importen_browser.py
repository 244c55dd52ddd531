"""In a real Chromium, as the beheerder: a changed copy of the real region table is uploaded,
its dry run read, applied, and undone by uploading the original; every page passes axe-core."""

import pytest

from accounts.models import Rol
from swv.models import Regiotoewijzing
from swv.services.regio import importeer_regio_indeling
from tests.fixtures import assert_toegankelijk, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def stand():
    return list(
        Regiotoewijzing.objects.order_by("pk").values_list(
            "pk", "swv__code", "geldig_van", "geldig_tot"
        )
    )


def importeer(pagina, pad, knop_verwacht=True):
    pagina.goto("/beheer/swv/importopdracht/add/")
    assert_toegankelijk(pagina)
    pagina.get_by_label("Soort bestand").select_option("regio")
    pagina.locator("#id_bestand").set_input_files(str(pad))
    pagina.get_by_label("Geldig van").fill("2015-08-01")
    pagina.get_by_role("button", name="Proefimport starten").click()
    # The dry run runs after the upload commits; the page refreshes itself until it is done.
    pagina.get_by_text("De proefimport is klaar").wait_for(timeout=60_000)
    assert_toegankelijk(pagina)


def test_the_beheerder_imports_a_changed_region_table_and_undoes_it(
    pagina, maak_gebruiker, referentiedata, tmp_path
):
    origineel = referentiedata / "regio-indeling-2013.csv"
    importeer_regio_indeling(origineel)
    voor = stand()
    gewijzigd = tmp_path / "regio-indeling-2015.csv"
    gewijzigd.write_text(
        origineel.read_text(encoding="utf-8-sig").replace(
            "1011,Amsterdam,PO2707,VO2708", "1011,Amsterdam,PO2704,VO2708", 1
        )
    )
    maak_gebruiker(Rol.BEHEERDER, username="beheer")
    log_in(pagina, "beheer")

    importeer(pagina, gewijzigd)
    assert "PC4 1011 gaat op 01-08-2015 van PO2707 naar PO2704" in pagina.content()
    assert stand() == voor
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Download het verslag (CSV)").click()
    assert download.value.suggested_filename.endswith(".csv")
    pagina.get_by_role("button", name="Inlezen").click()
    pagina.get_by_text("Het bestand is ingelezen").wait_for(timeout=60_000)
    assert_toegankelijk(pagina)
    assert (
        Regiotoewijzing.objects.get(
            postcodegebied__pc4="1011", sector="PO", geldig_tot__isnull=True
        ).swv.code
        == "PO2704"
    )

    importeer(pagina, origineel)
    pagina.get_by_role("button", name="Inlezen").click()
    pagina.get_by_text("Het bestand is ingelezen").wait_for(timeout=60_000)
    assert stand() == voor
