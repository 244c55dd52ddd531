"""Follow-up agreements that follow themselves: tied to a milestone, an OP cycle or a round, an
agreement closes as nagekomen when the SWV meets it, says with what, and has it in its history
(ADR 0073)."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from ondersteuningsplan import services as op_services
from ondersteuningsplan.models import Mijlpaal
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from swv.tests.factories import SamenwerkingsverbandFactory
from toezicht import services
from toezicht.models import Afspraakstatus, Vervolgafspraak
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db
D = datetime.date


def plan(swv, van: datetime.date, vastgesteld: datetime.date | None):
    op = OndersteuningsplanFactory(
        swv=swv,
        titel=f"Ondersteuningsplan {van.year}-{van.year + 4}",
        periode_van=van,
        periode_tot=van.replace(year=van.year + 4) - datetime.timedelta(days=1),
    )
    if vastgesteld:
        FeitFactory(swv=swv, ondersteuningsplan=op, stap=Stap.OP_VASTGESTELD, datum=vastgesteld)
    return op


@pytest.fixture
def inspecteur(maak_gebruiker):
    return maak_gebruiker("inspectie")


@pytest.fixture
def po2403():
    """Adopted its plans in 2014, 2018 and 2022; the next was due on 20 January 2026."""
    swv = SamenwerkingsverbandFactory(code="PO2403")
    plan(swv, D(2014, 8, 1), D(2014, 1, 26))
    plan(swv, D(2018, 8, 1), D(2018, 1, 20))
    plan(swv, D(2022, 8, 1), D(2022, 1, 20))
    return swv


def afspraak(swv, door, **koppeling):
    return services.leg_bevinding_vast(
        Vervolgafspraak,
        door=door,
        swv=swv,
        omschrijving="Het nieuwe ondersteuningsplan vaststellen.",
        gemaakt_op=D(2026, 2, 10),
        deadline=D(2026, 9, 1),
        **koppeling,
    )


def test_an_agreement_on_the_op_cycle_closes_when_the_plan_is_adopted(
    po2403, inspecteur, maak_gebruiker
):
    gekoppeld = afspraak(po2403, inspecteur, mijlpaal=Mijlpaal.objects.get(code="nieuw-op"))
    los = afspraak(po2403, inspecteur)  # not tied: stays as it is
    assert gekoppeld.status == Afspraakstatus.OPEN
    coordinator = maak_gebruiker("coordinator", swvs=[po2403])
    nieuw = plan(po2403, D(2026, 8, 1), None)
    OPRBesluitFactory(ondersteuningsplan=nieuw, datum_voorgelegd=D(2026, 10, 1), instemming=True)
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)):
        op_services.registreer_feit(
            swv=po2403,
            stap=Stap.OP_VASTGESTELD,
            datum=D(2026, 11, 20),
            ondersteuningsplan=nieuw,
            door=coordinator,
        )
    gekoppeld.refresh_from_db()
    assert (gekoppeld.status, gekoppeld.afgesloten_op) == (
        Afspraakstatus.NAGEKOMEN,
        D(2026, 11, 20),
    )
    assert gekoppeld.nagekomen_met == (
        "Nieuw ondersteuningsplan (OP-cyclus 2022-2026) vastgesteld op 20-11-2026"
    )
    assert gekoppeld.versie == 2
    laatste = LogEntry.objects.get_for_object(gekoppeld).order_by("-pk").first()
    assert laatste.actor == coordinator
    assert "nagekomen_met" in laatste.changes and "status" in laatste.changes
    los.refresh_from_db()
    assert los.status == Afspraakstatus.OPEN


def test_an_agreement_on_a_milestone_closes_with_the_fact_and_not_with_another(inspecteur):
    swv, ander = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()
    rechtspersoon = Mijlpaal.objects.get(code="rechtspersoon")
    gekoppeld = afspraak(swv, inspecteur, mijlpaal=rechtspersoon)
    FeitFactory(swv=ander, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2013, 10, 1))
    FeitFactory(swv=swv, stap=Stap.HOOFDLIJNENNOTITIE_OPGESTELD, datum=D(2013, 1, 15))
    gekoppeld.refresh_from_db()
    assert gekoppeld.status == Afspraakstatus.OPEN
    FeitFactory(swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2013, 10, 1))
    gekoppeld.refresh_from_db()
    assert gekoppeld.status == Afspraakstatus.NAGEKOMEN
    assert gekoppeld.nagekomen_met == f"{rechtspersoon.naam} behaald op 01-10-2013"


def test_an_agreement_on_a_round_closes_with_the_submission(inspecteur, maak_gebruiker):
    swv = SamenwerkingsverbandFactory()
    r = ronde(D(2026, 7, 1), D(2026, 8, 31))
    gekoppeld = afspraak(swv, inspecteur, ronde=r)
    with time_machine.travel(datetime.datetime(2026, 9, 20, 10, tzinfo=datetime.UTC)):
        services.registreer_thuiszitters(
            swv=swv, ronde=r, door=maak_gebruiker("coordinator"), aantallen={}
        )
    gekoppeld.refresh_from_db()
    assert (gekoppeld.status, gekoppeld.afgesloten_op) == (Afspraakstatus.NAGEKOMEN, D(2026, 9, 20))
    assert gekoppeld.nagekomen_met == (
        "Thuiszitteraantallen over 1 jul \N{EN DASH} 31 aug 2026 ingediend op 20-09-2026"
    )


def test_an_agreement_on_something_met_already_is_closed_at_once(po2403, inspecteur):
    gemaakt = afspraak(po2403, inspecteur, mijlpaal=Mijlpaal.objects.get(code="nieuw-op"), cyclus=2)
    assert gemaakt.status == Afspraakstatus.NAGEKOMEN
    assert gemaakt.nagekomen_met.endswith("(OP-cyclus 2014-2018) vastgesteld op 20-01-2018")


@pytest.mark.parametrize(
    ("koppeling", "veld"),
    [
        ({"mijlpaal": "rechtspersoon", "ronde": True}, "ronde"),
        ({"mijlpaal": "rechtspersoon", "cyclus": 2}, "cyclus"),
        ({"cyclus": 2}, "cyclus"),
    ],
)
def test_an_agreement_is_tied_to_one_thing_and_a_cycle_only_to_a_new_plan(
    inspecteur, koppeling, veld
):
    velden = {}
    if "mijlpaal" in koppeling:
        velden["mijlpaal"] = Mijlpaal.objects.get(code=koppeling["mijlpaal"])
    if koppeling.get("ronde"):
        velden["ronde"] = ronde(D(2026, 7, 1), D(2026, 8, 31))
    if "cyclus" in koppeling:
        velden["cyclus"] = koppeling["cyclus"]
    with pytest.raises(ValidationError) as fout:
        afspraak(SamenwerkingsverbandFactory(), inspecteur, **velden)
    assert veld in fout.value.message_dict
    assert not Vervolgafspraak.objects.exists()


def test_an_agreement_names_only_a_milestone_of_its_swvs_sector(inspecteur):
    mijlpaal = Mijlpaal.objects.create(
        code="lwoo-pro",
        naam="Regeling lwoo en pro",
        sector="VO",
        deadline=D(2016, 1, 1),
        stappen=[Stap.RECHTSPERSOON_OPGERICHT],
        volgorde=99,
    )
    swv = SamenwerkingsverbandFactory(sector="PO", code="PO9901")
    with pytest.raises(ValidationError) as fout:
        afspraak(swv, inspecteur, mijlpaal=mijlpaal)
    assert "sector" in fout.value.message_dict["mijlpaal"][0]
