"""Reads as of a peildatum, refused personal data, and query counts that do not grow with the
page size."""

import datetime

import pytest

from ondersteuningsplan.api.serializers import MijlpaalstandSerializer, mijlpaalstanden
from ondersteuningsplan.models import Stap, Status
from ondersteuningsplan.selectors import standen
from ondersteuningsplan.tests.factories import FeitFactory
from swv.tests.factories import (
    LidmaatschapFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
)
from toezicht.models import Signaal
from toezicht.tests.factories import SignaalFactory

pytestmark = pytest.mark.django_db


def test_a_past_peildatum_returns_the_state_of_that_day(wereld, api_als):
    client = api_als("inspectie")
    adres = f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}"

    def stand(peildatum, mijlpaal="rechtspersoon"):
        mijlpalen = client.get(f"{adres}/mijlpalen?peildatum={peildatum}").json()
        return next(m for m in mijlpalen if m["mijlpaal"] == mijlpaal)

    assert stand("2013-02-01")["status"] == "open"
    assert stand("2013-10-14")["status"] == "risico"
    assert stand("2013-10-15")["status"] == "behaald"
    feiten = client.get(f"{adres}/feiten?peildatum=2013-02-01").json()["resultaten"]
    assert [f["stap"] for f in feiten] == ["hoofdlijnennotitie_opgesteld"]
    besluit = client.get(f"{adres}/opr-besluiten?peildatum=2014-02-01").json()["resultaten"][0]
    assert (besluit["besluit"], besluit["datumBesluit"]) == ("", None)
    besluit = client.get(f"{adres}/opr-besluiten?peildatum=2014-03-01").json()["resultaten"][0]
    assert (besluit["besluit"], besluit["datumBesluit"]) == ("instemming", "2014-03-01")
    oogo = client.get(f"{adres}/oogo-overleggen?peildatum=2014-02-10").json()["resultaten"]
    assert [o["status"] for o in oogo] == ["gehouden"]
    assert client.get(f"{adres}/oogo-overleggen?peildatum=2014-01-01").json()["aantal"] == 0
    monitor = client.get("/api/v1/monitor?peildatum=2013-02-01&sector=PO").json()[0]
    opgesteld = next(s for s in monitor["stappen"] if s["stap"] == "hoofdlijnennotitie_opgesteld")
    assert (opgesteld["aantal"], opgesteld["totaal"], opgesteld["percentage"]) == (2, 2, 100)
    assert monitor["aantalOpgericht"] == 0
    assert client.get(f"{adres}/leden?peildatum=2012-06-01").json()["aantal"] == 0
    assert client.get(f"{adres}/leden?peildatum=2014-06-01").json()["aantal"] == 1


def test_the_list_filters_by_the_status_of_a_milestone_on_the_peildatum(wereld, api_als):
    client = api_als("accountmanager")
    adres = "/api/v1/samenwerkingsverbanden?mijlpaal=rechtspersoon&mijlpaalStatus=behaald"
    assert [
        s["code"] for s in client.get(adres + "&peildatum=2014-01-01").json()["resultaten"]
    ] == [wereld.swv_a.code]
    assert client.get(adres + "&peildatum=2013-01-01").json()["aantal"] == 0
    gemist = "/api/v1/samenwerkingsverbanden?mijlpaal=rechtspersoon&mijlpaalStatus=gemist"
    assert [
        s["code"] for s in client.get(gemist + "&peildatum=2014-01-01").json()["resultaten"]
    ] == [wereld.swv_b.code]


def test_a_nonsense_peildatum_is_a_problem_with_a_dutch_message(wereld, api_als):
    antwoord = api_als("inspectie").get("/api/v1/samenwerkingsverbanden?peildatum=gisteren")
    assert antwoord.status_code == 400
    assert antwoord.json()["invalidParams"][0]["name"] == "peildatum"
    assert "JJJJ-MM-DD" in antwoord.json()["invalidParams"][0]["reason"]


