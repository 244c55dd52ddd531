"""Row-level access: one rule, `for_user`, for every model that belongs to an SWV."""

from datetime import date as D

import pytest

from accounts.models import Rol
from ondersteuningsplan.models import Feit, Ondersteuningsplan, OPRBesluit
from swv.models import (
    Document,
    Gemeente,
    Leerlingtelling,
    Lidmaatschap,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
)
from swv.querysets import Actie
from swv.tests.factories import (
    LeerlingtellingFactory,
    LidmaatschapFactory,
    SchoolFactory,
    swv_met_regio,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def twee(maak_gebruiker):
    eigen = swv_met_regio(code="PO2707", pc4s=["1011"])
    ander = swv_met_regio(code="PO2704", pc4s=["2011"])
    for swv, pc4 in ((eigen, "1011"), (ander, "2011")):
        school = SchoolFactory(postcodegebied=swv.regio.get(postcodegebied__pc4=pc4).postcodegebied)
        LidmaatschapFactory(swv=swv, bestuur=school.bestuur)
        LeerlingtellingFactory(swv=swv)
        plan = Ondersteuningsplan.objects.create(
            swv=swv, titel="OP", periode_van=D(2014, 8, 1), periode_tot=D(2018, 7, 31)
        )
        Feit.objects.create(swv=swv, stap="concept_statuten", datum=D(2013, 3, 1))
        OPRBesluit.objects.create(ondersteuningsplan=plan, datum_voorgelegd=D(2014, 1, 10))
    coordinator = maak_gebruiker(Rol.COORDINATOR, swvs=[eigen])
    return eigen, ander, coordinator


SWV_GEBONDEN = [Lidmaatschap, Leerlingtelling, Ondersteuningsplan, Feit, OPRBesluit]


def pad_naar_swv(model):
    return model.objects.all().swv_pad


@pytest.mark.parametrize("model", SWV_GEBONDEN, ids=lambda m: m.__name__)
def test_a_coordinator_reads_only_their_own_rows(twee, model):
    eigen, _, coordinator = twee
    rijen = model.objects.for_user(coordinator)
    assert rijen.count() == 1
    assert rijen.filter(**{pad_naar_swv(model): eigen}).count() == 1


@pytest.mark.parametrize("rol", [Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER])
@pytest.mark.parametrize("model", SWV_GEBONDEN, ids=lambda m: m.__name__)
def test_ministry_inspectie_and_beheerder_read_every_row(twee, model, rol, maak_gebruiker):
    assert model.objects.for_user(maak_gebruiker(rol)).count() == 2


@pytest.mark.parametrize("rol", [Rol.ACCOUNTMANAGER, Rol.INSPECTIE, ""])
def test_only_the_coordinator_may_change_swv_facts(twee, rol, maak_gebruiker):
    eigen, _, coordinator = twee
    assert list(Samenwerkingsverband.objects.for_user(coordinator, Actie.WIJZIGEN)) == [eigen]
    assert not Samenwerkingsverband.objects.for_user(maak_gebruiker(rol), Actie.WIJZIGEN).exists()
    assert not Feit.objects.for_user(maak_gebruiker(rol), Actie.WIJZIGEN).exists()


def test_nobody_without_a_role_or_an_inactive_account_reads_anything(twee, maak_gebruiker):
    zonder_rol = maak_gebruiker("")
    inactief = maak_gebruiker(Rol.INSPECTIE, is_active=False)
    for gebruiker in (zonder_rol, inactief):
        for model in [
            *SWV_GEBONDEN,
            Samenwerkingsverband,
            School,
            Schoolbestuur,
            Gemeente,
            Document,
        ]:
            assert not model.objects.for_user(gebruiker).exists(), model


def test_a_coordinator_sees_the_schools_and_boards_of_their_region_only(twee):
    *_, coordinator = twee
    scholen = School.objects.for_user(coordinator)
    assert [s.postcodegebied.pc4 for s in scholen] == ["1011"]
    assert list(Schoolbestuur.objects.for_user(coordinator)) == [scholen[0].bestuur]
    assert Gemeente.objects.for_user(coordinator).count() == Gemeente.objects.count()
