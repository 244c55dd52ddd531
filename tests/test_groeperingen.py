"""Groups of SWVs the ministry follows apart (ADR 0080): kept by the beheerder with validity
dates, a filter on every dashboard with the group's figures beside the national ones (and in
their exports), and in the API; a series counts each point with the members of its own day."""

import datetime
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Rol
from ondersteuningsplan.models import Stap
from ondersteuningsplan.tests.factories import FeitFactory
from swv.models import Groepering, Groeperingslid, Sector
from swv.tests.factories import LeerlingtellingFactory, SamenwerkingsverbandFactory
from toezicht.models import Duur, Verzuimsoort
from toezicht.services import registreer_thuiszitters
from toezicht.tests.factories import ronde

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


@pytest.fixture
def tellingen(land):
    """Pupils on two teldata: the group's share of sbo differs from the country's, and the
    group holds SWV 1 and 3 on the first teldatum and SWV 4 on the second."""
    swvs, _ = land
    for teldatum in (D(2013, 10, 1), D(2016, 10, 1)):
        for swv, sbo in zip(swvs, (60, 10, 20, 10), strict=True):
            LeerlingtellingFactory(swv=swv, teldatum=teldatum, categorie="bao", aantal=1000)
            LeerlingtellingFactory(swv=swv, teldatum=teldatum, categorie="sbo", aantal=sbo)
    return land


def _csv(client, pad: str) -> list[list[str]]:
    antwoord = client.get(pad)
    assert antwoord.status_code == 200, antwoord.content.decode()[:500]
    return [r.split(";") for r in antwoord.content.decode("utf-8-sig").splitlines()]


def test_the_pupils_dashboard_shows_the_groups_series_with_the_members_of_each_teldatum(
    client_als, tellingen
):
    _, groep = tellingen
    client = client_als(Rol.ACCOUNTMANAGER)
    pagina = unescape(client.get(f"/dashboards/leerlingen/?groep={groep.pk}").content.decode())
    assert "Groep 'Voorlopers', po: deelnamepercentages (%)" in pagina
    assert "Deelnamepercentages po in de groep 'Voorlopers' per teldatum" in pagina
    # 2013: SWV 1 and 3, (60 + 20) / 2080; 2016: SWV 4 alone, 10 / 1010; the country 100 / 4100
    kop, *rijen = _csv(
        client, f"/dashboards/leerlingen/export/deelname-groep-percentages-po.csv?groep={groep.pk}"
    )
    assert kop[:3] == ["Teldatum", "Leerlingen in de basis", "sbo"]
    assert [r[:3] for r in rijen] == [
        ["01-10-2016", "1010", "0,99"],
        ["01-10-2013", "2080", "3,85"],
    ]
    land_ = _csv(client, "/dashboards/leerlingen/export/deelname-landelijk-percentages-po.csv")
    assert land_[1][:3] == ["01-10-2016", "4100", "2,44"]
    # the table per SWV holds the members on the chosen teldatum
    per_swv = _csv(
        client,
        "/dashboards/leerlingen/export/deelname-swv-percentages-po.csv"
        f"?groep={groep.pk}&teldatum=2013-10-01",
    )
    assert [r[0] for r in per_swv[1:]] == ["PO 00-01", "PO 00-03"]
    alle = _csv(client, "/dashboards/leerlingen/export/deelname-swv-percentages-po.csv")
    assert len(alle) == 5
    assert client.get("/dashboards/leerlingen/?groep=999999").status_code == 400


