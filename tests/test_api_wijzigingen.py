"""Keeping a copy up to date through `/wijzigingen` (ADR 0075): take a full copy through the
lists, change, add and remove records through the services, read what changed since and apply
it; the copy then equals a fresh full copy. And who may read the feed, and wrong parameters."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Rol
from ondersteuningsplan.models import Feit, Stap
from ondersteuningsplan.services import registreer_feit, verwijder_feit
from swv.services.leden import voeg_lid_toe
from swv.tests.factories import SchoolbestuurFactory
from toezicht import services as toezicht
from toezicht.api.collecties import COLLECTIES
from toezicht.models import Signaal, Uitkomst

pytestmark = pytest.mark.django_db

#: The collections of their own and those of each SWV (toezicht/api/collecties.py).
EIGEN = [c.naam for c in COLLECTIES if not c.per_swv]
PER_SWV = [c.naam for c in COLLECTIES if c.per_swv]
#: Figures computed from the records, not records: the feed names the records they come from.
AFGELEID = {
    "samenwerkingsverbanden": ("mijlpalen",),
    "ondersteuningsplannen": ("stappen",),
    "schoolbesturen": ("weergavenaam",),
    "werkagenda": ("subsidie",),
    "opr-besluiten": ("geschilAangevraagd",),
}


def alles(client, adres):
    rijen = []
    while adres:
        antwoord = client.get(adres, {"paginaGrootte": 1000} if "?" not in adres else None)
        assert antwoord.status_code == 200, (adres, antwoord.content)
        rijen += antwoord.json()["resultaten"]
        adres = antwoord.json()["volgende"]
    return rijen


def zonder_afgeleid(collectie, rij):
    return {k: v for k, v in rij.items() if k not in AFGELEID.get(collectie, ())}


def per_swv_adres(code, collectie):
    return f"/api/v1/samenwerkingsverbanden/{code}/{collectie}"


def volledige_kopie(client) -> dict:
    kopie = {c: {} for c in EIGEN + PER_SWV}
    for collectie in EIGEN:
        for rij in alles(client, f"/api/v1/{collectie}"):
            kopie[collectie][rij["id"]] = zonder_afgeleid(collectie, rij)
    for swv in kopie["samenwerkingsverbanden"].values():
        for collectie in PER_SWV:
            for rij in alles(client, per_swv_adres(swv["code"], collectie)):
                kopie[collectie][swv["code"], rij["id"]] = zonder_afgeleid(collectie, rij)
    return kopie


def pas_toe(client, kopie, wijzigingen):
    """What a data team does with the feed: an item read again, an SWV's collection read
    again, a removed id taken out."""
    for w in wijzigingen:
        collectie, per_swv = w["collectie"], w["collectie"] in PER_SWV
        sleutel = (w["samenwerkingsverband"], w["id"]) if per_swv else w["id"]
        if w["actie"] == "verwijderd":
            kopie[collectie].pop(sleutel, None)
        elif per_swv:
            code = w["samenwerkingsverband"]
            for oud in [k for k in kopie[collectie] if k[0] == code]:
                del kopie[collectie][oud]
            for rij in alles(client, w["href"]):
                kopie[collectie][code, rij["id"]] = zonder_afgeleid(collectie, rij)
        else:
            antwoord = client.get(w["href"])
            assert antwoord.status_code == 200, w
            kopie[collectie][w["id"]] = zonder_afgeleid(collectie, antwoord.json())


def test_a_copy_kept_up_to_date_through_the_feed_equals_a_fresh_copy(wereld, api_als):
    client = api_als(Rol.INSPECTIE)
    kopie = volledige_kopie(client)
    laatste = alles(client, "/api/v1/wijzigingen")[-1]["volgnummer"]
    begin = timezone.now()

    # a day's work: a step recorded, one removed, a signaal handled, a member added
    coordinator = wereld.coordinator_a
    registreer_feit(
        swv=wereld.swv_a,
        stap=Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD,
        datum=datetime.date(2013, 2, 1),
        door=coordinator,
    )
    verwijder_feit(Feit.objects.get(swv=wereld.swv_a, stap=Stap.CONCEPT_STATUTEN), door=coordinator)
    signaal = Signaal.objects.get(pk=wereld.signaal_b.pk)
    toezicht.wijzig_bevinding(
        signaal,
        door=None,
        uitkomst=Uitkomst.TERUG_OP_SCHOOL,
        afgehandeld_op=datetime.date(2017, 4, 1),
    )
    voeg_lid_toe(
        swv=wereld.swv_b,
        bestuur=SchoolbestuurFactory(naam="Stichting Spaarnesant"),
        door=coordinator,
        begindatum=datetime.date(2014, 8, 1),
    )

    wijzigingen = alles(client, f"/api/v1/wijzigingen?na={laatste}")
    assert wijzigingen == alles(
        client, f"/api/v1/wijzigingen?sinds={begin.isoformat().replace('+00:00', 'Z')}"
    )
    acties = {(w["collectie"], w["actie"]) for w in wijzigingen}
    assert {
        ("feiten", "aangemaakt"),
        ("feiten", "verwijderd"),
        ("signalen", "gewijzigd"),
        ("leden", "aangemaakt"),
        ("schoolbesturen", "aangemaakt"),
    } <= acties
    verwijderd = next(w for w in wijzigingen if w["actie"] == "verwijderd")
    assert verwijderd["href"] is None and verwijderd["samenwerkingsverband"] == "PO2707"
    assert [w["volgnummer"] for w in wijzigingen] == sorted(w["volgnummer"] for w in wijzigingen)

    pas_toe(client, kopie, wijzigingen)
    assert kopie == volledige_kopie(client)


@pytest.mark.parametrize("rol", [Rol.INSPECTIE, Rol.ACCOUNTMANAGER, Rol.BEHEERDER])
def test_the_roles_that_read_every_swv_read_the_feed(wereld, api_als, rol):
    antwoord = api_als(rol).get("/api/v1/wijzigingen")
    assert antwoord.status_code == 200
    assert antwoord.json()["aantal"] > 0


def test_a_coordinator_and_a_visitor_do_not(wereld, api_als):
    assert api_als(wereld.coordinator_a).get("/api/v1/wijzigingen").status_code == 403
    assert api_als(None).get("/api/v1/wijzigingen").status_code == 401


@pytest.mark.parametrize(
    "query, veld",
    [
        ("sinds=gisteren", "sinds"),
        ("sinds=2026-12-01T00:00:00", "sinds"),  # no time zone
        ("na=-1", "na"),
        ("na=drie", "na"),
    ],
)
def test_a_wrong_parameter_is_a_problem_with_its_name(wereld, api_als, query, veld):
    antwoord = api_als(Rol.INSPECTIE).get(f"/api/v1/wijzigingen?{query}")
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in antwoord.json()["invalidParams"]] == [veld]
