"""Every endpoint with every role: anonymous 401, a coördinator only their own SWV (another
SWV answers 404, as if it did not exist), writing only for the Inspectie with a writing token."""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import Rol
from passend.api.models import Scope
from swv.models import Leerlingtelling
from toezicht.models import (
    Kwaliteitsonderzoek,
    Rapportageronde,
    Registratieoordeel,
    Risicoindicator,
    Thuiszitterregistratie,
    Vervolgafspraak,
)

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "coordinator_a", "coordinator_b", "accountmanager", "inspectie", "beheerder"]

LIJSTEN = [
    "/api/v1/samenwerkingsverbanden",
    "/api/v1/rapporten",
    "/api/v1/gemeenten",
    "/api/v1/groeperingen",
    "/api/v1/schoolbesturen",
    "/api/v1/scholen",
    "/api/v1/leerlingtellingen",
    "/api/v1/deelnamepercentages",
    "/api/v1/deelnamepercentages/landelijk",
    "/api/v1/monitor",
    "/api/v1/thuiszitterregistraties",
    "/api/v1/rapportagerondes",
    "/api/v1/thuiszittercijfers",
    "/api/v1/signalen",
    "/api/v1/signalen/samenvatting",
    "/api/v1/registratieoordelen",
    "/api/v1/kwaliteitsonderzoeken",
    "/api/v1/vervolgafspraken",
    "/api/v1/risicoindicatoren",
]
SWV_ONDERDELEN = [
    "",
    "/mijlpalen",
    "/feiten",
    "/ondersteuningsplannen",
    "/opr-besluiten",
    "/oogo-overleggen",
    "/werkagenda",
    "/geschillen",
    "/toelichtingen",
    "/cijfertoelichtingen",
    "/leden",
    "/scholen",
    "/documenten",
]
#: Collections of rows that belong to one SWV: a coördinator sees exactly their own.
PER_SWV = [
    "/api/v1/samenwerkingsverbanden",
    "/api/v1/leerlingtellingen",
    "/api/v1/deelnamepercentages",
    "/api/v1/thuiszitterregistraties",
    "/api/v1/signalen",
    "/api/v1/registratieoordelen",
    "/api/v1/kwaliteitsonderzoeken",
    "/api/v1/vervolgafspraken",
    "/api/v1/risicoindicatoren",
]


def client_voor(rol, wereld, api_als, scope=Scope.SCHRIJVEN):
    match rol:
        case "anoniem":
            return api_als(None)
        case "coordinator_a":
            return api_als(wereld.coordinator_a, scope)
        case "coordinator_b":
            return api_als(wereld.coordinator_b, scope)
        case _:
            return api_als(rol, scope)


def verwacht_lezen(rol, eigenaar):
    """The status a role gets for a resource of SWV `eigenaar` (None: not of one SWV)."""
    if rol == "anoniem":
        return 401
    if rol.startswith("coordinator") and eigenaar is not None and not rol.endswith(eigenaar):
        return 404
    return 200


#: API routes outside the walk: the public OpenAPI document and its viewer, and the catch-all
#: that answers 404 for every other address (tested in test_api_basis).
BUITEN_DE_WANDELING = {
    "openapi.json",
    "docs",
    "[\\s\\S]*",
    # The Inspectie's review steps take a POST only; every role and guessed id is tried in
    # tests/test_api_beoordeling.py.
    "thuiszitterregistraties/{pk}/accepteren",
    "thuiszitterregistraties/{pk}/terugsturen",
    "thuiszitterregistraties/{pk}/heropenen",
    # The changes feed is for the roles that read every SWV; every role is tried in
    # tests/test_api_wijzigingen.py.
    "wijzigingen",
    # A data team's exports: only its own, for the roles that read every SWV; every role and a
    # guessed id are tried in tests/test_api_gegevensexport.py.
    "gegevensexports",
    "gegevensexports/{pk}",
    "gegevensexports/{pk}/inhoud",
    # The risk analysis is the Inspectie's alone; every role is tried in tests/test_api_risico.py.
    "risicoanalyses/{jaar}",
}