def test_the_thuiszitters_dashboard_counts_each_round_with_the_members_of_that_round(
    client_als, land
):
    swvs, groep = land
    eind_2014 = ronde(D(2014, 11, 1), D(2014, 12, 31))
    begin_2016 = ronde(D(2016, 1, 1), D(2016, 2, 29))
    for r, swv, aantal, geschorst in (
        (eind_2014, swvs[0], 2, 1),
        (eind_2014, swvs[1], 5, 4),
        (eind_2014, swvs[2], 1, 0),
        (begin_2016, swvs[0], 3, 2),
        (begin_2016, swvs[3], 4, 3),
    ):
        registreer_thuiszitters(
            swv=swv,
            ronde=r,
            aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): aantal},
            schorsingen={("bao", "kort"): geschorst},
            door=None,
        )
    client = client_als(Rol.ACCOUNTMANAGER)
    pagina = unescape(client.get(f"/dashboards/thuiszitters/?groep={groep.pk}").content.decode())
    assert "Thuiszitters in de groep 'Voorlopers' per periode" in pagina
    groepsrondes = _csv(
        client, f"/dashboards/thuiszitters/export/thuiszitters-groep.csv?groep={groep.pk}"
    )
    # 2016: SWV 4 alone (SWV 1 left the group in 2015); 2014: SWV 1 and 3, both in
    assert [(r[0], r[2]) for r in groepsrondes[1:]] == [
        ("01-01-2016", "compleet: 1 van 1 samenwerkingsverbanden"),
        ("01-11-2014", "compleet: 2 van 2 samenwerkingsverbanden"),
    ]
    totaal = groepsrondes[0].index("Totaal")
    assert [r[totaal] for r in groepsrondes[1:]] == ["4", "3"]
    landelijk = _csv(
        client, f"/dashboards/thuiszitters/export/thuiszitters-perioden.csv?groep={groep.pk}"
    )
    assert [r[totaal] for r in landelijk[1:]] == ["7", "8"]
    per_swv = _csv(
        client,
        f"/dashboards/thuiszitters/export/thuiszitters-swv.csv?groep={groep.pk}&periode=2014-11-01",
    )
    assert [r[0] for r in per_swv[1:]] == ["PO 00-01", "PO 00-03"]
    schorsingen = _csv(
        client, f"/dashboards/thuiszitters/export/schorsingen-perioden.csv?groep={groep.pk}"
    )
    assert [r[-1] for r in schorsingen[1:]] == ["3", "1"]
    assert client.get("/dashboards/thuiszitters/?groep=abc").status_code == 400


def test_the_api_collections_follow_the_group_on_each_rows_own_date(api_als, tellingen):
    _, groep = tellingen
    client = api_als(Rol.INSPECTIE)
    rijen = client.get("/api/v1/leerlingtellingen", {"groep": groep.pk}).json()["resultaten"]
    assert sorted({(t["samenwerkingsverband"], t["teldatum"]) for t in rijen}) == [
        ("PO0001", "2013-10-01"),
        ("PO0003", "2013-10-01"),
        ("PO0004", "2016-10-01"),
    ]
    percentages = client.get(
        "/api/v1/deelnamepercentages", {"groep": groep.pk, "teldatum": "2013-10-01"}
    ).json()
    assert [p["samenwerkingsverband"] for p in percentages["resultaten"]] == ["PO0001", "PO0003"]
    reeks = client.get("/api/v1/deelnamepercentages/landelijk", {"groep": groep.pk}).json()
    assert [(p["teldatum"], p["basis"]) for p in reeks["resultaten"]] == [
        ("2013-10-01", 2080),
        ("2016-10-01", 1010),
    ]
    for pad in (
        "/api/v1/leerlingtellingen",
        "/api/v1/deelnamepercentages",
        "/api/v1/deelnamepercentages/landelijk",
        "/api/v1/thuiszitterregistraties",
        "/api/v1/thuiszittercijfers",
    ):
        for onbekend in (999999, 99999999999999999999999, "abc"):
            fout = client.get(pad, {"groep": onbekend})
            assert fout.status_code == 400, (pad, onbekend)
            assert fout["Content-Type"] == "application/problem+json"


def test_the_api_thuiszitter_figures_follow_the_group_per_round(api_als, land):
    swvs, groep = land
    eind_2014 = ronde(D(2014, 11, 1), D(2014, 12, 31))
    for swv, aantal in ((swvs[0], 2), (swvs[1], 5)):
        registreer_thuiszitters(
            swv=swv,
            ronde=eind_2014,
            aantallen={(Verzuimsoort.ABSOLUUT, Duur.LANG, False): aantal},
            door=None,
        )
    client = api_als(Rol.INSPECTIE)
    registraties = client.get("/api/v1/thuiszitterregistraties", {"groep": groep.pk}).json()
    assert [r["samenwerkingsverband"] for r in registraties["resultaten"]] == ["PO0001"]
    [cijfers] = client.get("/api/v1/thuiszittercijfers", {"groep": groep.pk}).json()
    assert (cijfers["ingediend"], cijfers["verwacht"]) == (1, 2)


