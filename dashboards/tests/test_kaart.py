"""The map from the real region table and gemeente shapes."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from dashboards import kaart
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory
from swv.models import Samenwerkingsverband
from swv.services.gemeenten import importeer_gemeentegrenzen
from swv.tests.factories import LeerlingtellingFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


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


def pad_van(k, swv) -> str:
    wortel = ET.fromstring(k.svg)
    return next(
        p.get("d")
        for p in wortel.iter(f"{SVG}path")
        if p[0].text.startswith(f"{swv.weergavecode} ")
    )


def test_een_nieuwe_import_van_de_gemeentegrenzen_staat_meteen_op_de_kaart(
    nederland, maak_gebruiker, referentiedata, tmp_path, django_assert_max_num_queries
):
    import json

    from swv.models import Gemeente

    am = maak_gebruiker("accountmanager")
    peildatum = datetime.date(2014, 1, 1)
    eerst = kaart.kaart("PO", peildatum, "status", am)
    with django_assert_max_num_queries(8):  # from the cache: no shapes read, none dissolved
        assert kaart.kaart("PO", peildatum, "status", am).svg == eerst.svg

    # The same file with Texel moved into the sea west of it, imported again.
    data = json.loads((referentiedata / "gemeenten-2015.geojson").read_text(encoding="utf-8"))
    texel = next(f for f in data["features"] if f["properties"]["statnaam"] == "Texel")
    texel["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[3.0, 53.0], [3.1, 53.0], [3.1, 53.1], [3.0, 53.1], [3.0, 53.0]]],
    }
    bestand = tmp_path / "gemeenten-2016.geojson"
    bestand.write_text(json.dumps(data), encoding="utf-8")
    importeer_gemeentegrenzen(bestand)

    daarna = kaart.kaart("PO", peildatum, "status", am)
    assert daarna.svg != eerst.svg
    houder = next(r[0] for r in daarna.tabel.rijen if "Texel" in r[3])
    assert pad_van(daarna, houder) != pad_van(eerst, houder)

    # A gemeente renamed in the reference data is named anew in the table at once too.
    Gemeente.objects.filter(naam="Texel").update(naam="Texel (eiland)")
    hernoemd = kaart.kaart("PO", peildatum, "status", am)
    assert any("Texel (eiland)" in r[3] for r in hernoemd.tabel.rijen)