def routetabel(wereld) -> dict[str, list[tuple[str, str | None]]]:
    """Every API route (as a template) with the addresses the walk visits for it, each with the
    SWV it belongs to ("a", "b", or None for rows of no single SWV). A route that is not in
    this table makes test_the_walk_covers_every_api_route fail."""
    swvs = ((wereld.swv_a, "a"), (wereld.swv_b, "b"))

    def per_swv(model, pad):
        return [(f"/api/v1/{pad}/{model.objects.get(swv=swv).pk}", eigen) for swv, eigen in swvs]

    tabel = {lijst.removeprefix("/api/v1/"): [(lijst, None)] for lijst in LIJSTEN}
    ronde = Rapportageronde.objects.first()
    for onderdeel in SWV_ONDERDELEN:
        tabel["samenwerkingsverbanden/{code}" + onderdeel] = [
            (f"/api/v1/samenwerkingsverbanden/{swv.code}{onderdeel}", eigen) for swv, eigen in swvs
        ]
    tabel |= {
        "gemeenten/{pk}": [(f"/api/v1/gemeenten/{wereld.gemeente_a.pk}", None)],
        "scholen/{vestigingsnummer}": [
            (f"/api/v1/scholen/{wereld.school_a.vestigingsnummer}", "a")
        ],
        "schoolbesturen/{nummer}": [
            (f"/api/v1/schoolbesturen/{wereld.bestuur_a.bevoegd_gezag_nummer}", "a")
        ],
        "leerlingtellingen/{pk}": [
            (f"/api/v1/leerlingtellingen/{telling.pk}", eigen)
            for swv, eigen in swvs
            for telling in Leerlingtelling.objects.filter(swv=swv)[:1]
        ],
        "signalen/{pk}": [
            (f"/api/v1/signalen/{wereld.signaal_a.pk}", "a"),
            (f"/api/v1/signalen/{wereld.signaal_b.pk}", "b"),
        ],
        "thuiszitterregistraties/{pk}": per_swv(Thuiszitterregistratie, "thuiszitterregistraties"),
        "rapportagerondes/{pk}": [(f"/api/v1/rapportagerondes/{ronde.pk}", None)],
        "rapportagerondes/{pk}/volledigheid": [
            (f"/api/v1/rapportagerondes/{ronde.pk}/volledigheid", None)
        ],
        "registratieoordelen/{pk}": per_swv(Registratieoordeel, "registratieoordelen"),
        "kwaliteitsonderzoeken/{pk}": per_swv(Kwaliteitsonderzoek, "kwaliteitsonderzoeken"),
        "vervolgafspraken/{pk}": per_swv(Vervolgafspraak, "vervolgafspraken"),
        "risicoindicatoren/{pk}": per_swv(Risicoindicator, "risicoindicatoren"),
        # a report of one SWV is its coördinator's; an unpublished national one is not
        "rapporten/{pk}": [(f"/api/v1/rapporten/{_rapport(swv).pk}", eigen) for swv, eigen in swvs],
        "rapporten/{pk}/herberekeningen": [
            (f"/api/v1/rapporten/{_rapport(swv).pk}/herberekeningen", eigen) for swv, eigen in swvs
        ],
        "samenwerkingsverbanden/{code}/documenten/{id}/inhoud": [
            (
                f"/api/v1/samenwerkingsverbanden/{swv.code}/documenten/{document.pk}/inhoud",
                eigen,
            )
            for swv, eigen, document in (
                (wereld.swv_a, "a", wereld.document_a),
                (wereld.swv_b, "b", wereld.document_b),
            )
        ],
    }
    return tabel


def _rapport(swv):
    from rapporten.models import Rapport

    rapport, _ = Rapport.objects.get_or_create(
        soort="swv",
        peildatum=datetime.date(2018, 1, 1),
        swv=swv,
        defaults={
            "sleutel": f"swv:-:{swv.code}:2018-01-01",
            "status": "klaar",
            "cijfers": {"soort": "swv"},
        },
    )
    return rapport


def adressen(wereld):
    """(address, owning SWV) for every readable endpoint of the world."""
    for bezoeken in routetabel(wereld).values():
        yield from bezoeken


def api_routes():
    """Every route under /api/v1 as a template: `samenwerkingsverbanden/{code}/leden`."""

    def routes(resolver, prefix=""):
        for patroon in resolver.url_patterns:
            if isinstance(patroon, URLResolver):
                yield from routes(patroon, prefix + str(patroon.pattern))
            elif isinstance(patroon, URLPattern):
                yield prefix + str(patroon.pattern)

    for route in routes(get_resolver()):
        if not route.startswith("api/"):
            continue
        vorm = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", route)  # the routers' regexes
        vorm = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", vorm)  # path converters
        yield vorm.replace("^", "").replace("$", "").removeprefix("api/").removeprefix("v1/")


