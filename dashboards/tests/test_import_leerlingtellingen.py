import datetime

import pytest
from django.core.management import CommandError, call_command

from swv.models import Leerlingtelling
from swv.tests.factories import LeerlingtellingFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def swvs():
    return SamenwerkingsverbandFactory(code="PO2707"), SamenwerkingsverbandFactory(
        code="VO2708", sector="VO"
    )


def test_leest_tellingen_en_tweede_keer_wijzigt_niets(swvs, csv_bestand, capsys):
    pad = csv_bestand(
        "tellingen.csv",
        [
            "swv,teldatum,categorie,aantal",
            "PO2707,2013-10-01,bao,10000",
            "PO 27-07,2013-10-01,sbo,300",
            "VO2708,2013-10-01,vso_cl34,250",
        ],
    )
    call_command("import_leerlingtellingen", str(pad))
    assert "tellingen aangemaakt: 3" in capsys.readouterr().out
    assert Leerlingtelling.objects.get(swv=swvs[0], categorie="sbo").aantal == 300
    call_command("import_leerlingtellingen", str(pad))
    uit = capsys.readouterr().out
    assert "tellingen ongewijzigd: 3" in uit and "Niets gewijzigd" in uit


def test_werkt_bestaande_telling_bij(swvs, csv_bestand, capsys):
    LeerlingtellingFactory(swv=swvs[0], categorie="bao", aantal=1)
    pad = csv_bestand("t.csv", ["swv,teldatum,categorie,aantal", "PO2707,2013-10-01,bao,5"])
    call_command("import_leerlingtellingen", str(pad))
    assert "tellingen bijgewerkt: 1" in capsys.readouterr().out
    assert Leerlingtelling.objects.get(swv=swvs[0]).aantal == 5


@pytest.mark.parametrize(
    "regel, melding",
    [
        ("PO9999,2013-10-01,bao,5", "bestaat niet"),
        ("XX2707,2013-10-01,bao,5", "geen code"),
        ("PO2707,2013-09-01,bao,5", "geen 1 oktober"),
        ("PO2707,1-10-2013,bao,5", "geen datum"),
        ("PO2707,2013-10-01,havo,5", "categorie 'havo' bestaat niet"),
        ("PO2707,2013-10-01,lwoo,5", "hoort niet bij sector PO"),
        ("PO2707,2013-10-01,bao,-5", "geen geheel getal"),
        ("PO2707,2013-10-01,bao,vijf", "geen geheel getal"),
        ("PO2707,2013-10-01,sbo,5", "staat ook op regel 2"),
    ],
)
def test_een_foute_regel_weigert_het_hele_bestand(swvs, csv_bestand, regel, melding):
    pad = csv_bestand(
        "t.csv",
        ["swv,teldatum,categorie,aantal", "PO2707,2013-10-01,sbo,7", regel],
    )
    with pytest.raises(CommandError) as fout:
        call_command("import_leerlingtellingen", str(pad))
    assert melding in str(fout.value)
    assert "niets ingelezen" in str(fout.value)
    assert not Leerlingtelling.objects.exists()


def test_verkeerde_kolommen_worden_geweigerd(swvs, csv_bestand):
    pad = csv_bestand("t.csv", ["swv,datum,aantal", "PO2707,2013-10-01,5"])
    with pytest.raises(CommandError, match="ontbrekend: categorie, teldatum"):
        call_command("import_leerlingtellingen", str(pad))


def test_ingelezen_tellingen_geven_de_deelnamepercentages(swvs, csv_bestand):
    from dashboards.selectors import deelname_per_swv

    pad = csv_bestand(
        "t.csv",
        [
            "swv,teldatum,categorie,aantal",
            "PO2707,2013-10-01,bao,970",
            "PO2707,2013-10-01,sbo,30",
            "PO2707,2013-10-01,so_cl34,20",
        ],
    )
    call_command("import_leerlingtellingen", str(pad))
    (regel,) = deelname_per_swv("PO")[swvs[0].pk]
    assert regel.teldatum == datetime.date(2013, 10, 1)
    assert regel.percentages["sbo"] == 3.0  # 30 / (970 + 30)
    assert regel.percentages["so_cl34"] == 2.0
