"""Comply or explain for figures (ADR 0086): the coördinator explains a reporting round or the
pupils on a teldatum, with an optional PDF; the explanation stands beside the figure on the
Thuiszitters and Leerlingen tabs and on the profile; who may write it, and what is refused."""

import datetime
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Rol
from passend.locking import Wijzigingsconflict
from swv.tests.factories import LeerlingtellingFactory, swv_met_regio
from swv.tests.pdfs import gewone_pdf
from toezicht.models import Cijfertoelichting
from toezicht.services import leg_cijfertoelichting_vast
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db

D = datetime.date
TELDATUM = D(2015, 10, 1)


@pytest.fixture
def swv():
    swv = swv_met_regio(code="PO2707", naam="Passend Amstelland", pc4s=("1011",))
    for categorie, aantal in (("bao", 9_800), ("so_cl34", 200)):
        LeerlingtellingFactory(swv=swv, teldatum=TELDATUM, categorie=categorie, aantal=aantal)
    return swv


@pytest.fixture
def afgelopen():
    return ronde(D(2016, 1, 1), D(2016, 2, 29))


@pytest.fixture
def coordinator(client, maak_gebruiker, swv):
    client.force_login(
        maak_gebruiker(
            Rol.COORDINATOR, swvs=[swv], first_name="Anna", last_name="de Vries", username="anna"
        )
    )
    return client


def _tekst(antwoord) -> str:
    assert antwoord.status_code == 200
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", antwoord.content.decode())))


def test_the_coordinator_explains_a_round_with_a_document(coordinator, swv, afgelopen):
    adres = f"/samenwerkingsverbanden/PO2707/thuiszitters/rondes/{afgelopen.pk}/toelichting/"
    pagina = _tekst(coordinator.get(adres))
    assert "Rapportageronde 1 jan \u2013 29 feb 2016" in pagina
    antwoord = coordinator.post(
        adres,
        {
            "tekst": "Twee scholen meldden hun thuiszitters pas na de deadline.",
            "document": SimpleUploadedFile("brief.pdf", gewone_pdf(), "application/pdf"),
        },
    )
    assert antwoord.status_code == 302 and antwoord.url.endswith("/PO2707/thuiszitters/")
    toelichting = Cijfertoelichting.objects.get()
    assert (toelichting.onderwerp, toelichting.ronde, toelichting.teldatum) == (
        "ronde",
        afgelopen,
        None,
    )
    assert toelichting.document.naam == "brief.pdf" and toelichting.document.swv == swv

    tab = _tekst(coordinator.get("/samenwerkingsverbanden/PO2707/thuiszitters/"))
    assert re.search(
        r"Twee scholen meldden hun thuiszitters pas na de deadline\. brief\.pdf Anna de Vries, "
        r"\d+ \w+ \d{4}, \d\d:\d\d Toelichting wijzigen",
        tab,
    ), tab
    # changing keeps the document when no new one is chosen
    assert (
        coordinator.post(adres, {"tekst": "Drie scholen waren te laat.", "versie": 1}).status_code
        == 302
    )
    toelichting.refresh_from_db()
    assert (toelichting.tekst, toelichting.versie) == ("Drie scholen waren te laat.", 2)
    assert toelichting.document.naam == "brief.pdf"
    # an old version is refused, and nothing changes
    assert coordinator.post(adres, {"tekst": "Oud", "versie": 1}).status_code == 409
    toelichting.refresh_from_db()
    assert toelichting.tekst == "Drie scholen waren te laat."


def test_the_coordinator_explains_the_pupils_on_a_teldatum(coordinator, swv, client_als):
    tab = coordinator.get("/samenwerkingsverbanden/PO2707/leerlingen/").content.decode()
    adres = "/samenwerkingsverbanden/PO2707/leerlingen/2015-10-01/toelichting/"
    assert f'href="{adres}"' in tab
    antwoord = coordinator.post(adres, {"tekst": "Een nieuwe so-school opende in augustus."})
    assert antwoord.status_code == 302 and antwoord.url.endswith("/leerlingen/#kop-toelichtingen")

    lezer = client_als(Rol.ACCOUNTMANAGER)
    tab = lezer.get("/samenwerkingsverbanden/PO2707/leerlingen/").content.decode()
    assert "Een nieuwe so-school opende in augustus." in tab
    assert adres not in tab  # the accountmanager reads, and is offered no form
    profiel = _tekst(lezer.get("/samenwerkingsverbanden/PO2707/profiel/"))
    assert re.search(r"01-10-2015 2,04% .* Een nieuwe so-school opende in augustus\.", profiel)


def test_only_the_swvs_own_coordinator_writes_and_only_what_can_be_explained(
    client, maak_gebruiker, swv, afgelopen
):
    rondeadres = f"/samenwerkingsverbanden/PO2707/thuiszitters/rondes/{afgelopen.pk}/toelichting/"
    data = {"tekst": "Uitleg."}
    for rol in (Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER):
        client.force_login(maak_gebruiker(rol))
        assert client.post(rondeadres, data).status_code == 403, rol
    ander = swv_met_regio(code="PO2708", pc4s=("1012",))
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[ander]))
    assert client.post(rondeadres, data).status_code == 404
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    lopend = ronde(D(2030, 1, 1), D(2030, 2, 28))
    for adres in (
        f"/samenwerkingsverbanden/PO2707/thuiszitters/rondes/{lopend.pk}/toelichting/",
        "/samenwerkingsverbanden/PO2707/thuiszitters/rondes/999999/toelichting/",
        "/samenwerkingsverbanden/PO2707/leerlingen/2014-10-01/toelichting/",  # no counts
        "/samenwerkingsverbanden/PO2707/leerlingen/gisteren/toelichting/",
    ):
        assert client.post(adres, data).status_code == 404, adres
    assert not Cijfertoelichting.objects.exists()
    client.logout()
    assert client.get(rondeadres).status_code == 302  # to the login page