def test_the_map_colours_the_groups_members_and_draws_the_rest_grey(nederland, client_als):
    from dashboards import kaart
    from swv.models import Samenwerkingsverband

    groep = Groepering.objects.create(naam="Twee in Noord-Holland")
    for code in ("PO2704", "PO2707"):
        Groeperingslid.objects.create(
            groepering=groep,
            swv=Samenwerkingsverband.objects.get(code=code),
            geldig_van=D(2013, 9, 1),
        )
    client = client_als(Rol.ACCOUNTMANAGER)
    pagina = unescape(
        client.get(f"/dashboards/kaart/?peildatum=2013-11-02&groep={groep.pk}").content.decode()
    )
    assert "alleen de groep 'Twee in Noord-Holland'" in pagina
    assert "Niet in de groep (74)" in pagina
    assert pagina.count(f'fill="{kaart.BUITEN_GROEP[0]}" stroke="#1e2f44" stroke-width="0.6"') == 74
    rijen = _csv(
        client, f"/dashboards/kaart/export/kaart.csv?peildatum=2013-11-02&groep={groep.pk}"
    )
    assert [r[0] for r in rijen[1:]] == ["PO 27-04", "PO 27-07"]
    # before the group began, no region is coloured
    eerder = unescape(
        client.get(f"/dashboards/kaart/?peildatum=2013-08-01&groep={groep.pk}").content.decode()
    )
    assert "Niet in de groep (76)" in eerder
    assert client.get("/dashboards/kaart/?groep=999999").status_code == 400


def test_the_api_monitor_and_findings_take_a_group(api_als, land):
    from toezicht.tests.factories import RisicoindicatorFactory, SignaalFactory

    swvs, groep = land
    client = api_als(Rol.INSPECTIE)
    [po] = client.get(
        "/api/v1/monitor", {"groep": groep.pk, "peildatum": "2014-02-01", "sector": "PO"}
    ).json()
    assert (po["aantalSwvs"], po["aantalOpgericht"]) == (2, 1)
    [land_] = client.get("/api/v1/monitor", {"peildatum": "2014-02-01", "sector": "PO"}).json()
    assert land_["aantalSwvs"] == 4

    # a finding counts when its SWV was in the group on the finding's own date
    SignaalFactory(swv=swvs[0], ontvangen_op=D(2014, 3, 1))  # in
    SignaalFactory(swv=swvs[0], ontvangen_op=D(2016, 3, 1))  # left the group in 2015
    SignaalFactory(swv=swvs[3], ontvangen_op=D(2016, 3, 1))  # joined in 2016
    SignaalFactory(swv=swvs[1], ontvangen_op=D(2014, 3, 1))  # never in it
    signalen = client.get("/api/v1/signalen", {"groep": groep.pk}).json()["resultaten"]
    assert sorted((s["samenwerkingsverband"], s["ontvangenOp"]) for s in signalen) == [
        ("PO0001", "2014-03-01"),
        ("PO0004", "2016-03-01"),
    ]
    RisicoindicatorFactory(swv=swvs[3], periode_van=D(2016, 1, 1), periode_tot=D(2016, 12, 31))
    RisicoindicatorFactory(swv=swvs[1], periode_van=D(2016, 1, 1), periode_tot=D(2016, 12, 31))
    indicatoren = client.get("/api/v1/risicoindicatoren", {"groep": groep.pk}).json()
    assert [i["samenwerkingsverband"] for i in indicatoren["resultaten"]] == ["PO0004"]
    for pad in ("/api/v1/monitor", "/api/v1/signalen", "/api/v1/risicoindicatoren"):
        fout = client.get(pad, {"groep": "abc"})
        assert fout.status_code == 400, pad
        assert fout["Content-Type"] == "application/problem+json"
