"""The Inspectie reviews a submission through the API as on its page: accept and lock with a
judgement, return with a reason, reopen with a reason. Every refusal is problem+json and
changes nothing; only the Inspectie, with a writing token, may take a step."""

import pytest
from auditlog.models import LogEntry

from passend.api.models import Scope
from toezicht.models import Indieningsstatus, Registratieoordeel, Thuiszitterregistratie

pytestmark = pytest.mark.django_db


@pytest.fixture
def inzending(wereld):
    return Thuiszitterregistratie.objects.get(swv=wereld.swv_a)


@pytest.fixture
def inspectie(api_als, maak_gebruiker):
    inspecteur = maak_gebruiker("inspectie", username="inspecteur")
    return api_als(inspecteur)


def _adres(inzending, stap):
    return f"/api/v1/thuiszitterregistraties/{inzending.pk}/{stap}"


def _ongewijzigd(inzending):
    nu = Thuiszitterregistratie.objects.get(pk=inzending.pk)
    return (nu.status, nu.versie, nu.reden) == (inzending.status, inzending.versie, inzending.reden)


def test_the_inspectie_returns_then_accepts_and_locks_then_reopens(inspectie, inzending, wereld):
    antwoord = inspectie.post(
        _adres(inzending, "terugsturen"),
        {"versie": inzending.versie, "reden": "Drie lijkt een tikfout."},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.json()
    assert antwoord.json()["status"] == Indieningsstatus.TERUGGESTUURD
    assert antwoord.json()["reden"] == "Drie lijkt een tikfout."
    assert antwoord.json()["beoordeeldDoor"] == "inspecteur"

    from toezicht.services import registreer_thuiszitters

    terug = Thuiszitterregistratie.objects.get(pk=inzending.pk)
    verbeterd = registreer_thuiszitters(
        swv=wereld.swv_a,
        ronde=terug.ronde,
        aantallen={("absoluut", "lang", False): 2},
        door=wereld.coordinator_a,
        registratie=terug,
    )
    antwoord = inspectie.post(
        _adres(inzending, "accepteren"),
        {"versie": verbeterd.versie, "oordeel": "voldoende", "toelichting": "Volledig."},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.json()
    assert antwoord.json()["status"] == Indieningsstatus.GEACCEPTEERD
    assert antwoord.json()["versie"] == verbeterd.versie + 1
    oordeel = Registratieoordeel.objects.get(swv=wereld.swv_a, periode_van=verbeterd.periode_van)
    assert (oordeel.oordeel, oordeel.toelichting) == ("voldoende", "Volledig.")

    antwoord = inspectie.post(
        _adres(inzending, "heropenen"),
        {"versie": antwoord.json()["versie"], "reden": "De gemeente meldt er één meer."},
        format="json",
    )
    assert antwoord.status_code == 200, antwoord.json()
    assert antwoord.json()["status"] == Indieningsstatus.HEROPEND

    stappen = LogEntry.objects.get_for_object(inzending).filter(actor__username="inspecteur")
    assert stappen.count() == 3  # every step in the SWV's history, with who took it


@pytest.mark.parametrize(
    ("stap", "invoer", "veld"),
    [
        ("terugsturen", {"reden": " "}, "reden"),
        ("terugsturen", {"reden": "Leerling BSN 111222333 ontbreekt."}, "reden"),
        ("terugsturen", {}, "reden"),
        ("accepteren", {"oordeel": "prima"}, "oordeel"),
        (
            "accepteren",
            {"oordeel": "voldoende", "toelichting": "Zie leerlingnummer 123456"},
            "toelichting",
        ),
        ("accepteren", {"oordeel": "voldoende", "versie": "twee"}, "versie"),
        ("heropenen", {"reden": "Nog niet geaccepteerd."}, "status"),
    ],
)
def test_a_refused_step_is_problem_json_and_changes_nothing(
    inspectie, inzending, stap, invoer, veld
):
    antwoord = inspectie.post(
        _adres(inzending, stap), {"versie": inzending.versie, **invoer}, format="json"
    )
    assert antwoord.status_code == 400, antwoord.content
    assert antwoord["Content-Type"] == "application/problem+json"
    if veld:
        assert veld in [p["name"] for p in antwoord.json()["invalidParams"]]
    assert _ongewijzigd(inzending)


def test_a_step_on_an_old_version_is_409_and_changes_nothing(inspectie, inzending):
    antwoord = inspectie.post(
        _adres(inzending, "accepteren"),
        {"versie": inzending.versie + 1, "oordeel": "voldoende"},
        format="json",
    )
    assert antwoord.status_code == 409
    assert antwoord["Content-Type"] == "application/problem+json"
    assert _ongewijzigd(inzending)


@pytest.mark.parametrize(
    ("wie", "scope", "status"),
    [
        (None, Scope.SCHRIJVEN, 401),
        ("coordinator-a", Scope.SCHRIJVEN, 403),
        ("accountmanager", Scope.SCHRIJVEN, 403),
        ("beheerder", Scope.SCHRIJVEN, 403),
        ("inspectie", Scope.LEZEN, 403),
    ],
)
def test_only_the_inspectie_with_a_writing_token_reviews(
    api_als, wereld, inzending, wie, scope, status
):
    if wie == "coordinator-a":
        wie = wereld.coordinator_a
    client = api_als(wie, scope=scope)
    for stap in ("accepteren", "terugsturen", "heropenen"):
        antwoord = client.post(
            _adres(inzending, stap),
            {"versie": inzending.versie, "oordeel": "voldoende", "reden": "Zomaar."},
            format="json",
        )
        assert antwoord.status_code == status, (stap, antwoord.content)
        assert antwoord["Content-Type"] == "application/problem+json"
    assert _ongewijzigd(inzending)


def test_a_guessed_id_is_404(inspectie, inzending):
    antwoord = inspectie.post(
        f"/api/v1/thuiszitterregistraties/{inzending.pk + 1000}/accepteren",
        {"versie": 1, "oordeel": "voldoende"},
        format="json",
    )
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"] == "application/problem+json"
