import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
import weasyprint

from passend.charts import SVG_NS, lijndiagram, staafdiagram
from tests.wachten import wis_eigen_cache

STAPPEN = ["Hoofdlijnennotitie opgesteld", "Concept-statuten opgesteld", "Rechtspersoon opgericht"]


def staaf():
    return staafdiagram(
        "Bestuurlijke inrichting",
        STAPPEN,
        {"po": [87, 38, 12], "vo": [87, 39, None]},
        maximum=100,
        kolomtitel="Stap",
    )


def lijn():
    return lijndiagram(
        "Thuiszitters per periode",
        ["nov 2015", "jan 2016", "mrt 2016"],
        {"totaal": [30, 28, 25], "langer dan 3 maanden": [10, None, 8]},
    )


@pytest.mark.parametrize("maak", [staaf, lijn])
def test_svg_kan_onder_een_strikte_csp_in_de_pagina(maak):
    svg = maak().svg
    assert "style=" not in svg
    assert "<style" not in svg
    assert "<script" not in svg
    assert "javascript:" not in svg
    assert not re.search(r"\son\w+=", svg)


@pytest.mark.parametrize("maak", [staaf, lijn])
def test_svg_is_deterministisch(maak):
    eerste = maak().svg
    wis_eigen_cache()  # draw it again, not from the cache
    assert maak().svg == eerste


@pytest.mark.parametrize("maak", [staaf, lijn])
def test_svg_heeft_een_naam_voor_hulptechnologie(maak):
    grafiek = maak()
    wortel = ET.fromstring(grafiek.svg)
    assert wortel.get("role") == "img"
    titel_id, beschrijving_id = wortel.get("aria-labelledby").split()
    titel = wortel.find(f"{{{SVG_NS}}}title")
    assert titel.get("id") == titel_id and titel.text == grafiek.titel
    beschrijving = wortel.find(f"{{{SVG_NS}}}desc")
    assert beschrijving.get("id") == beschrijving_id
    assert grafiek.titel in beschrijving.text


@pytest.mark.parametrize("maak", [staaf, lijn])
def test_elke_verwijzing_wijst_naar_een_id_van_deze_grafiek(maak):
    grafiek = maak()
    ids = set(re.findall(r'\sid="([^"]+)"', grafiek.svg))
    assert all(i.startswith(grafiek.id) for i in ids)
    verwijzingen = set(re.findall(r"url\(#([^)]+)\)", grafiek.svg)) | set(
        re.findall(r'href="#([^"]+)"', grafiek.svg)
    )
    assert verwijzingen <= ids


def test_staafdiagram_tabel_heeft_dezelfde_getallen():
    grafiek = staaf()
    assert grafiek.kolommen == ("Stap", "po", "vo")
    assert grafiek.rijen == (
        ("Hoofdlijnennotitie opgesteld", 87, 87),
        ("Concept-statuten opgesteld", 38, 39),
        ("Rechtspersoon opgericht", 12, None),
    )
    assert "Concept-statuten opgesteld: po 38%, vo 39%" in grafiek.beschrijving
    for tekst in ("87%", "38%", "39%", "12%"):
        assert f">{tekst}<" in grafiek.svg


def test_lijndiagram_tabel_heeft_dezelfde_getallen():
    grafiek = lijn()
    assert grafiek.kolommen == ("", "totaal", "langer dan 3 maanden")
    assert grafiek.rijen[1] == ("jan 2016", 28, None)


def test_twee_grafieken_op_een_pagina_delen_geen_id():
    een, twee = staaf(), lijn()
    ids_een = set(re.findall(r'\sid="([^"]+)"', een.svg))
    ids_twee = set(re.findall(r'\sid="([^"]+)"', twee.svg))
    assert not ids_een & ids_twee


def test_weasyprint_tekent_de_grafiek_als_vectoren_met_tekst(tmp_path):
    pdf = tmp_path / "grafiek.pdf"
    weasyprint.HTML(string=f"<html><body>{staaf().svg}</body></html>").write_pdf(pdf)
    tekst = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Rechtspersoon opgericht" in tekst
    assert "87%" in tekst


def test_svg_blijft_svg_als_een_andere_bibliotheek_een_prefix_registreerde():
    """WeasyPrint registers the prefix "svg" for the SVG namespace in ElementTree's global map;
    the chart must still start as <svg …>, or a browser would not draw it."""
    ET.register_namespace("svg", SVG_NS)
    try:
        wis_eigen_cache()
        grafiek = staaf()
    finally:
        ET.register_namespace("", SVG_NS)
    assert grafiek.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<svg:" not in grafiek.svg
