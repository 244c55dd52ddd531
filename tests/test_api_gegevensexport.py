"""The data team's file set (ADR 0076): asked for with a token, built by a Celery task, followed
and downloaded with the same token; its manifest names every file with its rows and checksum,
its rows are the API's own, and the changes feed continues from its volgnummer."""

import hashlib
import io
import json
import zipfile

import pytest
from auditlog.models import LogEntry

from accounts.models import Rol
from passend.api.models import Scope
from tests.wachten import wacht_tot

pytestmark = pytest.mark.django_db


def lees_zip(antwoord) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(antwoord.streaming_content)))


def controleer(client, export) -> dict:
    """Downloads the export and checks every file against its manifest; returns the rows per
    collection read from the JSON lines."""
    antwoord = client.get(export["inhoud"])
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/zip"
    assert "no-store" in antwoord["Cache-Control"]
    inhoud = b"".join(antwoord.streaming_content)
    assert hashlib.sha256(inhoud).hexdigest() == export["sha256"]
    assert len(inhoud) == export["grootte"]
    zip = zipfile.ZipFile(io.BytesIO(inhoud))
    manifest = json.loads(zip.read("manifest.json"))
    assert manifest["volgnummer"] == export["volgnummer"]
    assert manifest["verder"] == f"/api/v1/wijzigingen?na={export['volgnummer']}"
    assert sorted(zip.namelist()) == sorted(
        ["manifest.json", *(b["bestand"] for b in manifest["bestanden"])]
    )
    rijen = {}
    for bestand in manifest["bestanden"]:
        data = zip.read(bestand["bestand"])
        assert hashlib.sha256(data).hexdigest() == bestand["sha256"], bestand["bestand"]
        assert len(data) == bestand["grootte"]
        if bestand["bestand"].endswith(".jsonl"):
            regels = [json.loads(r) for r in data.decode().splitlines()]
            assert len(regels) == bestand["rijen"]
            rijen[bestand["collectie"]] = regels
        else:  # the CSV: a header and a line per row (no value spans lines here)
            assert len(data.decode().splitlines()) == bestand["rijen"] + 1
    return rijen


def test_an_export_is_asked_for_followed_and_downloaded_with_a_read_token(
    wereld, api_als, django_capture_on_commit_callbacks
):
    client = api_als(Rol.INSPECTIE, scope=Scope.LEZEN)
    laatste = LogEntry.objects.order_by("-pk").first().pk
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post("/api/v1/gegevensexports")
    assert antwoord.status_code == 202
    assert antwoord["Location"].endswith(f"/api/v1/gegevensexports/{antwoord.json()['id']}")

    export = client.get(antwoord["Location"]).json()
    assert export["status"] == "klaar" and export["voortgang"] == 100
    assert export["volgnummer"] == laatste
    rijen = controleer(client, export)

    # the rows are the API's own: the same as its lists give
    for collectie in ("signalen", "scholen", "leerlingtellingen", "samenwerkingsverbanden"):
        lijst = client.get(f"/api/v1/{collectie}", {"paginaGrootte": 1000}).json()
        assert rijen[collectie] == lijst["resultaten"], collectie
    feiten = client.get(f"/api/v1/samenwerkingsverbanden/{wereld.swv_a.code}/feiten").json()
    assert [
        {k: v for k, v in r.items() if k != "samenwerkingsverband"}
        for r in rijen["feiten"]
        if r["samenwerkingsverband"] == wereld.swv_a.code
    ] == feiten["resultaten"]
    assert [e["id"] for e in client.get("/api/v1/gegevensexports").json()["resultaten"]] == [
        export["id"]
    ]


