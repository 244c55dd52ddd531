"""One SWV's participation beside its sector, its neighbours and SWVs of its size
(`/samenwerkingsverbanden/<code>/leerlingen/`): the numbers, who is compared, who may read it."""

import datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Rol
from dashboards import vergelijking
from swv.models import Regiotoewijzing, Samenwerkingsverband, Sector
from swv.tests.factories import GemeenteFactory, LeerlingtellingFactory, swv_met_regio

pytestmark = pytest.mark.django_db

D = datetime.date
TELDATA = (D(2013, 10, 1), D(2014, 10, 1))


@pytest.fixture
def po():
    """Eight po SWVs; PO0001 and PO0002 share a gemeente; the bases grow with the number, so
    PO0001 and PO0002 make the smallest quarter. PO0001's heavy support falls towards the
    national share from the first teldatum to the second."""
    gedeeld = GemeenteFactory(naam="Gedeelde gemeente")
    swvs = [
        swv_met_regio(
            gemeente=gedeeld if i <= 2 else None,
            pc4s=(f"{1000 + i}",),
            code=f"PO{i:04d}",
            naam=f"SWV {i}",
            sector=Sector.PO,
        )
        for i in range(1, 9)
    ]
    for i, swv in enumerate(swvs, start=1):
        for teldatum in TELDATA:
            zwaar = 40 if (i == 1 and teldatum == TELDATA[0]) else (30 if i == 1 else 20)
            for categorie, aantal in (("bao", 1000 * i), ("so_cl34", zwaar)):
                LeerlingtellingFactory(
                    swv=swv, teldatum=teldatum, categorie=categorie, aantal=aantal
                )
    return swvs


def test_the_comparisons_state_their_swvs_and_sum_their_counts(po):
    v = vergelijking.vergelijk(po[0], D(2015, 1, 1))
    land, buren, omvang = v.vergelijkingen
    assert [s.code for s in buren.swvs] == ["PO0002"]
    assert [s.code for s in omvang.swvs] == ["PO0002"]  # the smallest quarter, without itself
    assert len(land.swvs) == 8
    assert "Gedeelde" not in buren.uitleg and "een deel van een van zijn gemeenten" in buren.uitleg
    assert "basis van 1.000 tot en met 2.000 leerlingen" in omvang.uitleg
    # the country on the last teldatum: 36.000 in bao, 30 + 7 times 20 = 170 in heavy support
    assert land.reeks[TELDATA[1]].basis == 36_000
    assert land.reeks[TELDATA[1]].aantallen["so_cl34"] == 170
    # PO0001: 3,00% against 0,47%: above, but nearer than the 4,00% of the year before
    assert vergelijking.vereveningszin(v) == (
        "Negatieve verevening (boven het landelijk gemiddelde): 3,00% tegen 0,47% landelijk. "
        "Op de teldatum ervoor was het verschil +3,50 pp, nu +2,53 pp: het verschil met het "
        "landelijk gemiddelde wordt kleiner."
    )
    # a peildatum before the second teldatum reads the first alone
    eerder = vergelijking.vergelijk(po[0], D(2014, 2, 1))
    assert eerder.teldata == [TELDATA[0]]
    assert eerder.richting is None


