"""The werkagenda of 2012 and its subsidy (ADR 0077): the amount worked out by hand from the
pupil counts, the rules of the service, the coördinator's page, the monitor's counts per sector
and the API, each as of a peildatum."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Rol
from ondersteuningsplan import services, werkagenda
from ondersteuningsplan.models import Werkagenda
from passend.locking import Wijzigingsconflict
from swv.models import Sector
from swv.tests.factories import LeerlingtellingFactory, SamenwerkingsverbandFactory, swv_met_regio
from swv.tests.pdfs import gewone_pdf

pytestmark = pytest.mark.django_db

D = datetime.date


def tel(swv, teldatum, **aantallen):
    for categorie, aantal in aantallen.items():
        LeerlingtellingFactory(swv=swv, teldatum=teldatum, categorie=categorie, aantal=aantal)


@pytest.fixture
def po():
    swv = swv_met_regio(code="PO2707", pc4s=["1011"], naam="SWV Amstelland")
    tel(swv, D(2011, 10, 1), bao=9000, sbo=300, so_cl34=40)
    tel(swv, D(2012, 10, 1), bao=9100, sbo=310, so_cl34=45)
    return swv


@pytest.fixture
def vo():
    swv = SamenwerkingsverbandFactory(code="VO2707", sector=Sector.VO)
    tel(swv, D(2012, 10, 1), vo=5000, lwoo=600, pro=200, vso_cl34=100)
    return swv


def leg_vast(swv, door=None, **velden):
    return services.leg_werkagenda_vast(swv=swv, door=door, **velden)


def test_the_subsidy_is_ten_euros_per_regular_pupil_on_the_last_teldatum_before_the_request(po, vo):
    # po: bao + sbo, so is not regular; the request after 1 October 2012 reads that count
    na = leg_vast(po, vastgesteld_op=D(2012, 9, 1), subsidie_aangevraagd_op=D(2012, 10, 15))
    assert werkagenda.subsidie(na) == werkagenda.Subsidie(D(2012, 10, 1), 9100 + 310)
    assert werkagenda.subsidie(na).bedrag == Decimal(94100)

    # the day before the teldatum, the count of a year earlier
    Werkagenda.objects.filter(pk=na.pk).update(subsidie_aangevraagd_op=D(2012, 9, 30))
    na.refresh_from_db()
    assert werkagenda.subsidie(na).leerlingen == 9000 + 300

    # vo: vo + lwoo + pro, vso is not regular
    agenda = leg_vast(vo, vastgesteld_op=D(2012, 10, 1), subsidie_aangevraagd_op=D(2012, 10, 1))
    assert werkagenda.subsidie(agenda).bedrag == Decimal(58000)

    # no count on or before the request: no amount, not a guess
    leeg = SamenwerkingsverbandFactory()
    agenda = leg_vast(leeg, vastgesteld_op=D(2012, 3, 1), subsidie_aangevraagd_op=D(2012, 3, 2))
    assert werkagenda.subsidie(agenda) == werkagenda.Subsidie(None, 0)


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        (
            {"subsidie_aangevraagd_op": D(2013, 1, 10)},
            "subsidie_aangevraagd_op",
            "kon alleen in 2012 worden aangevraagd",
        ),
        (
            {"subsidie_aangevraagd_op": D(2012, 8, 31)},
            "subsidie_aangevraagd_op",
            "die is vastgesteld op 01-09-2012",
        ),
        (
            {"subsidie_toegekend_op": D(2012, 12, 1)},
            "subsidie_toegekend_op",
            "Vul eerst in wanneer de subsidie is aangevraagd",
        ),
        (
            {"subsidie_aangevraagd_op": D(2012, 11, 1), "subsidie_toegekend_op": D(2012, 10, 1)},
            "subsidie_toegekend_op",
            "niet vóór de aanvraag",
        ),
        (
            {"vastgesteld_op": D(2027, 1, 1)},
            "vastgesteld_op",
            "ligt in de toekomst",
        ),
    ],
)
def test_a_wrong_date_is_refused_with_its_field_and_saves_nothing(po, velden, veld, melding):
    with (
        time_machine.travel(datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)),
        pytest.raises(ValidationError) as fout,
    ):
        leg_vast(po, **({"vastgesteld_op": D(2012, 9, 1)} | velden))
    assert melding in " ".join(fout.value.message_dict[veld])
    assert not Werkagenda.objects.exists()


def test_a_change_names_the_version_it_read_and_lands_in_the_history(po, maak_gebruiker):
    coordinator = maak_gebruiker(Rol.COORDINATOR, swvs=[po])
    agenda = leg_vast(po, coordinator, vastgesteld_op=D(2012, 9, 1))
    gewijzigd = leg_vast(
        po,
        coordinator,
        vastgesteld_op=D(2012, 9, 1),
        subsidie_aangevraagd_op=D(2012, 10, 15),
        verwachte_versie=agenda.versie,
    )
    assert gewijzigd.versie == agenda.versie + 1
    for versie in (agenda.versie, None):  # stale, or read when there was none yet
        with pytest.raises(Wijzigingsconflict):
            leg_vast(po, coordinator, vastgesteld_op=D(2012, 9, 2), verwachte_versie=versie)
    assert Werkagenda.objects.get().vastgesteld_op == D(2012, 9, 1)
    assert LogEntry.objects.get_for_object(gewijzigd).filter(actor=coordinator).count() == 2


def test_the_monitor_counts_per_sector_as_of_the_peildatum_in_a_fixed_number_of_queries(
    po, vo, django_assert_max_num_queries
):
    leg_vast(
        po,
        vastgesteld_op=D(2012, 9, 1),
        subsidie_aangevraagd_op=D(2012, 10, 15),
        subsidie_toegekend_op=D(2012, 12, 1),
    )
    leg_vast(vo, vastgesteld_op=D(2012, 10, 1), subsidie_aangevraagd_op=D(2012, 10, 1))
    for i in range(20):
        swv = SamenwerkingsverbandFactory(sector=Sector.PO)
        tel(swv, D(2012, 10, 1), bao=100 + i)
        leg_vast(
            swv,
            vastgesteld_op=D(2012, 11, 1),
            subsidie_aangevraagd_op=D(2012, 11, 2),
            subsidie_toegekend_op=D(2013, 1, 2),
        )

    def stand(peildatum):
        with django_assert_max_num_queries(3):
            return {s.sector: s for s in werkagenda.per_sector(peildatum)}

    assert stand(D(2012, 8, 31))[Sector.PO].met_werkagenda == 0
    op = stand(D(2012, 12, 31))
    assert (op[Sector.PO].met_werkagenda, op[Sector.PO].aangevraagd) == (21, 21)
    assert (op[Sector.PO].toegekend, op[Sector.PO].bedrag_toegekend) == (1, Decimal(94100))
    assert (op[Sector.VO].met_werkagenda, op[Sector.VO].aangevraagd) == (1, 1)
    assert (op[Sector.VO].toegekend, op[Sector.PO].swvs) == (0, 21)
    later = stand(D(2013, 2, 1))[Sector.PO]
    assert later.bedrag_toegekend == Decimal(94100) + 10 * sum(100 + i for i in range(20))


def test_the_coordinator_records_it_on_a_dutch_form_and_reads_it_on_the_overview(
    client, maak_gebruiker, po
):
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[po]))
    adres = f"/samenwerkingsverbanden/{po.code}/werkagenda/"
    assert client.get(adres).status_code == 200

    fout = client.post(
        adres, {"vastgesteld_op": "2012-09-01", "subsidie_aangevraagd_op": "2013-01-10"}
    )
    assert fout.status_code == 400
    assert "kon alleen in 2012 worden aangevraagd" in fout.content.decode()
    assert not Werkagenda.objects.exists()

    antwoord = client.post(
        adres,
        {
            "vastgesteld_op": "2012-09-01",
            "subsidie_aangevraagd_op": "2012-10-15",
            "subsidie_toegekend_op": "2012-12-01",
            "document": SimpleUploadedFile("werkagenda.pdf", gewone_pdf(), "application/pdf"),
        },
    )
    assert antwoord.status_code == 302
    assert Werkagenda.objects.get().document.naam == "werkagenda.pdf"
    pagina = client.get(f"/samenwerkingsverbanden/{po.code}/?peildatum=2013-01-01")
    tekst = pagina.content.decode()
    assert "€\u00a094.100: 9.410 leerlingen van de reguliere scholen op 1 oktober 2012" in tekst
    assert "1 december 2012" in tekst and "werkagenda.pdf" in tekst
    # before the grant, as the portal knew it then
    eerder = client.get(f"/samenwerkingsverbanden/{po.code}/?peildatum=2012-11-01").content
    assert "Nog niet toegekend" in eerder.decode()

    verouderd = Werkagenda.objects.get().versie + 1  # not the version stored
    conflict = client.post(adres, {"vastgesteld_op": "2012-09-02", "versie": verouderd})
    assert conflict.status_code == 409
    assert Werkagenda.objects.get().vastgesteld_op == D(2012, 9, 1)


def test_only_the_swvs_own_coordinator_may_change_it(client, maak_gebruiker, po, vo):
    leg_vast(po, vastgesteld_op=D(2012, 9, 1))
    adres = f"/samenwerkingsverbanden/{po.code}/werkagenda/"
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[vo]))
    assert client.get(adres).status_code == 404
    assert client.post(adres, {"vastgesteld_op": "2012-09-05"}).status_code == 404
    for rol in (Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER):
        client.force_login(maak_gebruiker(rol))
        assert client.post(adres, {"vastgesteld_op": "2012-09-05"}).status_code == 403
        assert (
            "1 september 2012" in client.get(f"/samenwerkingsverbanden/{po.code}/").content.decode()
        )
    assert Werkagenda.objects.get().vastgesteld_op == D(2012, 9, 1)


def test_the_monitor_shows_the_counts_and_exports_them(client_als, po):
    leg_vast(
        po,
        vastgesteld_op=D(2012, 9, 1),
        subsidie_aangevraagd_op=D(2012, 10, 15),
        subsidie_toegekend_op=D(2012, 12, 1),
    )
    client = client_als(Rol.ACCOUNTMANAGER)
    pagina = client.get("/dashboards/monitor/?peildatum=2013-01-01").content.decode()
    assert "Werkagenda en subsidie 2012" in pagina and "94.100" in pagina
    csv = client.get("/dashboards/monitor/export/werkagenda.csv?peildatum=2013-01-01")
    assert csv.status_code == 200
    regels = csv.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("Sector;Met werkagenda;")
    assert regels[1].split(";")[1:5] == ["1", "1", "1", "94100"]


def test_the_api_gives_the_werkagenda_as_it_stood_on_the_peildatum(api_als, maak_gebruiker, po, vo):
    leg_vast(
        po,
        vastgesteld_op=D(2012, 9, 1),
        subsidie_aangevraagd_op=D(2012, 10, 15),
        subsidie_toegekend_op=D(2012, 12, 1),
    )
    client = api_als(Rol.INSPECTIE)
    adres = f"/api/v1/samenwerkingsverbanden/{po.code}/werkagenda"
    assert client.get(adres, {"peildatum": "2012-08-31"}).json()["aantal"] == 0
    [eerder] = client.get(adres, {"peildatum": "2012-10-01"}).json()["resultaten"]
    assert (eerder["subsidieAangevraagdOp"], eerder["subsidie"]) == (None, None)
    [nu] = client.get(adres).json()["resultaten"]
    assert nu == {
        "id": Werkagenda.objects.get().pk,
        "vastgesteldOp": "2012-09-01",
        "document": None,
        "subsidieAangevraagdOp": "2012-10-15",
        "subsidieToegekendOp": "2012-12-01",
        "subsidie": {"teldatum": "2012-10-01", "leerlingen": 9410, "bedrag": 94100},
    }
    ander = api_als(maak_gebruiker(Rol.COORDINATOR, swvs=[vo]))
    assert ander.get(adres).status_code == 404
    assert ander.get(f"/api/v1/samenwerkingsverbanden/{vo.code}/werkagenda").json()["aantal"] == 0
