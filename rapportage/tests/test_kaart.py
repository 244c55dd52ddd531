"""The map from the real region table and gemeente shapes."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory
from rapportage import kaart
from swv.models import Samenwerkingsverband
from swv.services.gemeenten import importeer_gemeentegrenzen
from swv.services.regio import importeer_regio_indeling
from swv.tests.factories import LeerlingtellingFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def nederland(referentiedata):
    importeer_regio_indeling(referentiedata / "regio-indeling-2013.csv")
    importeer_gemeentegrenzen(referentiedata / "gemeenten-2015.geojson")
    cache.clear()


def test_een_regio_per_swv_met_titel_en_tabel(nederland, maak_gebruiker):
    am = maak_gebruiker("accountmanager")
    haarlem = Samenwerkingsverband.objects.get(code="PO2704")
    FeitFactory(swv=haarlem, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=datetime.date(2013, 6, 1))
    _, mijlpalen = kaart.kies_mijlpaal("PO", datetime.date(2013, 11, 2))
    opgericht = next(m for m in mijlpalen if m.stappen == [Stap.RECHTSPERSOON_OPGERICHT])
    k = kaart.kaart("PO", datetime.date(2013, 11, 2), "status", am, opgericht)

    wortel = ET.fromstring(k.svg)
    assert wortel.get("role") == "img"
    regios = [p for p in wortel.iter(f"{SVG}path") if "gesplitste gemeente" not in p[0].text]
    assert len(regios) == 76 == len(k.tabel.rijen)
    titels = {p[0].text.split(" ")[0] + " " + p[0].text.split(" ")[1] for p in regios}
    assert "PO 27-04" in titels
    haarlem_pad = next(p for p in regios if p[0].text.startswith("PO 27-04"))
    assert haarlem_pad.get("fill") == kaart.STATUSKLEUREN["behaald"]
    andere = next(p for p in regios if p[0].text.startswith("PO 27-07"))
    assert andere.get("fill") == kaart.STATUSKLEUREN["gemist"]
    rij = next(r for r in k.tabel.rijen if r[0] == haarlem)
    assert rij[2] == "Behaald" and "Haarlem" in rij[3]
    assert "style" not in k.svg


def test_gesplitste_gemeente_valt_in_de_swv_met_de_meeste_postcodes_en_is_gemarkeerd(
    nederland, maak_gebruiker
):
    am = maak_gebruiker("accountmanager")
    k = kaart.kaart("VO", datetime.date(2014, 1, 1), "status", am)
    per_gemeente = kaart.toewijzing("VO", datetime.date(2014, 1, 1))
    from swv.models import Gemeente

    tynaarlo = Gemeente.objects.get(naam="Tynaarlo")
    tellingen = per_gemeente[tynaarlo.pk]
    assert len(tellingen) == 2
    houder = Samenwerkingsverband.objects.get(pk=tellingen.most_common(1)[0][0])
    rij = next(r for r in k.tabel.rijen if r[0] == houder)
    assert "Tynaarlo" in rij[3] and "Tynaarlo" in rij[4]
    for r in k.tabel.rijen:
        if r[0] != houder:
            assert "Tynaarlo" not in r[3]
    assert re.search(r"<title>Tynaarlo: gesplitste gemeente</title>", k.svg)
    assert sum(1 for r in k.tabel.rijen if r[4]) >= 5


def test_verevening_kleurt_boven_en_onder_het_gemiddelde(nederland, maak_gebruiker):
    am = maak_gebruiker("accountmanager")
    laag, hoog = Samenwerkingsverband.objects.filter(sector="PO")[:2]
    for swv, zwaar in ((laag, 10), (hoog, 50)):
        LeerlingtellingFactory(swv=swv, categorie="bao", aantal=1000)
        LeerlingtellingFactory(swv=swv, categorie="so_cl34", aantal=zwaar)
    k = kaart.kaart("PO", datetime.date(2014, 1, 1), "verevening", am)
    rijen = {r[0]: r[2] for r in k.tabel.rijen}
    assert rijen[laag].startswith("Positieve") and rijen[hoog].startswith("Negatieve")
    assert sum(1 for w in rijen.values() if w == "Geen leerlingcijfers") == 74
    # before the first teldatum there are no figures at all
    eerder = kaart.kaart("PO", datetime.date(2013, 9, 1), "verevening", am)
    assert {r[2] for r in eerder.tabel.rijen} == {"Geen leerlingcijfers"}