def test_who_may_ask_for_follow_and_fetch_an_export(
    wereld, api_als, django_capture_on_commit_callbacks
):
    inspectie = api_als(Rol.INSPECTIE)
    with django_capture_on_commit_callbacks(execute=True):
        adres = inspectie.post("/api/v1/gegevensexports")["Location"]
    eigen = inspectie.get(adres).json()
    assert eigen["inhoud"]
    for adres in (f"/api/v1/gegevensexports/{eigen['id']}", eigen["inhoud"]):
        assert api_als(Rol.INSPECTIE).get(adres).status_code == 404  # another inspector's
        assert api_als(wereld.coordinator_a).get(adres).status_code == 403
        assert api_als(None).get(adres).status_code == 401
    assert api_als(wereld.coordinator_a).post("/api/v1/gegevensexports").status_code == 403
    assert api_als(None).post("/api/v1/gegevensexports").status_code == 401
    for rol in (Rol.ACCOUNTMANAGER, Rol.BEHEERDER):
        assert api_als(rol, scope=Scope.LEZEN).post("/api/v1/gegevensexports").status_code == 202
    assert inspectie.get("/api/v1/gegevensexports/999999").status_code == 404


def test_an_export_not_ready_has_nothing_to_download_and_is_not_asked_for_twice(wereld, api_als):
    client = api_als(Rol.ACCOUNTMANAGER)
    export = client.post("/api/v1/gegevensexports").json()  # not committed: never sent
    assert export["status"] == "wachtrij" and export["inhoud"] is None
    # asked again while it waits: the same export, not a second build of the dataset
    assert client.post("/api/v1/gegevensexports").json()["id"] == export["id"]
    antwoord = client.get(f"/api/v1/gegevensexports/{export['id']}/inhoud")
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"] == "application/problem+json"


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_builds_the_export(celery_worker, api_als):
    from tests.api import maak_wereld

    maak_wereld()
    client = api_als(Rol.INSPECTIE)
    adres = client.post("/api/v1/gegevensexports")["Location"]
    assert wacht_tot(lambda: client.get(adres).json()["status"] == "klaar")
    export = client.get(adres).json()
    rijen = controleer(client, export)
    assert len(rijen["samenwerkingsverbanden"]) == 2
    assert celery_worker.aantal("toezicht.tasks.maak_gegevensexport") == 1


def test_an_export_brought_up_to_date_by_the_feed_equals_a_new_export(
    wereld, api_als, django_capture_on_commit_callbacks
):
    """The issue's sync: a full export, then records changed, added and removed through the
    services, the feed read from the export's volgnummer and applied; the copy equals a fresh
    export."""
    import datetime

    from ondersteuningsplan.models import Feit, Stap
    from ondersteuningsplan.services import registreer_feit, verwijder_feit
    from swv.services.leden import voeg_lid_toe
    from swv.tests.factories import SchoolbestuurFactory
    from tests.test_api_wijzigingen import AFGELEID, PER_SWV, alles, pas_toe, zonder_afgeleid
    from toezicht import services as toezicht
    from toezicht.models import Signaal

    client = api_als(Rol.INSPECTIE, scope=Scope.LEZEN)

    def export():
        with django_capture_on_commit_callbacks(execute=True):
            adres = client.post("/api/v1/gegevensexports")["Location"]
        gemaakt = client.get(adres).json()
        rijen = controleer(client, gemaakt)
        kopie = {}
        for collectie, regels in rijen.items():
            kopie[collectie] = {
                (r.pop("samenwerkingsverband"), r["id"]) if collectie in PER_SWV else r["id"]: (
                    zonder_afgeleid(collectie, r)
                )
                for r in regels
            }
        return gemaakt["volgnummer"], kopie

    volgnummer, kopie = export()
    coordinator = wereld.coordinator_a
    registreer_feit(
        swv=wereld.swv_a,
        stap=Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD,
        datum=datetime.date(2013, 2, 1),
        door=coordinator,
    )
    verwijder_feit(Feit.objects.get(swv=wereld.swv_a, stap=Stap.CONCEPT_STATUTEN), door=coordinator)
    toezicht.wijzig_bevinding(
        Signaal.objects.get(pk=wereld.signaal_b.pk),
        door=None,
        afgehandeld_op=datetime.date(2017, 4, 1),
        uitkomst="terug_op_school",
    )
    voeg_lid_toe(
        swv=wereld.swv_b,
        bestuur=SchoolbestuurFactory(naam="Stichting Spaarnesant"),
        door=coordinator,
        begindatum=datetime.date(2014, 8, 1),
    )

    pas_toe(client, kopie, alles(client, f"/api/v1/wijzigingen?na={volgnummer}"))
    _, nieuw = export()
    assert set(AFGELEID) <= set(nieuw)
    assert kopie == nieuw
