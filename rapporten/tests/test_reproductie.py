"""Reports anyone can reproduce (ADR 0087): the content hash of the numbers, the schedule's
version, the numbers by id in the API, and the command that recomputes a report and names every
figure that would differ today."""

import datetime
import io

import pytest
from django.core.management import call_command

from accounts.models import Rol
from ondersteuningsplan.models import Feit, Mijlpaal, MijlpaalUitzondering
from ondersteuningsplan.stappen import Stap
from rapporten import services
from rapporten.models import Rapportstatus
from rapporten.reproductie import inhoudshash, schemaversie, verschillen
from rapporten.tests.factories import PEILDATUM, monitorland
from rapporten.tests.hulp import tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def land():
    return monitorland()


@pytest.fixture
def rapport(land, maak_gebruiker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.vraag_aan(maak_gebruiker(Rol.ACCOUNTMANAGER), "landelijk", PEILDATUM)
    rapport.refresh_from_db()
    assert rapport.status == Rapportstatus.KLAAR, rapport.fout
    return rapport


def herbereken(rapport) -> tuple[int, str]:
    uit = io.StringIO()
    try:
        call_command("herbereken_rapport", str(rapport.pk), stdout=uit)
    except SystemExit as einde:
        return einde.code, uit.getvalue()
    return 0, uit.getvalue()


def test_the_hash_is_of_the_numbers_as_stored_and_stands_in_the_pdf(rapport):
    assert len(rapport.inhoudshash) == 64
    # read back from the database (jsonb reorders keys): the same hash
    assert inhoudshash(rapport.cijfers) == rapport.inhoudshash
    assert rapport.cijfers["schema"] == schemaversie()
    with rapport.pdf.open("rb") as f:
        t = " ".join(tekst(f.read()).split())
    assert f"Versie van het tijdschema {schemaversie()}" in t
    assert "Controlegetal van de cijfers" in t
    assert rapport.inhoudshash[:32] in t.replace(" ", "")


def test_recomputing_an_unchanged_report_gives_the_same_numbers(rapport):
    code, uit = herbereken(rapport)
    assert code == 0, uit
    assert "Gelijk: opnieuw berekend komen de cijfers overeen." in uit
    assert uit.count(rapport.inhoudshash) == 2  # then and now


def test_a_fact_corrected_later_is_named_as_a_difference(rapport, land):
    po, _ = land
    # corrected after the report to a day before its peildatum: the report's figures change
    Feit.objects.filter(swv=po[3], stap=Stap.RECHTSPERSOON_OPGERICHT).update(
        datum=datetime.date(2013, 12, 1)
    )
    code, uit = herbereken(rapport)
    assert code == 1, uit
    assert "Verschillen:" in uit
    assert "bijlage[PO1004].opgericht: (ontbreekt) -> 2013-12-01" in uit
    assert rapport.inhoudshash in uit  # the stored hash is still the report's


def test_a_changed_schedule_is_named_as_the_cause(rapport, land):
    po, _ = land
    MijlpaalUitzondering.objects.create(
        mijlpaal=Mijlpaal.objects.get(code="rechtspersoon"),
        swv=po[3],
        deadline=datetime.date(2014, 6, 1),
        reden="Uitstel om een fusie af te ronden.",
    )
    _, uit = herbereken(rapport)
    assert "Het tijdschema is veranderd" in uit and schemaversie() in uit


def test_an_unknown_or_unfinished_report_is_refused_in_dutch():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="geen rapport met nummer 999"):
        call_command("herbereken_rapport", "999")


def test_the_differences_are_named_by_their_path():
    toen = {"a": {"b": [1, 2]}, "c": "x", "d": 1}
    nu = {"a": {"b": [1, 3]}, "c": "x", "e": 2}
    assert [(v.pad, v.toen, v.nu) for v in verschillen(toen, nu)] == [
        ("a.b[1]", 2, 3),
        ("d", 1, None),
        ("e", None, 2),
    ]


