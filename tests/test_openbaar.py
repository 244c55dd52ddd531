"""The public progress page (ADR 0083): anyone reads the country's figures without logging in;
a count under five is "< 5" on the page and in every download; no SWV is named; a repeated
visit comes from the cache, and a change to the data shows at once."""

import datetime
import json
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ondersteuningsplan.models import Stap
from ondersteuningsplan.services import registreer_feit
from ondersteuningsplan.tests.factories import SwvFactory
from swv.tests.factories import LeerlingtellingFactory

pytestmark = pytest.mark.django_db

D = datetime.date
PEILDATUM = "2014-02-01"


@pytest.fixture
def land():
    """Seven po SWVs founded on time, three vo SWVs founded: three is under five."""
    po = [SwvFactory(code=f"PO10{i:02d}", opgericht=True) for i in range(7)]
    vo = [SwvFactory(code=f"VO20{i:02d}", vo=True, opgericht=True) for i in range(3)]
    return po, vo


def test_anyone_reads_the_countrys_progress_with_small_counts_hidden(client, land):
    pagina = client.get("/openbaar/", {"peildatum": PEILDATUM})
    assert pagina.status_code == 200
    tekst = unescape(pagina.content.decode())
    assert "Voortgang passend onderwijs" in tekst
    assert "Primair onderwijs: behaald (van 7)" in tekst
    assert "Voortgezet onderwijs: behaald (van < 5)" in tekst  # the total is a count too
    assert "PO10" not in tekst and "VO20" not in tekst  # no SWV is named
    rij = next(r for r in pagina.context["tabellen"]["mijlpalen"].rijen if "rechtspersoon" in r[0])
    assert rij[2:] == [7, "< 5"]

    csv = client.get("/openbaar/mijlpalen.csv", {"peildatum": PEILDATUM})
    assert csv["Content-Type"].startswith("text/csv")
    regel = next(r for r in csv.content.decode("utf-8-sig").splitlines() if "rechtspersoon" in r)
    assert regel.split(";")[2:] == ["7", "< 5"]
    data = json.loads(client.get("/openbaar/mijlpalen.json", {"peildatum": PEILDATUM}).content)
    assert data["peildatum"] == PEILDATUM
    assert next(r for r in data["rijen"] if "rechtspersoon" in r[0])[2:] == [7, "< 5"]
    for getal in (1, 2, 3, 4):  # no download holds a count under five
        assert not any(isinstance(w, int) and w == getal for r in data["rijen"] for w in r[2:])


def test_a_repeated_visit_comes_from_the_cache_and_a_change_shows_at_once(client, land):
    client.get("/openbaar/", {"peildatum": PEILDATUM})
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/openbaar/", {"peildatum": PEILDATUM}).status_code == 200
    assert len(queries) == 2  # the state of the data, and the SWVs that published

    for code in ("VO2098", "VO2099"):  # two more vo SWVs founded: five, shown as five
        registreer_feit(
            swv=SwvFactory(code=code, vo=True),
            stap=Stap.RECHTSPERSOON_OPGERICHT,
            datum=D(2013, 10, 1),
            door=None,
            rechtsvorm="stichting",
        )
    tabel = client.get("/openbaar/", {"peildatum": PEILDATUM}).context["tabellen"]["mijlpalen"]
    assert tabel.kolommen[3] == "Voortgezet onderwijs: behaald (van 5)"
    assert next(r for r in tabel.rijen if "rechtspersoon" in r[0])[3] == 5


def test_the_trend_of_deelname_is_shares_only(client, land):
    po, _ = land
    for teldatum, sbo in ((D(2012, 10, 1), 30), (D(2013, 10, 1), 25)):
        LeerlingtellingFactory(swv=po[0], teldatum=teldatum, categorie="bao", aantal=975)
        LeerlingtellingFactory(swv=po[0], teldatum=teldatum, categorie="sbo", aantal=sbo)
    data = json.loads(client.get("/openbaar/deelname-po.json", {"peildatum": PEILDATUM}).content)
    assert data["kolommen"][:2] == ["Teldatum", "sbo (%)"]
    assert [r[:2] for r in data["rijen"]] == [
        ["2013-10-01", 2.5],
        ["2012-10-01", 2.99],
    ]  # sbo / (bao + sbo)
    assert "Leerlingen in de basis" not in client.get("/openbaar/").content.decode()


def test_wrong_input_gets_a_dutch_answer(client, land):
    fout = client.get("/openbaar/", {"peildatum": "gisteren"})
    assert fout.status_code == 400
    assert "is geen datum" in unescape(fout.content.decode())
    assert client.get("/openbaar/onbekend.csv").status_code == 404
    assert client.get("/openbaar/mijlpalen.xlsx").status_code == 404


def test_the_op_cycles_are_counted_per_sector_with_small_counts_hidden(client, land):
    """No SWV of the fixture adopted a plan: on 1 June 2014 the first cycle is not met by any;
    the second cycle is not there yet."""
    pagina = client.get("/openbaar/", {"peildatum": "2014-06-01"})
    tabel = pagina.context["tabellen"]["op-cycli"]
    assert tabel.kolommen[2:5] == [
        "Primair onderwijs: op tijd",
        "Primair onderwijs: te laat",
        "Primair onderwijs: nog niet of niet behaald",
    ]
    assert tabel.rijen == [["1e plan", "01-05-2014", "< 5", "< 5", 7, "< 5", "< 5", "< 5"]]
    assert "Ondersteuningsplannen per OP-cyclus" in unescape(pagina.content.decode())
    data = json.loads(client.get("/openbaar/op-cycli.json", {"peildatum": "2014-06-01"}).content)
    assert data["rijen"] == [["1e plan", "01-05-2014", "< 5", "< 5", 7, "< 5", "< 5", "< 5"]]