def test_deelnamepercentages_per_swv_and_nationally(wereld, api_als):
    client = api_als("inspectie")
    rijen = client.get("/api/v1/deelnamepercentages?teldatum=2013-10-01&sector=PO").json()
    per_code = {r["samenwerkingsverband"]: r for r in rijen["resultaten"]}
    assert per_code["PO2707"]["percentages"]["sbo"] == pytest.approx(100 * 300 / 9300)
    assert per_code["PO2707"]["verevening"]["richting"] == "negatief"
    assert per_code["PO2708"]["verevening"]["richting"] == "positief"
    land = client.get("/api/v1/deelnamepercentages/landelijk?sector=PO").json()["resultaten"]
    assert land[0]["aantallen"]["so_cl34"] == 60


@pytest.mark.parametrize(
    "tekst",
    [
        "Leerling met BSN 111222333 zit thuis.",
        "bsn: 1112.22.333",
        "onderwijsnummer 101222348",
    ],
)
def test_personal_numbers_in_free_text_are_refused_and_nothing_is_stored(tekst, wereld, api_als):
    voor = Signaal.objects.count()
    antwoord = api_als("inspectie").post(
        "/api/v1/signalen",
        {
            "samenwerkingsverband": wereld.swv_a.code,
            "bron": "ouders",
            "onderwerp": "thuiszitter",
            "ontvangenOp": "2018-01-10",
            "omschrijving": tekst,
        },
        format="json",
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    fout = antwoord.json()["invalidParams"][0]
    assert fout["name"] == "omschrijving"
    assert "burgerservicenummer" in fout["reason"]
    assert Signaal.objects.count() == voor


def test_a_number_that_is_no_bsn_is_fine(wereld, api_als):
    antwoord = api_als("inspectie").post(
        "/api/v1/signalen",
        {
            "samenwerkingsverband": wereld.swv_a.code,
            "bron": "ouders",
            "onderwerp": "thuiszitter",
            "ontvangenOp": "2018-01-10",
            "omschrijving": "Dossier 123456789, telefoon gemeld op 20180110.",
        },
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.json()


def test_a_recorded_finding_is_kept_with_who_and_in_the_swv_history(wereld, api_als):
    from auditlog.models import LogEntry

    from accounts.tests.factories import GebruikerFactory

    inspecteur = GebruikerFactory(username="inspecteur", rol="inspectie")
    client = api_als(inspecteur)
    antwoord = client.post(
        "/api/v1/vervolgafspraken",
        {
            "samenwerkingsverband": wereld.swv_a.code,
            "omschrijving": "Plan van aanpak",
            "gemaaktOp": "2018-01-01",
            "deadline": "2018-03-01",
        },
        format="json",
    )
    assert antwoord.status_code == 201
    afspraak = antwoord.json()
    assert afspraak["vastgelegdDoor"] == "inspecteur"
    assert afspraak["verlopen"] is True
    entry = LogEntry.objects.filter(additional_data__swv_id=wereld.swv_a.pk).latest("timestamp")
    assert entry.actor == inspecteur
    adres = f"/api/v1/vervolgafspraken/{afspraak['id']}"
    oud = client.patch(
        adres, {"status": "nagekomen", "afgeslotenOp": "2018-02-01", "versie": 99}, format="json"
    )
    assert oud.status_code == 409
    klaar = client.patch(
        adres, {"status": "nagekomen", "afgeslotenOp": "2018-02-01", "versie": 1}, format="json"
    )
    assert klaar.status_code == 200, klaar.json()
    assert klaar.json()["verlopen"] is False
    verlopen = client.get("/api/v1/vervolgafspraken?verlopen=true&peildatum=2018-06-01").json()
    assert afspraak["id"] not in [a["id"] for a in verlopen["resultaten"]]


def test_signal_summary_counts_and_percentages_per_source_and_outcome(wereld, api_als):
    SignaalFactory(swv=wereld.swv_a, bron="school", uitkomst="terug_op_school")
    samenvatting = (
        api_als("inspectie")
        .get("/api/v1/signalen/samenvatting?periodeVan=2017-01-01&periodeTot=2017-12-31")
        .json()
    )
    assert samenvatting["totaal"] == 3
    per_bron = {r["sleutel"]: (r["aantal"], r["percentage"]) for r in samenvatting["perBron"]}
    assert per_bron["school"] == (2, 66.7)
    assert per_bron["ouders"] == (1, 33.3)
    cel = next(
        r
        for r in samenvatting["perBronEnUitkomst"]
        if (r["bron"], r["uitkomst"]) == ("school", "terug_op_school")
    )
    assert (cel["aantal"], cel["percentage"]) == (1, 50.0)


LIJSTEN = [
    "/api/v1/samenwerkingsverbanden",
    "/api/v1/scholen",
    "/api/v1/schoolbesturen",
    "/api/v1/gemeenten",
    "/api/v1/leerlingtellingen",
    "/api/v1/deelnamepercentages",
    "/api/v1/thuiszitterregistraties",
    "/api/v1/signalen",
    "/api/v1/vervolgafspraken",
    "/api/v1/risicoindicatoren",
    "/api/v1/registratieoordelen",
    "/api/v1/kwaliteitsonderzoeken",
]


@pytest.mark.parametrize("adres", LIJSTEN)
def test_query_count_does_not_grow_with_the_page(
    adres, wereld, api_als, django_assert_max_num_queries
):
    for _ in range(30):
        swv = SamenwerkingsverbandFactory()
        SignaalFactory(swv=swv)
    client = api_als("inspectie")
    with django_assert_max_num_queries(9):
        antwoord = client.get(adres + "?paginaGrootte=1000")
    assert antwoord.status_code == 200


@pytest.mark.parametrize(
    "onderdeel",
    [
        "",
        "/mijlpalen",
        "/feiten",
        "/ondersteuningsplannen",
        "/opr-besluiten",
        "/oogo-overleggen",
        "/werkagenda",
        "/geschillen",
        "/leden",
        "/scholen",
        "/documenten",
    ],
)
def test_query_count_of_the_swv_resources(
    onderdeel, wereld, api_als, django_assert_max_num_queries
):
    client = api_als("inspectie")
    with django_assert_max_num_queries(10):
        antwoord = client.get(f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}{onderdeel}")
    assert antwoord.status_code == 200


def test_a_board_without_a_name_from_duo_is_shown_by_its_schools_in_a_fixed_number_of_queries(
    wereld, api_als, django_assert_max_num_queries
):
    """`naam` is DUO's and stays empty until DUO's board file is imported; `weergavenaam` is
    what the pages show, never a bare number where the board has schools."""
    benoemd = SchoolbestuurFactory(bevoegd_gezag_nummer="30001", naam="Stichting Het Spectrum")
    for i in range(20):
        bestuur = SchoolbestuurFactory(bevoegd_gezag_nummer=f"{31000 + i}", naam="")
        for naam in (f"Obs De Wilg {i:02d}", f"Obs Het Anker {i:02d}")[: 1 + i % 2]:
            SchoolFactory(bestuur=bestuur, naam=naam)
        LidmaatschapFactory(swv=wereld.swv_b, bestuur=bestuur, begindatum=datetime.date(2014, 8, 1))
    LidmaatschapFactory(swv=wereld.swv_b, bestuur=benoemd, begindatum=datetime.date(2014, 8, 1))
    SchoolbestuurFactory(bevoegd_gezag_nummer="39999", naam="")
    client = api_als("inspectie")

    with django_assert_max_num_queries(9):
        besturen = client.get("/api/v1/schoolbesturen?paginaGrootte=1000").json()["resultaten"]
    per_nummer = {b["bevoegdGezagNummer"]: b for b in besturen}
    assert per_nummer["30001"] | {"id": None} == {
        "id": None,
        "bevoegdGezagNummer": "30001",
        "naam": "Stichting Het Spectrum",
        "weergavenaam": "Stichting Het Spectrum",
    }
    assert (per_nummer["31000"]["naam"], per_nummer["31000"]["weergavenaam"]) == (
        "",
        "Bestuur van Obs De Wilg 00",
    )
    assert per_nummer["31001"]["weergavenaam"] == "Bestuur van Obs De Wilg 01 en 1 andere school"
    assert per_nummer["39999"]["weergavenaam"] == "Schoolbestuur 39999"

    with django_assert_max_num_queries(10):
        leden = client.get(
            f"/api/v1/samenwerkingsverbanden/{wereld.swv_b.code}/leden?paginaGrootte=1000"
        ).json()["resultaten"]
    assert len(leden) == 21
    assert {lid["bestuur"]["weergavenaam"] for lid in leden} >= {
        "Stichting Het Spectrum",
        "Bestuur van Obs De Wilg 19 en 1 andere school",
    }


def test_the_exact_shape_of_one_swv_in_the_list_and_on_its_own(wereld, api_als):
    """Pins the wire format of an SWV and its milestones: the list builds the milestones without
    a serializer per SWV, so this is what keeps it equal to the schema's promise."""

    def stand(
        mijlpaal, naam, deadline, status, behaald_op=None, ontbrekend=(), cyclus=None, cycli=()
    ):
        return {
            "mijlpaal": mijlpaal,
            "naam": naam,
            "deadline": deadline,
            "status": status,
            "behaaldOp": behaald_op,
            "ontbrekend": list(ontbrekend),
            "cyclus": cyclus,
            "cycli": list(cycli),
        }

    eerste_cyclus = {
        "nummer": 1,
        "naam": "eerste, tot 2014",
        "begin": None,
        "deadline": "2014-05-01",
        "behaaldOp": None,
        "status": "open",
        "dagenTeLaat": None,
        "uitkomst": "open",
    }

    verwacht = {
        "id": wereld.swv_a.pk,
        "code": "PO2707",
        "weergavecode": "PO 27-07",
        "sector": "PO",
        "naam": "SWV Amstelland",
        "experiment": False,
        "mijlpalen": [
            stand(
                "voorbereiding",
                "Voorbereiding afgerond",
                "2013-07-31",
                "gemist",
                ontbrekend=["werkgroepen_ingericht"],
            ),
            stand(
                "rechtspersoon",
                "Samenwerkingsverband is rechtspersoon",
                "2013-11-01",
                "behaald",
                "2013-10-15",
            ),
            stand(
                "op-voorgelegd-opr",
                "OP voorgelegd aan de ondersteuningsplanraad",
                "2014-02-01",
                "behaald",
                "2014-01-10",
            ),
            stand(
                "op-naar-inspectie",
                "Eerste OP naar de Inspectie",
                "2014-05-01",
                "open",
                ontbrekend=[
                    "afgestemd_gemeenten",
                    "akkoord_opr",
                    "op_vastgesteld",
                    "op_aangeboden_inspectie",
                ],
            ),
            stand(
                "zorgplicht",
                "Zorgplicht en toewijzing extra ondersteuning",
                "2014-08-01",
                "open",
                ontbrekend=["akkoord_opr", "op_vastgesteld", "gezondheidsadministratie"],
            ),
            stand(
                "bekostiging",
                "Nieuwe bekostiging en start verevening",
                "2015-08-01",
                "open",
                ontbrekend=["op_vastgesteld", "herbesteding_vso"],
            ),
            stand("verevening-voltooid", "Verevening voltooid", "2020-08-01", None),
            stand(
                "nieuw-op",
                "Nieuw ondersteuningsplan",
                "2014-05-01",
                "open",
                ontbrekend=["op_vastgesteld"],
                cyclus=eerste_cyclus,
                cycli=[eerste_cyclus],
            ),
        ],
    }
    client = api_als("inspectie")
    lijst = client.get("/api/v1/samenwerkingsverbanden?peildatum=2014-02-01").json()
    assert lijst["resultaten"][0] == verwacht
    adres = f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}"
    een = client.get(f"{adres}?peildatum=2014-02-01").json()
    assert {
        sleutel: waarde for sleutel, waarde in een.items() if sleutel != "gemeenten"
    } == verwacht
    # on its own, a milestone also names the open disputes that hold it up (none here)
    assert client.get(f"{adres}/mijlpalen?peildatum=2014-02-01").json() == [
        {**stand, "opgehoudenDoor": []} for stand in verwacht["mijlpalen"]
    ]


def test_the_milestones_are_what_their_serializer_would_give(wereld):
    """Every kind of state (met, late, open, at risk, missed, a moment, a recurring duty)."""
    FeitFactory(
        swv=wereld.swv_b,
        stap=Stap.RECHTSPERSOON_OPGERICHT,
        datum=datetime.date(2014, 1, 10),
        rechtsvorm="vereniging",
    )
    gezien = set()
    for peildatum in ("2012-06-01", "2013-10-14", "2014-04-01", "2014-09-01", "2019-06-01"):
        per_swv = standen([wereld.swv_a, wereld.swv_b], datetime.date.fromisoformat(peildatum))
        for lijst in per_swv.values():
            assert mijlpaalstanden(lijst) == MijlpaalstandSerializer(lijst, many=True).data
            gezien |= {stand.status for stand in lijst}
    assert gezien == {*Status, None}


def test_an_agreement_refers_only_to_an_investigation_of_its_own_swv(wereld, api_als):
    from toezicht.models import Kwaliteitsonderzoek, Vervolgafspraak

    client = api_als("inspectie")
    onderzoek_b = Kwaliteitsonderzoek.objects.get(swv=wereld.swv_b)
    afspraak = {
        "samenwerkingsverband": wereld.swv_a.code,
        "kwaliteitsonderzoek": onderzoek_b.pk,
        "omschrijving": "Plan van aanpak",
        "gemaaktOp": "2018-01-01",
        "deadline": "2018-03-01",
    }
    aantal = Vervolgafspraak.objects.count()

    antwoord = client.post("/api/v1/vervolgafspraken", afspraak, format="json")

    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["kwaliteitsonderzoek"]
    assert "ander samenwerkingsverband" in antwoord.json()["invalidParams"][0]["reason"]
    assert Vervolgafspraak.objects.count() == aantal

    # moving an agreement of SWV B to SWV A leaves it pointing at B's investigation: refused
    eigen = Vervolgafspraak.objects.get(swv=wereld.swv_b)
    verplaatst = client.patch(
        f"/api/v1/vervolgafspraken/{eigen.pk}",
        {"samenwerkingsverband": wereld.swv_a.code, "versie": eigen.versie},
        format="json",
    )
    assert verplaatst.status_code == 400
    assert verplaatst.json()["invalidParams"][0]["name"] == "kwaliteitsonderzoek"

    # and the investigation cannot move away from the agreements that refer to it
    weg = client.patch(
        f"/api/v1/kwaliteitsonderzoeken/{onderzoek_b.pk}",
        {"samenwerkingsverband": wereld.swv_a.code, "versie": onderzoek_b.versie},
        format="json",
    )
    assert weg.status_code == 400
    assert weg.json()["invalidParams"][0]["name"] == "samenwerkingsverband"
    eigen.refresh_from_db()
    onderzoek_b.refresh_from_db()
    assert eigen.swv == onderzoek_b.swv == wereld.swv_b

    afspraak["samenwerkingsverband"] = wereld.swv_b.code
    assert client.post("/api/v1/vervolgafspraken", afspraak, format="json").status_code == 201


def test_a_constraint_of_the_model_names_the_field_it_tests(wereld, api_als):
    antwoord = api_als("inspectie").post(
        "/api/v1/risicoindicatoren",
        {
            "samenwerkingsverband": wereld.swv_a.code,
            "periodeVan": "2018-01-01",
            "periodeTot": "2017-01-01",
            "indicator": "thuiszitters",
            "niveau": "verhoogd",
        },
        format="json",
    )
    assert antwoord.status_code == 400
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == ["periodeTot"]