def test_the_api_serves_the_numbers_of_a_report_by_its_id(rapport, api_als, maak_gebruiker):
    inspectie = api_als(Rol.INSPECTIE)
    [rij] = inspectie.get("/api/v1/rapporten").json()["resultaten"]
    assert (rij["id"], rij["soort"], rij["inhoudshash"], rij["schema"]) == (
        rapport.pk, "landelijk", rapport.inhoudshash, schemaversie(),
    )  # fmt: skip
    assert "cijfers" not in rij
    item = inspectie.get(f"/api/v1/rapporten/{rapport.pk}").json()
    assert inhoudshash(item["cijfers"]) == rapport.inhoudshash
    # an unpublished national report is not the coördinator's to read; a guessed id neither
    coordinator = api_als(maak_gebruiker(Rol.COORDINATOR))
    assert coordinator.get(f"/api/v1/rapporten/{rapport.pk}").status_code == 404
    assert coordinator.get("/api/v1/rapporten").json()["resultaten"] == []
    assert inspectie.get("/api/v1/rapporten/999999").status_code == 404
    assert api_als().get("/api/v1/rapporten").status_code == 401


def test_the_list_filters_on_publication(rapport, api_als):
    inspectie = api_als(Rol.INSPECTIE)
    assert inspectie.get("/api/v1/rapporten", {"gepubliceerd": "true"}).json()["resultaten"] == []
    assert (
        len(inspectie.get("/api/v1/rapporten", {"gepubliceerd": "false"}).json()["resultaten"]) == 1
    )
    fout = inspectie.get("/api/v1/rapporten", {"gepubliceerd": "misschien"})
    assert fout.status_code == 400 and fout["Content-Type"] == "application/problem+json"


def test_the_accountmanager_reads_the_errata_of_a_published_report(
    rapport, land, client, maak_gebruiker, django_capture_on_commit_callbacks
):
    from html import unescape

    from rapporten.models import Herberekening
    from rapporten.tasks import herbereken_gepubliceerd

    bram = maak_gebruiker(Rol.ACCOUNTMANAGER)
    services.publiceer(bram, rapport)
    assert herbereken_gepubliceerd() == 1  # the nightly check: nothing changed
    assert Herberekening.objects.get().gelijk
    client.force_login(bram)
    lijst = unescape(client.get("/rapporten/").content.decode())
    assert ">Geen<" in lijst

    po, _ = land
    Feit.objects.filter(swv=po[3], stap=Stap.RECHTSPERSOON_OPGERICHT).update(
        datum=datetime.date(2013, 12, 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(f"/rapporten/{rapport.pk}/herberekenen/")
    assert antwoord.status_code == 302
    pagina = unescape(client.get(f"/rapporten/{rapport.pk}/").content.decode())
    assert "10 cijfers wijken af" in pagina
    assert "bijlage[PO1004].opgericht" in pagina and "2013-12-01" in pagina
    assert rapport.inhoudshash in pagina
    assert "10 cijfers wijken nu af" in unescape(client.get("/rapporten/").content.decode())
    rapport.refresh_from_db()
    assert inhoudshash(rapport.cijfers) == rapport.inhoudshash  # the report itself is unchanged

    # the coördinator reads the published report's errata, and may not ask for a recomputation
    client.force_login(maak_gebruiker(Rol.COORDINATOR))
    pagina = client.get(f"/rapporten/{rapport.pk}/").content.decode()
    assert "10 cijfers wijken af" in pagina and "Nu herberekenen" not in pagina
    assert client.post(f"/rapporten/{rapport.pk}/herberekenen/").status_code == 403
    client.force_login(maak_gebruiker(Rol.ACCOUNTMANAGER))
    assert client.post("/rapporten/999999/herberekenen/").status_code == 404


def test_the_api_recomputes_a_report_and_serves_its_errata(
    rapport, land, api_als, django_capture_on_commit_callbacks
):
    po, _ = land
    Feit.objects.filter(swv=po[3], stap=Stap.RECHTSPERSOON_OPGERICHT).update(
        datum=datetime.date(2013, 12, 1)
    )
    adres = f"/api/v1/rapporten/{rapport.pk}/herberekeningen"
    accountmanager = api_als(Rol.ACCOUNTMANAGER)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = accountmanager.post(adres)
    assert antwoord.status_code == 202 and antwoord["Location"].endswith(adres)
    [uitkomst] = accountmanager.get(adres).json()["resultaten"]
    assert (uitkomst["gelijk"], uitkomst["aantal"]) == (False, 10)
    assert {"pad": "bijlage[PO1004].opgericht", "toen": None, "nu": "2013-12-01"} in (
        uitkomst["verschillen"]
    )
    # the Inspectie reads the errata and may not ask for a recomputation
    inspectie = api_als(Rol.INSPECTIE)
    assert inspectie.get(adres).status_code == 200
    weigering = inspectie.post(adres)
    assert weigering.status_code == 403
    assert weigering["Content-Type"] == "application/problem+json"
