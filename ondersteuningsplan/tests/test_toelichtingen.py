"""Comply or explain (ADR 0082): the coördinator explains a missed, late or at-risk milestone or
OP cycle; the explanation is read beside the milestone, in the late list and in the API."""

import datetime
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Rol
from ondersteuningsplan.models import Mijlpaal, Toelichting
from ondersteuningsplan.services import leg_toelichting_vast
from ondersteuningsplan.tests.factories import SwvFactory
from passend.locking import Wijzigingsconflict

pytestmark = pytest.mark.django_db

MORGEN = datetime.date.today() + datetime.timedelta(days=1)


@pytest.fixture
def swv():
    """Founded late (te laat), no plan (the first OP cycle missed)."""
    return SwvFactory(code="PO0101", naam="Passend 01-01", laat_opgericht=True)


def mijlpaal(code):
    return Mijlpaal.objects.get(code=code)


def vast(swv, code, cyclus=0, **velden):
    return leg_toelichting_vast(
        swv=swv,
        mijlpaal=mijlpaal(code),
        cyclus=cyclus,
        tekst=velden.pop("tekst", "De notaris had de statuten pas in november klaar."),
        verwacht_op=velden.pop("verwacht_op", None),
        door=velden.pop("door", None),
        **velden,
    )


def test_only_what_is_missed_late_or_at_risk_asks_for_an_explanation(swv):
    assert vast(swv, "rechtspersoon").cyclus == 0  # founded late
    op = vast(swv, "nieuw-op", 1, tekst="Het plan wacht op de OPR.", verwacht_op=MORGEN)
    assert (op.cyclus, op.verwacht_op) == (1, MORGEN)
    for code, cyclus in (("nieuw-op", 2), ("nieuw-op", 0), ("rechtspersoon", 1)):
        with pytest.raises(ValidationError, match="een toelichting is niet nodig"):
            vast(swv, code, cyclus)
    op_tijd = SwvFactory(code="PO0102", opgericht=True)
    with pytest.raises(ValidationError, match="een toelichting is niet nodig"):
        vast(op_tijd, "rechtspersoon")


def test_an_explanation_is_checked_and_changed_with_its_version(swv, maak_gebruiker):
    with pytest.raises(ValidationError, match="Schrijf de toelichting"):
        vast(swv, "rechtspersoon", tekst="  ")
    with pytest.raises(ValidationError, match="al behaald; laat de verwachte datum leeg"):
        vast(swv, "rechtspersoon", verwacht_op=MORGEN)
    with pytest.raises(ValidationError, match="vandaag of later"):
        vast(swv, "nieuw-op", 1, verwacht_op=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="Leg nooit gegevens vast"):
        vast(swv, "rechtspersoon", tekst="leerling 111222333 thuis")
    assert not Toelichting.objects.exists()

    schrijver = maak_gebruiker(Rol.COORDINATOR, swvs=[swv], first_name="Fleur", last_name="Dijk")
    t = vast(swv, "rechtspersoon", door=schrijver)
    t = vast(
        swv,
        "rechtspersoon",
        tekst="Nieuwe tekst.",
        door=schrijver,
        toelichting=t,
        verwachte_versie=t.versie,
    )
    assert (t.tekst, t.versie, t.gewijzigd_door) == ("Nieuwe tekst.", 2, schrijver)
    with pytest.raises(Wijzigingsconflict):
        vast(swv, "rechtspersoon", tekst="Oud.", toelichting=t, verwachte_versie=1)
    with pytest.raises(ValidationError, match="intussen al een toelichting"):
        vast(swv, "rechtspersoon")