def test_the_service_refuses_what_cannot_be_explained(swv, afgelopen):
    def vast(**velden):
        return leg_cijfertoelichting_vast(
            swv=swv, door=None, tekst=velden.pop("tekst", "Uitleg."), **velden
        )

    with pytest.raises(ValidationError, match="Schrijf de toelichting"):
        vast(tekst="  ", ronde=afgelopen)
    with pytest.raises(ValidationError, match="rapportageronde of bij een teldatum"):
        vast(ronde=afgelopen, teldatum=TELDATUM)
    with pytest.raises(ValidationError, match="nog niet afgelopen"):
        vast(ronde=ronde(D(2030, 1, 1), D(2030, 2, 28)))
    with pytest.raises(ValidationError, match="geen leerlingen"):
        vast(teldatum=D(2014, 10, 1))
    with pytest.raises(ValidationError, match="Leg nooit gegevens vast"):
        vast(ronde=afgelopen, tekst="leerling 111222333 zat thuis")
    eerste = vast(ronde=afgelopen)
    with pytest.raises(ValidationError, match="al een toelichting"):
        vast(ronde=afgelopen)
    vast(ronde=afgelopen, tekst="Nieuw.", toelichting=eerste, verwachte_versie=1)
    with pytest.raises(Wijzigingsconflict):
        vast(ronde=afgelopen, tekst="Oud.", toelichting=eerste, verwachte_versie=1)
    assert Cijfertoelichting.objects.get().tekst == "Nieuw."


def test_the_api_lists_them_under_the_swv(swv, afgelopen, api_als, maak_gebruiker):
    leg_cijfertoelichting_vast(swv=swv, door=None, tekst="Twee scholen te laat.", ronde=afgelopen)
    leg_cijfertoelichting_vast(swv=swv, door=None, tekst="Nieuwe so-school.", teldatum=TELDATUM)
    adres = "/api/v1/samenwerkingsverbanden/PO2707/cijfertoelichtingen"
    rijen = api_als(Rol.INSPECTIE).get(adres, {"sorteer": "onderwerp"}).json()["resultaten"]
    assert [(r["onderwerp"], r["ronde"], r["teldatum"], r["tekst"]) for r in rijen] == [
        ("deelname", None, "2015-10-01", "Nieuwe so-school."),
        ("ronde", afgelopen.pk, None, "Twee scholen te laat."),
    ]
    assert set(rijen[0]) == {
        "id", "onderwerp", "ronde", "teldatum", "tekst", "document", "gewijzigdOp",
    }  # fmt: skip
    ander = swv_met_regio(code="PO2708", pc4s=("1012",))
    vreemde = api_als(maak_gebruiker(Rol.COORDINATOR, swvs=[ander]))
    assert vreemde.get(adres).status_code == 404


def test_the_inspectie_reads_it_on_the_rounds_page(swv, afgelopen, client_als):
    """The SWV did not submit; its explanation stands in the list of those that did not."""
    leg_cijfertoelichting_vast(
        swv=swv, door=None, tekst="De coördinator was langdurig ziek.", ronde=afgelopen
    )
    pagina = _tekst(client_als(Rol.INSPECTIE).get(f"/toezicht/rondes/{afgelopen.pk}/"))
    assert re.search(
        r"Niet ingediend .* PO 27-07 Passend Amstelland .* De coördinator was langdurig ziek\.",
        pagina,
    )


def test_the_dashboards_set_it_beside_the_swvs_figures(swv, afgelopen, client_als):
    from toezicht.models import Thuiszitterregistratie, Thuiszittertelling

    registratie = Thuiszitterregistratie.objects.create(
        swv=swv,
        ronde=afgelopen,
        periode_van=afgelopen.periode_van,
        periode_tot=afgelopen.periode_tot,
    )
    Thuiszittertelling.objects.create(
        registratie=registratie, soort="absoluut", duur="lang", met_aanbod=False, aantal=4
    )
    leg_cijfertoelichting_vast(swv=swv, door=None, tekst="Een school sloot.", ronde=afgelopen)
    leg_cijfertoelichting_vast(swv=swv, door=None, tekst="Nieuwe so-school.", teldatum=TELDATUM)
    lezer = client_als(Rol.ACCOUNTMANAGER)
    thuiszitters = lezer.get(
        "/dashboards/thuiszitters/", {"periode": afgelopen.periode_van.isoformat()}
    ).context["tabellen"]["thuiszitters-swv"]
    assert thuiszitters.kolommen[-1] == "Toelichting van het SWV"
    assert thuiszitters.rijen[0][-1] == "Een school sloot."
    leerlingen = lezer.get(
        "/dashboards/leerlingen/", {"sector": "PO", "teldatum": TELDATUM.isoformat()}
    ).context["tabellen"]["deelname-swv-percentages-po"]
    assert leerlingen.kolommen[-1] == "Toelichting van het SWV"
    assert leerlingen.rijen[0][-1] == "Nieuwe so-school."