def test_the_coordinator_reads_their_own_swv_and_downloads_its_tables(client, maak_gebruiker, po):
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[po[0]]))
    pagina = unescape(client.get("/samenwerkingsverbanden/PO0001/leerlingen/").content.decode())
    assert "Verevening op 1 oktober 2014" in pagina
    assert "Buren (1 samenwerkingsverband)" in pagina
    assert "Vergelijkbare omvang (1 samenwerkingsverband)" in pagina
    assert 'aria-current="page">Leerlingen</a>' in pagina
    csv = client.get(
        "/samenwerkingsverbanden/PO0001/leerlingen/export/zware-ondersteuning.csv"
    ).content.decode("utf-8-sig")
    kop, laatste, eerste = csv.splitlines()
    assert kop.split(";")[:5] == [
        "Teldatum", "PO 00-01", "Landelijk (po)", "Buren", "Vergelijkbare omvang",
    ]  # fmt: skip
    assert laatste.split(";")[:6] == ["01-10-2014", "3,0", "0,47", "1,0", "1,0", "2,53"]
    assert eerste.split(";")[1] == "4,0"

    # another SWV's page and a guessed code look the same: not found
    assert client.get("/samenwerkingsverbanden/PO0002/leerlingen/").status_code == 404
    assert client.get("/samenwerkingsverbanden/PO9999/leerlingen/").status_code == 404
    assert (
        client.get(
            "/samenwerkingsverbanden/PO0002/leerlingen/export/zware-ondersteuning.csv"
        ).status_code
        == 404
    )
    fout = client.get("/samenwerkingsverbanden/PO0001/leerlingen/?peildatum=gisteren")
    assert fout.status_code == 400
    assert "is geen datum; schrijf die als JJJJ-MM-DD" in unescape(fout.content.decode())
    assert (
        client.get("/samenwerkingsverbanden/PO0001/leerlingen/export/onbekend.csv").status_code
        == 404
    )


@pytest.mark.parametrize("rol", [Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER])
def test_the_roles_that_read_every_swv_read_it(client_als, po, rol):
    assert client_als(rol).get("/samenwerkingsverbanden/PO0003/leerlingen/").status_code == 200


def test_a_visitor_must_log_in(client, po):
    antwoord = client.get("/samenwerkingsverbanden/PO0001/leerlingen/")
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord.url


def test_the_page_takes_the_same_queries_for_more_swvs(client_als, po):
    client = client_als(Rol.ACCOUNTMANAGER)

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/samenwerkingsverbanden/PO0001/leerlingen/").status_code == 200
        return len(queries)

    voor = tel()
    for i in range(9, 30):
        swv = swv_met_regio(pc4s=(f"{1000 + i}",), code=f"PO{i:04d}", sector=Sector.PO)
        LeerlingtellingFactory(swv=swv, teldatum=TELDATA[1], categorie="bao", aantal=500)
    assert tel() == voor <= 12


def test_neighbours_on_the_real_region_table_share_a_gemeente(nederland):
    peildatum = D(2014, 8, 1)
    regio = Regiotoewijzing.objects.geldig_op(peildatum)
    gemeenten = {}
    for swv_id, gemeente_id in regio.values_list("swv_id", "postcodegebied__gemeente_id"):
        gemeenten.setdefault(swv_id, set()).add(gemeente_id)
    met_buren = 0
    for swv in Samenwerkingsverband.objects.all():
        buren = vergelijking.buren(swv, peildatum)
        verwacht = {
            ander.pk
            for ander in Samenwerkingsverband.objects.filter(sector=swv.sector).exclude(pk=swv.pk)
            if gemeenten.get(ander.pk, set()) & gemeenten.get(swv.pk, set())
        }
        assert set(buren) == verwacht, swv.code
        met_buren += bool(buren)
    assert met_buren >= 2
    # Rotterdam lies in more than one po region: each is the others' neighbour
    rotterdam = set(
        regio.filter(sector="PO", postcodegebied__gemeente__naam="Rotterdam").values_list(
            "swv_id", flat=True
        )
    )
    assert len(rotterdam) >= 2
    for pk in rotterdam:
        swv = Samenwerkingsverband.objects.get(pk=pk)
        assert rotterdam - {pk} <= set(vergelijking.buren(swv, peildatum))


@pytest.mark.parametrize("aantal", [1, 2, 3, 5, 8, 9])
def test_every_swv_falls_in_a_size_band_however_few_there_are(aantal):
    """With fewer SWVs than bands, some bands are empty, but never the SWV's own."""
    per_swv = {(i, TELDATA[0]): deelname_van(1000 * i) for i in range(1, aantal + 1)}
    banden = [vergelijking._omvangband(per_swv, i, TELDATA[0]) for i in range(1, aantal + 1)]
    for i, band in enumerate(banden, start=1):
        assert i in band
    assert sorted(i for band in {tuple(b) for b in banden} for i in band) == list(
        range(1, aantal + 1)
    )


def deelname_van(basis: int):
    from swv.deelname import Deelname

    return Deelname(Sector.PO, TELDATA[0], {"bao": basis})