def test_the_coordinator_explains_on_the_overview_and_the_ministry_reads_it(
    client, client_als, api_als, maak_gebruiker, swv
):
    coordinator = maak_gebruiker(Rol.COORDINATOR, swvs=[swv], first_name="Fleur", last_name="Dijk")
    client.force_login(coordinator)
    overzicht = unescape(client.get("/samenwerkingsverbanden/PO0101/").content.decode())
    assert "Nog geen toelichting." in overzicht
    assert 'href="/samenwerkingsverbanden/PO0101/toelichtingen/rechtspersoon/"' in overzicht
    assert 'href="/samenwerkingsverbanden/PO0101/toelichtingen/nieuw-op/1/"' in overzicht
    adres = "/samenwerkingsverbanden/PO0101/toelichtingen/rechtspersoon/"
    assert client.get(adres).status_code == 200
    inspectie = maak_gebruiker(Rol.INSPECTIE)

    def onverklaard() -> int:
        """The portfolio's count of PO0101's late items without an explanation."""
        from django.test import Client

        lezer = Client()
        lezer.force_login(inspectie)
        csv = lezer.get("/dashboards/portefeuille/export/portefeuille.csv").content.decode(
            "utf-8-sig"
        )
        kop, *rijen = (r.split(";") for r in csv.splitlines())
        return int(next(r for r in rijen if r[0] == "PO 01-01")[kop.index("Zonder toelichting")])

    voor = onverklaard()
    assert voor >= 2  # founded late, the first OP missed, and more
    fout = client.post(adres, {"tekst": "", "verwacht_op": ""})
    assert fout.status_code == 400
    geen_termijn = client.post(
        "/samenwerkingsverbanden/PO0101/toelichtingen/verevening-voltooid/",
        {"tekst": "Zomaar.", "verwacht_op": ""},
    )
    assert geen_termijn.status_code == 400
    assert "een toelichting is niet nodig" in unescape(geen_termijn.content.decode())
    assert not Toelichting.objects.exists()
    antwoord = client.post(adres, {"tekst": "De notaris was laat.", "verwacht_op": ""})
    assert antwoord.status_code == 302
    overzicht = unescape(client.get("/samenwerkingsverbanden/PO0101/").content.decode())
    assert "De notaris was laat." in overzicht and "Fleur Dijk" in overzicht
    assert "Toelichting wijzigen" in overzicht
    assert onverklaard() == voor - 1

    # the ministry's late list carries it, and says where there is none yet
    am = client_als(Rol.ACCOUNTMANAGER)
    assert am.get(adres).status_code == 403
    csv = am.get("/dashboards/monitor/export/achterstanden.csv?sector=PO").content.decode(
        "utf-8-sig"
    )
    kop, *rijen = csv.splitlines()
    assert kop.split(";")[-1] == "Toelichting"
    rechtspersoon = next(r for r in rijen if "rechtspersoon" in r.lower())
    assert rechtspersoon.endswith("De notaris was laat.")
    assert any(r.endswith("Nog geen toelichting") for r in rijen)

    # the API lists it under the SWV, for those who may read the SWV
    [item] = (
        api_als(Rol.INSPECTIE)
        .get("/api/v1/samenwerkingsverbanden/PO0101/toelichtingen")
        .json()["resultaten"]
    )
    assert (item["mijlpaal"], item["cyclus"], item["tekst"]) == (
        "rechtspersoon", 0, "De notaris was laat.",
    )  # fmt: skip
    ander = SwvFactory(code="PO0103")
    vreemde = api_als(maak_gebruiker(Rol.COORDINATOR, swvs=[ander]))
    assert vreemde.get("/api/v1/samenwerkingsverbanden/PO0101/toelichtingen").status_code == 404

    # another SWV's coördinator cannot open the form
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[ander]))
    assert client.get(adres).status_code == 404
    assert (
        client.get("/samenwerkingsverbanden/PO0101/toelichtingen/bestaat-niet/").status_code == 404
    )


def test_an_explanation_carries_an_optional_document(swv, client, maak_gebruiker, api_als):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from swv.tests.pdfs import gewone_pdf

    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    adres = "/samenwerkingsverbanden/PO0101/toelichtingen/rechtspersoon/"
    antwoord = client.post(
        adres,
        {
            "tekst": "De notaris was laat; zie zijn brief.",
            "verwacht_op": "",
            "document": SimpleUploadedFile("notaris.pdf", gewone_pdf(), "application/pdf"),
        },
    )
    assert antwoord.status_code == 302
    toelichting = Toelichting.objects.get()
    assert toelichting.document.naam == "notaris.pdf" and toelichting.document.swv == swv
    overzicht = client.get("/samenwerkingsverbanden/PO0101/").content.decode()
    assert f'href="/samenwerkingsverbanden/PO0101/documenten/{toelichting.document.pk}/"' in (
        overzicht
    )
    # the form names the current file; a change without a new one keeps it
    assert "Huidig bestand" in client.get(adres).content.decode()
    client.post(adres, {"tekst": "Anders.", "verwacht_op": "", "versie": 1})
    toelichting.refresh_from_db()
    assert (toelichting.tekst, toelichting.document.naam) == ("Anders.", "notaris.pdf")
    [item] = (
        api_als(Rol.INSPECTIE)
        .get("/api/v1/samenwerkingsverbanden/PO0101/toelichtingen")
        .json()["resultaten"]
    )
    assert item["document"] == toelichting.document.pk
    # a document of another SWV is refused by the service
    ander = SwvFactory(code="PO0104")
    vreemd = ander.documenten.create(naam="x.pdf", grootte=1, sha256="0" * 64, bestand="x.pdf")
    with pytest.raises(ValidationError, match="ander samenwerkingsverband"):
        vast(swv, "rechtspersoon", document=vreemd, toelichting=toelichting, verwachte_versie=2)
