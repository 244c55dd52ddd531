"""Groups of SWVs the ministry follows apart (ADR 0080): kept by the beheerder with validity
dates, a filter on the monitor with the group's figures beside the national ones (and in its
exports), and in the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Rol
from ondersteuningsplan.models import Stap
from ondersteuningsplan.tests.factories import FeitFactory
from swv.models import Groepering, Groeperingslid, Sector
from swv.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def land():
    """Four po SWVs, two of them founded by 1 November 2013; the group holds one founded and
    one not from 1 September 2013 until 2015, and a third only from 2016."""
    swvs = [
        SamenwerkingsverbandFactory(code=f"PO{i:04d}", naam=f"SWV {i}", sector=Sector.PO)
        for i in range(1, 5)
    ]
    for swv in swvs[:2]:
        FeitFactory(swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2013, 10, 1))
    groep = Groepering.objects.create(naam="Voorlopers", omschrijving="Onderwijs en jeugd")
    for swv, van, tot in (
        (swvs[0], D(2013, 9, 1), D(2015, 1, 1)),
        (swvs[2], D(2013, 9, 1), D(2015, 1, 1)),
        (swvs[3], D(2016, 1, 1), None),
    ):
        Groeperingslid.objects.create(groepering=groep, swv=swv, geldig_van=van, geldig_tot=tot)
    return swvs, groep


def test_the_beheerder_keeps_a_group_with_its_swvs_and_their_dates(client, maak_gebruiker, land):
    swvs, _ = land
    client.force_login(maak_gebruiker(Rol.BEHEERDER))
    gegevens = {
        "naam": "Afwijkende lwoo-criteria",
        "omschrijving": "Uit de landelijke criteria gestapt.",
        "leden-TOTAL_FORMS": "2",
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "1000",
        "leden-0-swv": swvs[1].pk,
        "leden-0-geldig_van": "2016-08-01",
        "leden-0-geldig_tot": "",
        "leden-1-swv": swvs[2].pk,
        "leden-1-geldig_van": "2016-08-01",
        "leden-1-geldig_tot": "2016-01-01",
    }
    fout = client.post("/beheer/swv/groepering/add/", gegevens)
    assert fout.status_code == 200
    assert "Geldig tot past niet bij geldig van." in fout.content.decode()
    assert not Groepering.objects.filter(naam="Afwijkende lwoo-criteria").exists()

    gegevens["leden-1-geldig_tot"] = "2018-08-01"
    assert client.post("/beheer/swv/groepering/add/", gegevens).status_code == 302
    groep = Groepering.objects.get(naam="Afwijkende lwoo-criteria")
    assert groep.leden.count() == 2
    lijst = client.get("/beheer/swv/groepering/").content.decode()
    assert "Afwijkende lwoo-criteria" in lijst

    # the same SWV twice in one period is refused, in Dutch
    dubbel = Groeperingslid(groepering=groep, swv=swvs[1], geldig_van=D(2017, 1, 1))
    with pytest.raises(ValidationError, match="al lid van deze groep"):
        dubbel.full_clean()


def test_other_roles_cannot_change_groups(client, maak_gebruiker, land):
    for rol in (Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE):
        client.force_login(maak_gebruiker(rol))
        assert client.get("/beheer/swv/groepering/add/").status_code == 302


def test_the_monitor_shows_the_groups_figures_beside_the_national_ones(client_als, land):
    _, groep = land
    client = client_als(Rol.ACCOUNTMANAGER)
    pagina = client.get(f"/dashboards/monitor/?peildatum=2014-02-01&groep={groep.pk}")
    tekst = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Groep <strong>Voorlopers</strong>: 2 samenwerkingsverbanden op 1 februari 2014" in tekst
    # national: 2 of 4 founded; the group: 1 of its 2 then
    csv = client.get(
        f"/dashboards/monitor/export/opgericht.csv?peildatum=2014-02-01&groep={groep.pk}"
    ).content.decode("utf-8-sig")
    regels = csv.splitlines()
    assert regels[0] == "Sector;Opgericht;Totaal;Opgericht in Voorlopers;Totaal in Voorlopers"
    assert regels[1] == "Primair onderwijs;2;4;1;2"
    stappen = client.get(
        f"/dashboards/monitor/export/monitor-bestuur.csv?peildatum=2014-02-01&groep={groep.pk}"
    ).content.decode("utf-8-sig")
    kop, *rijen = stappen.splitlines()
    assert kop.split(";")[3:5] == ["po Voorlopers (%)", "vo Voorlopers (%)"]
    rechtspersoon = next(r for r in rijen if r.startswith("Rechtspersoon opgericht"))
    assert rechtspersoon.split(";")[1] == "50,0" and rechtspersoon.split(";")[3] == "50,0"
    # who is late and the matrix hold the group's SWVs only, on the peildatum
    matrix = client.get(
        f"/dashboards/monitor/export/matrix.csv?peildatum=2014-02-01&groep={groep.pk}"
    ).content.decode("utf-8-sig")
    assert {r.split(";")[0] for r in matrix.splitlines()[1:]} == {"PO 00-01", "PO 00-03"}
    later = client.get(
        f"/dashboards/monitor/export/matrix.csv?peildatum=2016-06-01&groep={groep.pk}"
    ).content.decode("utf-8-sig")
    assert {r.split(";")[0] for r in later.splitlines()[1:]} == {"PO 00-04"}

    zonder = client.get("/dashboards/monitor/?peildatum=2014-02-01").content.decode()
    assert "Alle samenwerkingsverbanden" in zonder and "Groep <strong>" not in zonder
    fout = client.get("/dashboards/monitor/?groep=999999")
    assert fout.status_code == 400
    assert "Kies een groep uit de lijst" in fout.content.decode()
    assert client.get("/dashboards/monitor/?groep=abc").status_code == 400
    assert client.get("/dashboards/monitor/?groep=99999999999999999999999").status_code == 400


def test_the_portfolio_holds_the_groups_swvs_on_the_peildatum(client_als, land):
    _, groep = land
    client = client_als(Rol.INSPECTIE)  # the inspecteur's portfolio is every SWV
    csv = client.get(
        f"/dashboards/portefeuille/export/portefeuille.csv?peildatum=2014-02-01&groep={groep.pk}"
    ).content.decode("utf-8-sig")
    assert sorted(r.split(";")[0] for r in csv.splitlines()[1:]) == ["PO 00-01", "PO 00-03"]
    pagina = client.get(f"/dashboards/?peildatum=2014-02-01&groep={groep.pk}")
    assert "Alleen de samenwerkingsverbanden in de groep <strong>Voorlopers</strong>" in (
        pagina.content.decode()
    )
    assert client.get("/dashboards/?groep=999999").status_code == 400


def test_the_api_lists_the_groups_and_filters_the_swvs_on_the_peildatum(
    api_als, maak_gebruiker, land
):
    swvs, groep = land
    client = api_als(Rol.INSPECTIE)
    [item] = client.get("/api/v1/groeperingen").json()["resultaten"]
    assert item["naam"] == "Voorlopers"
    assert item["samenwerkingsverbanden"][0] == {
        "samenwerkingsverband": "PO0001",
        "geldigVan": "2013-09-01",
        "geldigTot": "2015-01-01",
    }
    codes = [
        s["code"]
        for s in client.get(
            "/api/v1/samenwerkingsverbanden", {"groep": groep.pk, "peildatum": "2014-02-01"}
        ).json()["resultaten"]
    ]
    assert codes == ["PO0001", "PO0003"]
    for onbekend in (999999, 99999999999999999999999, "abc"):
        fout = client.get("/api/v1/samenwerkingsverbanden", {"groep": onbekend})
        assert fout.status_code == 400, onbekend
    assert fout["Content-Type"] == "application/problem+json"

    coordinator = api_als(maak_gebruiker(Rol.COORDINATOR, swvs=[swvs[2]]))
    [eigen] = coordinator.get("/api/v1/groeperingen").json()["resultaten"]
    assert [lid["samenwerkingsverband"] for lid in eigen["samenwerkingsverbanden"]] == ["PO0003"]
