import datetime

import pytest
from django.core.management import CommandError, call_command

from swv.models import Gemeente, Postcodegebied, Regiotoewijzing, Samenwerkingsverband
from swv.services.regio import importeer_regio_indeling

pytestmark = pytest.mark.django_db

KOP = "pc4,gemeente,po_swv,vo_swv"


def test_the_real_table_gives_76_po_and_74_vo_swvs(referentiedata):
    verslag = importeer_regio_indeling(referentiedata / "regio-indeling-2013.csv")

    assert Samenwerkingsverband.objects.filter(sector="PO").count() == 76
    assert Samenwerkingsverband.objects.filter(sector="VO").count() == 74
    assert Gemeente.objects.count() == 393
    assert Postcodegebied.objects.count() == 4046
    europoort = [m for m in verslag.meldingen if "Europoort" in m]
    assert [m.split(":")[0] for m in europoort] == ["regel 942", "regel 943", "regel 944"]
    assert not Regiotoewijzing.objects.filter(postcodegebied__pc4="3197").exists()
    assert set(
        Samenwerkingsverband.objects.filter(experiment=True).values_list("code", flat=True)
    ) == {"PO2704", "VO3008", "VO2601"}


def test_tynaarlo_lies_in_two_vo_swvs(referentiedata):
    importeer_regio_indeling(referentiedata / "regio-indeling-2013.csv")

    vo_codes = set(
        Regiotoewijzing.objects.filter(
            postcodegebied__gemeente__naam="Tynaarlo", sector="VO"
        ).values_list("swv__code", flat=True)
    )
    po_codes = set(
        Regiotoewijzing.objects.filter(
            postcodegebied__gemeente__naam="Tynaarlo", sector="PO"
        ).values_list("swv__code", flat=True)
    )
    assert vo_codes == {"VO2001", "VO2201"}
    assert po_codes == {"PO2201"}


def test_a_second_run_changes_nothing(referentiedata):
    bestand = referentiedata / "regio-indeling-2013.csv"
    importeer_regio_indeling(bestand)
    voor = list(Regiotoewijzing.objects.order_by("pk").values())

    verslag = importeer_regio_indeling(bestand)

    assert not verslag.gewijzigd
    assert verslag.telling["regiotoewijzingen ongewijzigd"] == 8086
    assert list(Regiotoewijzing.objects.order_by("pk").values()) == voor


def test_bad_rows_are_reported_and_the_good_ones_imported(csv_bestand):
    bestand = csv_bestand(
        "regio.csv",
        [
            KOP,
            "1011,Amsterdam,PO2707,VO2708",
            "10X2,Amsterdam,PO2707,VO2708",
            "1013,,PO2707,VO2708",
            "1014,Amsterdam,VO2707,VO2708",
            "1011,Amsterdam,PO2707,VO2708",
            "1015,Amsterdam,PO2707",
        ],
        eol="\r\n",
    )

    verslag = importeer_regio_indeling(bestand)

    assert verslag.meldingen == [
        "regel 7: 3 velden in plaats van 4; overgeslagen",
        "regel 3: '10X2' is geen viercijferige postcode; overgeslagen",
        "regel 4: PC4 1013 heeft geen gemeente; overgeslagen",
        "regel 5: PC4 1014: 'VO2707' is geen PO-code zoals PO2707",
        "regel 6: PC4 1011 staat twee keer in het bestand; de eerste telt",
    ]
    assert set(Postcodegebied.objects.values_list("pc4", flat=True)) == {"1011", "1014"}
    assert Regiotoewijzing.objects.get(postcodegebied__pc4="1014").swv.code == "VO2708"


def test_a_file_with_the_wrong_columns_is_refused_and_imports_nothing(csv_bestand):
    bestand = csv_bestand("verkeerd.csv", ["postcode;plaats", "1011;Amsterdam"])

    with pytest.raises(CommandError, match="ontbrekend: gemeente, pc4, po_swv, vo_swv"):
        call_command("import_regio_indeling", str(bestand))

    assert not Gemeente.objects.exists()
    assert not Samenwerkingsverband.objects.exists()


def test_a_binary_file_is_refused(tmp_path):
    bestand = tmp_path / "plaatje.csv"
    bestand.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")

    with pytest.raises(CommandError, match="geen tekstbestand"):
        call_command("import_regio_indeling", str(bestand))


def test_a_region_change_is_recorded_from_its_date(csv_bestand):
    """Bergen (L) moved from vo region 3101 to 2507: the PC4 keeps its history."""
    oud = csv_bestand("2013.csv", [KOP, "5854,Bergen (L),PO3101,VO3101"])
    nieuw = csv_bestand("2015.csv", [KOP, "5854,Bergen (L),PO3101,VO2507"])
    importeer_regio_indeling(oud)

    verslag = importeer_regio_indeling(nieuw, geldig_van=datetime.date(2015, 8, 1))

    assert "PC4 5854 gaat op 01-08-2015 van VO3101 naar VO2507" in verslag.meldingen
    vo = Regiotoewijzing.objects.filter(postcodegebied__pc4="5854", sector="VO")
    assert vo.geldig_op(datetime.date(2015, 7, 31)).get().swv.code == "VO3101"
    assert vo.geldig_op(datetime.date(2015, 8, 1)).get().swv.code == "VO2507"
    assert importeer_regio_indeling(nieuw, geldig_van=datetime.date(2015, 8, 1)).gewijzigd is False


def test_a_region_change_without_a_later_date_is_refused_for_that_pc4(csv_bestand):
    importeer_regio_indeling(csv_bestand("a.csv", [KOP, "5854,Bergen (L),PO3101,VO3101"]))

    verslag = importeer_regio_indeling(csv_bestand("b.csv", [KOP, "5854,Bergen (L),PO3101,VO2507"]))

    assert any("vraagt een latere datum 'geldig van'" in m for m in verslag.fouten)
    assert Regiotoewijzing.objects.get(postcodegebied__pc4="5854", sector="VO").swv.code == "VO3101"


def test_the_command_prints_its_report(csv_bestand, capsys):
    bestand = csv_bestand("regio.csv", [KOP, "3197,Rotterdam,Europoort,Europoort"])

    call_command("import_regio_indeling", str(bestand))

    uitvoer = capsys.readouterr().out
    assert "regel 2: PC4 3197 (Rotterdam) is het havengebied Europoort" in uitvoer
    assert "postcodegebieden aangemaakt: 1" in uitvoer