def test_the_walk_covers_every_api_route(wereld):
    """A new endpoint must get an entry in the route table, with the SWV its rows belong to,
    before the walk below accepts it; a stale entry fails too."""
    tabel = routetabel(wereld)
    routes = set(api_routes()) - BUITEN_DE_WANDELING
    assert routes - set(tabel) == set(), "routes without an entry in routetabel()"
    assert set(tabel) - routes == set(), "entries in routetabel() without a route"
    assert all(tabel.values()), "every route is visited at least once"


@pytest.mark.parametrize("rol", ROLLEN)
def test_every_role_reads_exactly_what_it_may(rol, wereld, api_als):
    client = client_voor(rol, wereld, api_als)
    uitkomsten = {adres: client.get(adres).status_code for adres, _ in adressen(wereld)}
    verwacht = {adres: verwacht_lezen(rol, eigenaar) for adres, eigenaar in adressen(wereld)}
    assert uitkomsten == verwacht


@pytest.mark.parametrize("rol", ["coordinator_a", "coordinator_b"])
def test_a_coordinator_sees_exactly_the_rows_of_their_own_swv(rol, wereld, api_als):
    client = client_voor(rol, wereld, api_als)
    eigen = wereld.swv_a.code if rol.endswith("a") else wereld.swv_b.code
    for adres in PER_SWV:
        rijen = client.get(adres).json()["resultaten"]
        codes = {rij.get("samenwerkingsverband") or rij.get("code") for rij in rijen}
        assert codes == {eigen}, adres


@pytest.mark.parametrize("rol", ["accountmanager", "inspectie", "beheerder"])
def test_the_national_roles_see_every_swv(rol, wereld, api_als):
    client = client_voor(rol, wereld, api_als)
    for adres in PER_SWV:
        rijen = client.get(adres).json()["resultaten"]
        codes = {rij.get("samenwerkingsverband") or rij.get("code") for rij in rijen}
        assert codes == {wereld.swv_a.code, wereld.swv_b.code}, adres


SCHRIJVEN = {
    "/api/v1/signalen": {
        "bron": "school",
        "onderwerp": "zorgplicht",
        "ontvangenOp": "2018-01-10",
        "omschrijving": "Geen passend aanbod na verhuizing.",
    },
    "/api/v1/registratieoordelen": {
        "periodeVan": "2018-01-01",
        "periodeTot": "2018-02-28",
        "oordeel": "voldoende-goed",
    },
    "/api/v1/kwaliteitsonderzoeken": {"beginnenOp": "2018-09-01", "begonnenOp": "2018-09-01"},
    "/api/v1/vervolgafspraken": {
        "omschrijving": "Jaarverslag met verdeling van middelen per bestuur.",
        "gemaaktOp": "2018-10-01",
        "deadline": "2019-01-01",
    },
    "/api/v1/risicoindicatoren": {
        "periodeVan": "2018-01-01",
        "periodeTot": "2018-12-31",
        "indicator": "signalen",
        "niveau": "hoog",
    },
}


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("adres", list(SCHRIJVEN))
def test_only_the_inspectie_records_findings(rol, adres, wereld, api_als):
    client = client_voor(rol, wereld, api_als)
    data = {**SCHRIJVEN[adres], "samenwerkingsverband": wereld.swv_a.code}
    antwoord = client.post(adres, data, format="json")
    verwacht = {"anoniem": 401, "inspectie": 201}.get(rol, 403)
    assert antwoord.status_code == verwacht, antwoord.content
    if verwacht != 201:
        assert antwoord["Content-Type"] == "application/problem+json"


def test_a_reading_token_of_the_inspectie_cannot_write(wereld, api_als):
    client = api_als(Rol.INSPECTIE, Scope.LEZEN)
    data = {**SCHRIJVEN["/api/v1/signalen"], "samenwerkingsverband": wereld.swv_a.code}
    assert client.post("/api/v1/signalen", data, format="json").status_code == 403
    assert client.get("/api/v1/signalen").status_code == 200


def test_a_coordinator_cannot_change_a_finding_about_their_own_swv(wereld, api_als):
    client = api_als(wereld.coordinator_a)
    antwoord = client.patch(
        f"/api/v1/signalen/{wereld.signaal_a.pk}", {"uitkomst": "terug_op_school"}, format="json"
    )
    assert antwoord.status_code == 403
