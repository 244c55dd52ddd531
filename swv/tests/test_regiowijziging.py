"""A gemeente moves, two SWVs merge: every peildatum before the date sees the old region, every
peildatum on or after it the new one, for the region, its schools and the members."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from swv import selectors
from swv.models import Lidmaatschap, Regiotoewijzing, School
from swv.services.regiowijziging import verplaats_gemeente, voeg_samen
from swv.tests.factories import (
    GemeenteFactory,
    LidmaatschapFactory,
    PostcodegebiedFactory,
    RegiotoewijzingFactory,
    SamenwerkingsverbandFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
PER = D(2015, 8, 1)
VOOR, OP = D(2015, 7, 31), D(2015, 8, 1)


@pytest.fixture
def bergen():
    """Bergen (L.) in VO 31-01 until it moves to VO 25-07, with one school of its own."""
    van = SamenwerkingsverbandFactory(code="VO3101", vo=True)
    naar = SamenwerkingsverbandFactory(code="VO2507", vo=True)
    bergen, venlo = GemeenteFactory(naam="Bergen (L.)"), GemeenteFactory(naam="Venlo")
    for pc4, gemeente, swv in (("5851", bergen, van), ("5853", bergen, van), ("5911", venlo, van)):
        RegiotoewijzingFactory(
            postcodegebied=PostcodegebiedFactory(pc4=pc4, gemeente=gemeente), swv=swv
        )
    RegiotoewijzingFactory(postcodegebied=PostcodegebiedFactory(pc4="6500"), swv=naar)
    school = SchoolFactory(
        sector="VO", soort="vo", postcodegebied=PostcodegebiedFactory(pc4="5851")
    )
    return van, naar, bergen, school


def gemeenten(swv, peildatum):
    return {r.gemeente.naam for r in selectors.regio(swv, peildatum)}


def test_a_gemeente_moves_as_of_a_date_and_the_past_keeps_the_old_region(bergen):
    van, naar, gemeente, school = bergen
    wijziging = verplaats_gemeente(gemeente, naar, PER)

    assert wijziging.verplaatst == 2
    assert gemeenten(van, VOOR) == {"Bergen (L.)", "Venlo"}
    assert gemeenten(van, OP) == {"Venlo"}
    assert "Bergen (L.)" not in gemeenten(naar, VOOR)
    assert "Bergen (L.)" in gemeenten(naar, OP)
    assert school in School.objects.in_swv(van, VOOR)
    assert school not in School.objects.in_swv(van, OP)
    assert school in School.objects.in_swv(naar, OP)


def test_recording_the_same_move_twice_or_out_of_order_is_refused(bergen):
    _, naar, gemeente, _ = bergen
    verplaats_gemeente(gemeente, naar, PER)
    with pytest.raises(ValidationError, match="al bij"):
        verplaats_gemeente(gemeente, naar, D(2016, 1, 1))
    derde = SamenwerkingsverbandFactory(code="VO3102", vo=True)
    with pytest.raises(ValidationError, match="in de volgorde"):
        verplaats_gemeente(gemeente, derde, D(2014, 1, 1))
    assert Regiotoewijzing.objects.filter(postcodegebied__gemeente=gemeente).count() == 4


def test_a_move_before_the_region_table_is_refused(bergen):
    _, naar, gemeente, _ = bergen
    with pytest.raises(ValidationError):
        verplaats_gemeente(gemeente, naar, D(2012, 12, 31))
    assert not Regiotoewijzing.objects.filter(swv=naar, postcodegebied__gemeente=gemeente)


def test_a_merger_moves_the_region_and_the_members(bergen):
    van, naar, _, _ = bergen
    lid = LidmaatschapFactory(swv=van, stemgewicht=3)
    al_lid = LidmaatschapFactory(swv=naar)
    LidmaatschapFactory(swv=van, bestuur=al_lid.bestuur)

    wijziging = voeg_samen(van, naar, PER)

    assert wijziging.verplaatst == 3 and wijziging.leden == 1
    assert gemeenten(van, OP) == set() and gemeenten(naar, OP) >= {"Bergen (L.)", "Venlo"}
    assert gemeenten(van, VOOR) == {"Bergen (L.)", "Venlo"}
    assert {lid.bestuur for lid in selectors.leden(van, VOOR)} >= {lid.bestuur}
    assert not selectors.leden(van, OP)
    opvolger = Lidmaatschap.objects.get(swv=naar, bestuur=lid.bestuur)
    assert (opvolger.begindatum, opvolger.stemgewicht) == (PER, 3)
    assert Lidmaatschap.objects.filter(swv=naar, bestuur=al_lid.bestuur).count() == 1


def test_a_merger_with_itself_or_the_other_sector_is_refused(bergen):
    van, _, _, _ = bergen
    with pytest.raises(ValidationError):
        voeg_samen(van, van, PER)
    with pytest.raises(ValidationError):
        voeg_samen(van, SamenwerkingsverbandFactory(code="PO3101"), PER)
