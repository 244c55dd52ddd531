"""Disputes and their outcomes (ADR 0079): the rules of the service, the OOGO that ends in one,
the milestones a dispute holds up, the coördinator's pages, the monitor's counts per kind and
the API, each as of a peildatum."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Rol
from ondersteuningsplan import geschillen, selectors, services
from ondersteuningsplan.models import (
    OOGO,
    Besluit,
    Geschil,
    Geschilsoort,
    Instantie,
    OOGOStatus,
    OPRBesluit,
    Uitspraak,
)
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory, OndersteuningsplanFactory
from passend.locking import Wijzigingsconflict
from swv.tests.factories import LidmaatschapFactory, SchoolbestuurFactory, swv_met_regio

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def swv():
    return swv_met_regio(code="PO2707", pc4s=["1011"], naam="SWV Amstelland")


@pytest.fixture
def plan(swv):
    plan = OndersteuningsplanFactory(swv=swv, titel="Ondersteuningsplan 2014-2018")
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.CONCEPT_OP_GEREED, datum=D(2013, 11, 1))
    return plan


@pytest.fixture
def weigering(plan):
    return services.registreer_opr_besluit(
        ondersteuningsplan=plan,
        datum_voorgelegd=D(2014, 1, 10),
        besluit=Besluit.GEEN_INSTEMMING,
        datum_besluit=D(2014, 2, 1),
        door=None,
    )


@pytest.fixture
def lid(swv):
    return LidmaatschapFactory(swv=swv, bestuur=SchoolbestuurFactory(naam="Stichting Primo"))


UITKOMST = D(2014, 2, 20)


def oogo_geschil(plan, datum=UITKOMST, **velden):
    return services.registreer_oogo(
        ondersteuningsplan=plan,
        gemeente=plan.swv.regio.get().postcodegebied.gemeente,
        status=OOGOStatus.GESCHIL,
        datum_gehouden=D(2014, 2, 1),
        datum_uitkomst=datum,
        door=None,
        **velden,
    )


def leg_vast(swv, **velden):
    return services.leg_geschil_vast(swv=swv, door=None, **velden)


def test_an_oogo_that_ends_in_a_dispute_has_one_from_that_day(plan):
    oogo = oogo_geschil(plan)
    geschil = Geschil.objects.get()
    assert (geschil.soort, geschil.oogo, geschil.ontstaan_op) == ("oogo", oogo, D(2014, 2, 20))

    # a corrected date moves the dispute's start along; saving again makes no second one
    oogo = oogo_geschil(plan, datum=D(2014, 2, 22), oogo=oogo, verwachte_versie=oogo.versie)
    assert Geschil.objects.get().ontstaan_op == D(2014, 2, 22)

    # once recorded, the consultation stays a dispute: the dispute is its outcome now
    with pytest.raises(ValidationError, match="de stand blijft daarom geschil"):
        services.registreer_oogo(
            ondersteuningsplan=plan, gemeente=oogo.gemeente, status=OOGOStatus.OVEREENSTEMMING,
            datum_gehouden=D(2014, 2, 1), datum_uitkomst=D(2014, 2, 22), door=None,
            oogo=oogo, verwachte_versie=oogo.versie,
        )  # fmt: skip
    # nor can it have arisen after it was put to the commission
    geschil = leg_vast(
        plan.swv, soort="oogo", ontstaan_op=D(2014, 2, 22), instantie=Instantie.OOGO_COMMISSIE,
        voorgelegd_op=D(2014, 3, 1), geschil=Geschil.objects.get(),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="niet later zijn ontstaan"):
        oogo_geschil(plan, datum=D(2014, 3, 5), oogo=oogo, verwachte_versie=oogo.versie)
    assert Geschil.objects.get().ontstaan_op == geschil.ontstaan_op
    assert OOGO.objects.get().datum_uitkomst == D(2014, 2, 22)


def test_an_opr_refusal_in_dispute_stays_a_refusal(plan, weigering):
    leg_vast(plan.swv, soort="opr", opr_besluit=weigering, ontstaan_op=D(2014, 2, 3))
    with pytest.raises(ValidationError, match="blijft daarom zonder instemming"):
        services.registreer_opr_besluit(
            ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10), besluit=Besluit.INSTEMMING,
            datum_besluit=D(2014, 2, 1), door=None, opr_besluit=weigering,
            verwachte_versie=weigering.versie,
        )  # fmt: skip
    assert OPRBesluit.objects.get().besluit == Besluit.GEEN_INSTEMMING


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"soort": "opr", "opr_besluit": None}, "opr_besluit", "Kies het besluit"),
        ({"soort": "bestuur"}, "bestuur", "lid is of was"),
        ({"ontstaan_op": D(2014, 1, 31)}, "ontstaan_op", "De raad besloot op 01-02-2014"),
        ({"instantie": Instantie.GESCHILLENCOMMISSIE, "voorgelegd_op": D(2014, 3, 1)},
         "instantie", "zijn eigen commissie of de rechter"),
        ({"instantie": Instantie.LCG_WMS}, "voorgelegd_op", "of geen van beide"),
        ({"instantie": Instantie.LCG_WMS, "voorgelegd_op": D(2014, 2, 2)}, "voorgelegd_op",
         "ontstond op 03-02-2014"),
        ({"uitspraak": Uitspraak.GEGROND}, "uitspraak_op", "allebei"),
        ({"uitspraak": Uitspraak.GEGROND, "uitspraak_op": D(2014, 4, 1)}, "uitspraak",
         "volgt op het voorleggen"),
        ({"instantie": Instantie.LCG_WMS, "voorgelegd_op": D(2014, 3, 1),
          "uitspraak": Uitspraak.GEGROND, "uitspraak_op": D(2014, 2, 20)}, "uitspraak_op",
         "niet vóór 01-03-2014"),
        ({"uitspraak": Uitspraak.INGETROKKEN, "uitspraak_op": D(2027, 1, 1)}, "uitspraak_op",
         "ligt in de toekomst"),
    ],
)  # fmt: skip
def test_a_wrong_dispute_is_refused_with_its_field_and_saves_nothing(
    swv, weigering, lid, velden, veld, melding
):
    basis = {"soort": "opr", "opr_besluit": weigering, "ontstaan_op": D(2014, 2, 3)}
    if velden.get("soort") == "bestuur":
        basis = {
            "soort": "bestuur",
            "bestuur": SchoolbestuurFactory(),
            "ontstaan_op": D(2016, 1, 1),
        }
    with (
        time_machine.travel(datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)),
        pytest.raises(ValidationError) as fout,
    ):
        leg_vast(swv, **(basis | velden))
    assert melding in " ".join(fout.value.message_dict[veld])
    assert not Geschil.objects.exists()


def test_a_party_of_another_swv_or_of_the_wrong_kind_is_refused(swv, plan, lid):
    ander = swv_met_regio(code="PO2708", pc4s=["2011"])
    vreemd = OPRBesluit.objects.create(
        ondersteuningsplan=OndersteuningsplanFactory(swv=ander),
        datum_voorgelegd=D(2014, 1, 10),
        besluit=Besluit.GEEN_INSTEMMING,
        datum_besluit=D(2014, 2, 1),
    )
    with pytest.raises(ValidationError, match="Kies het besluit"):
        leg_vast(swv, soort="opr", opr_besluit=vreemd, ontstaan_op=D(2014, 2, 3))
    instemming = OPRBesluit.objects.create(
        ondersteuningsplan=plan,
        datum_voorgelegd=D(2014, 1, 10),
        besluit=Besluit.INSTEMMING,
        datum_besluit=D(2014, 2, 1),
    )
    with pytest.raises(ValidationError, match="volgt op een besluit zonder instemming"):
        leg_vast(swv, soort="opr", opr_besluit=instemming, ontstaan_op=D(2014, 2, 3))
    with pytest.raises(ValidationError, match="Kies de soort"):
        leg_vast(swv, soort="rechtszaak", bestuur=lid.bestuur, ontstaan_op=D(2016, 1, 1))
    assert not Geschil.objects.exists()


def test_a_change_names_the_version_it_read_keeps_its_party_and_lands_in_the_history(
    swv, lid, maak_gebruiker
):
    coordinator = maak_gebruiker(Rol.COORDINATOR, swvs=[swv])
    geschil = services.leg_geschil_vast(
        swv=swv, door=coordinator, soort="bestuur", bestuur=lid.bestuur, ontstaan_op=D(2016, 1, 4)
    )
    gewijzigd = services.leg_geschil_vast(
        swv=swv, door=coordinator, soort="opr", ontstaan_op=D(2016, 1, 4),
        instantie=Instantie.GESCHILLENCOMMISSIE, voorgelegd_op=D(2016, 2, 1),
        geschil=geschil, verwachte_versie=geschil.versie,
    )  # fmt: skip
    assert (gewijzigd.soort, gewijzigd.bestuur, gewijzigd.versie) == ("bestuur", lid.bestuur, 2)
    with pytest.raises(Wijzigingsconflict):
        services.leg_geschil_vast(
            swv=swv, door=coordinator, soort="bestuur", ontstaan_op=D(2016, 1, 5),
            geschil=geschil, verwachte_versie=geschil.versie,
        )  # fmt: skip
    assert LogEntry.objects.get_for_object(gewijzigd).filter(actor=coordinator).count() == 2


def test_a_dispute_as_of_a_peildatum_and_the_milestones_it_holds_up(swv, plan, weigering):
    geschil = leg_vast(
        swv, soort="opr", opr_besluit=weigering, ontstaan_op=D(2014, 2, 3),
        instantie=Instantie.LCG_WMS, voorgelegd_op=D(2014, 2, 10),
        uitspraak=Uitspraak.GEGROND, uitspraak_op=D(2014, 4, 10),
    )  # fmt: skip
    assert geschillen.stand(geschil, D(2014, 2, 2)) is None
    vroeg = geschillen.stand(geschil, D(2014, 2, 5))
    assert (vroeg.open, vroeg.voorgelegd_op, vroeg.instantie, vroeg.fase) == (
        True, None, "", "Nog niet voorgelegd",
    )  # fmt: skip
    midden = geschillen.stand(geschil, D(2014, 3, 1))
    assert (midden.open, midden.instantie_label, midden.fase) == (
        True, "Landelijke Commissie Geschillen WMS", "Voorgelegd",
    )  # fmt: skip
    laat = geschillen.stand(geschil, D(2014, 4, 10))
    assert (laat.open, laat.fase, laat.partij) == (
        False, "Uitspraak: gegrond", "Ondersteuningsplanraad",
    )  # fmt: skip

    def opgehouden(peildatum):
        standen = selectors.standen_van(swv, peildatum)
        lijst = geschillen.op_peildatum(swv, peildatum)
        return {s.mijlpaal.code for s in standen if geschillen.houdt_op(s, lijst)}

    # the plan lacks the OPR's consent: the first plan to the Inspectie, zorgplicht and the
    # new funding wait for it, and the recurring new plan too; the ruling ends that
    assert opgehouden(D(2014, 2, 2)) == set()
    assert opgehouden(D(2014, 3, 1)) == {
        "op-naar-inspectie",
        "zorgplicht",
        "bekostiging",
        "nieuw-op",
    }
    assert opgehouden(D(2014, 4, 10)) == set()


def test_the_monitor_counts_per_kind_as_of_the_peildatum_in_one_query(
    swv, plan, weigering, lid, django_assert_num_queries
):
    oogo_geschil(plan)
    leg_vast(
        swv, soort="oogo", ontstaan_op=UITKOMST, instantie=Instantie.OOGO_COMMISSIE,
        voorgelegd_op=D(2014, 6, 1), geschil=Geschil.objects.get(),
    )  # fmt: skip
    leg_vast(
        swv, soort="opr", opr_besluit=weigering, ontstaan_op=D(2014, 2, 3),
        instantie=Instantie.LCG_WMS, voorgelegd_op=D(2014, 2, 10),
        uitspraak=Uitspraak.ONGEGROND, uitspraak_op=D(2014, 4, 10),
    )  # fmt: skip
    leg_vast(
        swv, soort="bestuur", bestuur=lid.bestuur, ontstaan_op=D(2016, 1, 4),
        uitspraak=Uitspraak.INGETROKKEN, uitspraak_op=D(2016, 3, 1),
    )  # fmt: skip

    def tel(peildatum):
        with django_assert_num_queries(1):
            return {
                t.soort.value: (t.nog_niet_voorgelegd, t.voorgelegd, t.beslecht)
                for t in geschillen.per_soort(peildatum)
            }

    assert tel(D(2014, 1, 1)) == {"oogo": (0, 0, 0), "opr": (0, 0, 0), "bestuur": (0, 0, 0)}
    assert tel(D(2014, 3, 1)) == {"oogo": (1, 0, 0), "opr": (0, 1, 0), "bestuur": (0, 0, 0)}
    assert tel(D(2016, 2, 1)) == {"oogo": (0, 1, 0), "opr": (0, 0, 1), "bestuur": (1, 0, 0)}
    assert tel(D(2016, 3, 1)) == {"oogo": (0, 1, 0), "opr": (0, 0, 1), "bestuur": (0, 0, 1)}


def test_the_coordinator_records_a_dispute_on_a_dutch_form_and_reads_it_on_the_overview(
    client, maak_gebruiker, swv, plan, weigering
):
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    basis = f"/samenwerkingsverbanden/{swv.code}/"
    overzicht = client.get(basis + "?peildatum=2014-03-01").content.decode()
    assert "Op 1 maart 2014 geen geschillen." in overzicht
    nieuw = basis + "geschillen/nieuw/opr/"
    formulier = client.get(nieuw).content.decode()
    assert "Geschil: geen instemming van de ondersteuningsplanraad" in formulier
    assert "Ondersteuningsplan 2014-2018: geen instemming op 01-02-2014" in formulier
    assert "Landelijke Commissie Geschillen WMS" in formulier
    assert "Landelijke geschillencommissie passend onderwijs" not in formulier
    assert client.get(basis + "geschillen/nieuw/rechtszaak/").status_code == 404
    # an OOGO's dispute is made when the OOGO ends in one
    assert client.get(basis + "geschillen/nieuw/oogo/").status_code == 404

    fout = client.post(
        nieuw,
        {"opr_besluit": weigering.pk, "ontstaan_op": "2014-02-03", "instantie": "lcg_wms",
         "uitspraak": ""},
    )  # fmt: skip
    assert fout.status_code == 400
    assert "aan wie en wanneer het geschil is voorgelegd" in fout.content.decode()
    assert not Geschil.objects.exists()

    antwoord = client.post(
        nieuw,
        {"opr_besluit": weigering.pk, "ontstaan_op": "2014-02-03", "instantie": "lcg_wms",
         "voorgelegd_op": "2014-02-10", "uitspraak": "",
         "toelichting": "Over de verdeling van de middelen."},
    )  # fmt: skip
    assert antwoord.status_code == 302
    geschil = Geschil.objects.get()
    # one dispute per refusal: the next is a change of this one
    assert "geen instemming op 01-02-2014" not in client.get(nieuw).content.decode()
    with pytest.raises(ValidationError, match="al een geschil vastgelegd"):
        leg_vast(swv, soort="opr", opr_besluit=weigering, ontstaan_op=D(2014, 2, 3))
    pagina = client.get(basis + "?peildatum=2014-03-01").content.decode()
    assert "Geen instemming van de ondersteuningsplanraad" in pagina
    assert "Landelijke Commissie Geschillen WMS, 10 februari 2014" in pagina
    assert "Open: voorgelegd" in pagina
    assert "Opgehouden door een geschil (geen instemming van de ondersteuningsplanraad) sinds 3 februari 2014" in pagina  # fmt: skip
    plan_pagina = client.get(basis + f"plannen/{plan.pk}/").content.decode()
    assert "geschil sinds 3 februari 2014" in plan_pagina

    wijzigen = basis + f"geschillen/{geschil.pk}/"
    assert "opr_besluit" not in client.get(wijzigen).content.decode()  # the party stays
    antwoord = client.post(
        wijzigen,
        {"ontstaan_op": "2014-02-03", "instantie": "lcg_wms", "voorgelegd_op": "2014-02-10",
         "uitspraak": "gegrond", "uitspraak_op": "2014-04-10", "versie": geschil.versie},
    )  # fmt: skip
    assert antwoord.status_code == 302
    pagina = client.get(basis + "?peildatum=2014-05-01").content.decode()
    assert "Uitspraak: gegrond (10 april 2014)" in pagina
    assert "Opgehouden door een geschil" not in pagina
    conflict = client.post(
        wijzigen,
        {"ontstaan_op": "2014-02-04", "instantie": "", "uitspraak": "", "versie": geschil.versie},
    )
    assert conflict.status_code == 409
    assert Geschil.objects.get().ontstaan_op == D(2014, 2, 3)


def test_only_the_swvs_own_coordinator_may_record_or_change_one(client, maak_gebruiker, swv, lid):
    geschil = leg_vast(swv, soort="bestuur", bestuur=lid.bestuur, ontstaan_op=D(2016, 1, 4))
    ander = swv_met_regio(code="PO2708", pc4s=["2011"])
    basis = f"/samenwerkingsverbanden/{swv.code}/"
    wijzigen = basis + f"geschillen/{geschil.pk}/"
    data = {"ontstaan_op": "2016-01-05", "instantie": "", "uitspraak": ""}
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[ander]))
    assert client.get(wijzigen).status_code == 404
    assert client.post(wijzigen, data).status_code == 404
    assert client.post(basis + "geschillen/nieuw/bestuur/", data).status_code == 404
    # a guessed id under the coördinator's own SWV
    eigen = f"/samenwerkingsverbanden/{ander.code}/geschillen/{geschil.pk}/"
    assert client.get(eigen).status_code == 404
    for rol in (Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER):
        client.force_login(maak_gebruiker(rol))
        assert client.post(wijzigen, data).status_code == 403
        assert "Stichting Primo" in client.get(basis).content.decode()
    assert Geschil.objects.get().ontstaan_op == D(2016, 1, 4)


def test_the_monitor_shows_the_counts_and_exports_them(client_als, swv, lid):
    leg_vast(
        swv, soort="bestuur", bestuur=lid.bestuur, ontstaan_op=D(2016, 1, 4),
        instantie=Instantie.GESCHILLENCOMMISSIE, voorgelegd_op=D(2016, 2, 1),
    )  # fmt: skip
    client = client_als(Rol.ACCOUNTMANAGER)
    pagina = client.get("/dashboards/monitor/?peildatum=2016-03-01").content.decode()
    assert "Geschillen per soort" in pagina
    csv = client.get("/dashboards/monitor/export/geschillen.csv?peildatum=2016-03-01")
    assert csv.status_code == 200
    regels = csv.content.decode("utf-8-sig").splitlines()
    assert regels[0] == "Soort;Open, nog niet voorgelegd;Open, voorgelegd;Beslecht;Totaal"
    assert regels[3] == "Schoolbestuur en samenwerkingsverband;0;1;0;1"
    assert regels[4] == "Alle soorten;0;1;0;1"


def test_the_api_gives_each_dispute_as_it_stood_on_the_peildatum(
    api_als, maak_gebruiker, swv, plan, weigering
):
    geschil = leg_vast(
        swv, soort="opr", opr_besluit=weigering, ontstaan_op=D(2014, 2, 3),
        instantie=Instantie.LCG_WMS, voorgelegd_op=D(2014, 2, 10),
        uitspraak=Uitspraak.GEGROND, uitspraak_op=D(2014, 4, 10),
        toelichting="De commissie geeft toestemming het plan vast te stellen.",
    )  # fmt: skip
    client = api_als(Rol.INSPECTIE)
    adres = f"/api/v1/samenwerkingsverbanden/{swv.code}/geschillen"
    assert client.get(adres, {"peildatum": "2014-02-02"}).json()["aantal"] == 0
    [vroeg] = client.get(adres, {"peildatum": "2014-02-05"}).json()["resultaten"]
    assert (vroeg["voorgelegdOp"], vroeg["instantie"], vroeg["open"]) == (None, "", True)
    assert vroeg["toelichting"] == ""  # the explanation tells the ruling
    [nu] = client.get(adres).json()["resultaten"]
    assert nu == {
        "id": geschil.pk,
        "soort": "opr",
        "oogo": None,
        "gemeente": None,
        "oprBesluit": weigering.pk,
        "ondersteuningsplan": plan.pk,
        "bestuur": None,
        "ontstaanOp": "2014-02-03",
        "instantie": "lcg_wms",
        "voorgelegdOp": "2014-02-10",
        "uitspraak": "gegrond",
        "uitspraakOp": "2014-04-10",
        "open": False,
        "toelichting": "De commissie geeft toestemming het plan vast te stellen.",
    }
    besluiten = client.get(f"/api/v1/samenwerkingsverbanden/{swv.code}/opr-besluiten").json()
    assert besluiten["resultaten"][0]["geschilAangevraagd"] == "2014-02-10"
    mijlpalen = client.get(
        f"/api/v1/samenwerkingsverbanden/{swv.code}/mijlpalen", {"peildatum": "2014-03-01"}
    ).json()
    opgehouden = {m["mijlpaal"]: m["opgehoudenDoor"] for m in mijlpalen}
    assert opgehouden["op-naar-inspectie"] == [geschil.pk]
    assert opgehouden["rechtspersoon"] == []
    ander = api_als(
        maak_gebruiker(Rol.COORDINATOR, swvs=[swv_met_regio(code="PO2708", pc4s=["2011"])])
    )
    assert ander.get(adres).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_disputes_of_the_old_fields():
    """An OPR decision's LCG WMS request and an OOGO that ended in a dispute become disputes,
    the ruling's words kept in the explanation."""
    executor = MigrationExecutor(connection)
    executor.migrate([("ondersteuningsplan", "0005_werkagenda")])
    apps = executor.loader.project_state([("ondersteuningsplan", "0005_werkagenda")]).apps
    swv = apps.get_model("swv", "Samenwerkingsverband").objects.create(
        code="PO2799", sector="PO", naam="SWV Proef"
    )
    gemeente = apps.get_model("swv", "Gemeente").objects.create(naam="Proefdorp", cbs_code="GM9999")
    plan = apps.get_model("ondersteuningsplan", "Ondersteuningsplan").objects.create(
        swv=swv, titel="Plan", periode_van=D(2014, 8, 1), periode_tot=D(2018, 7, 31)
    )
    apps.get_model("ondersteuningsplan", "OPRBesluit").objects.create(
        ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10), besluit="geen_instemming",
        datum_besluit=D(2014, 2, 1), geschil_aangevraagd=D(2014, 2, 15),
        geschil_uitspraak="Toestemming gegeven.",
    )  # fmt: skip
    apps.get_model("ondersteuningsplan", "OOGO").objects.create(
        ondersteuningsplan=plan, gemeente=gemeente, status="geschil",
        datum_gehouden=D(2014, 2, 1), datum_uitkomst=D(2014, 2, 20),
        geschil_uitkomst="Bemiddeling.",
    )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    opr, oogo = Geschil.objects.order_by("soort").reverse()
    assert (opr.soort, opr.ontstaan_op, opr.instantie, opr.voorgelegd_op, opr.toelichting) == (
        "opr", D(2014, 2, 1), "lcg_wms", D(2014, 2, 15), "Toestemming gegeven.",
    )  # fmt: skip
    assert (oogo.soort, oogo.ontstaan_op, oogo.instantie, oogo.toelichting) == (
        "oogo", D(2014, 2, 20), "", "Bemiddeling.",
    )  # fmt: skip
    assert Geschilsoort(opr.soort).label == "Geen instemming van de ondersteuningsplanraad"
