"""Milestone statuses across the official schedule, at frozen peildata."""

import datetime

import pytest

from ondersteuningsplan.models import Mijlpaal, MijlpaalUitzondering, Status
from ondersteuningsplan.selectors import duur, standen, standen_van, volgende
from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
    SwvFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def stand(swv, code, peildatum):
    return next(s for s in standen_van(swv, peildatum) if s.mijlpaal.code == code)


def test_founded_on_15_october_2013_meets_the_rechtspersoon_milestone():
    swv = SwvFactory(opgericht=True)

    assert stand(swv, "rechtspersoon", D(2013, 10, 14)).status != Status.BEHAALD
    for peildatum in (D(2013, 10, 15), D(2013, 11, 1), D(2016, 1, 1)):
        resultaat = stand(swv, "rechtspersoon", peildatum)
        assert resultaat.status == Status.BEHAALD
        assert resultaat.behaald_op == D(2013, 10, 15)


def test_founded_on_20_november_2013_meets_it_late_and_was_missed_in_between():
    swv = SwvFactory(laat_opgericht=True)

    assert stand(swv, "rechtspersoon", D(2013, 10, 31)).status == Status.RISICO
    assert stand(swv, "rechtspersoon", D(2013, 11, 1)).status == Status.GEMIST
    assert stand(swv, "rechtspersoon", D(2013, 11, 19)).status == Status.GEMIST
    assert stand(swv, "rechtspersoon", D(2013, 11, 20)).status == Status.TE_LAAT


def test_on_1_february_2014_an_swv_without_its_plan_put_to_the_opr_has_missed_that_milestone():
    zonder = SwvFactory()
    met = SwvFactory()
    OPRBesluitFactory(ondersteuningsplan__swv=met, datum_voorgelegd=D(2014, 1, 28))

    assert stand(zonder, "op-voorgelegd-opr", D(2014, 1, 31)).status == Status.RISICO
    assert stand(zonder, "op-voorgelegd-opr", D(2014, 2, 1)).status == Status.GEMIST
    assert stand(met, "op-voorgelegd-opr", D(2014, 2, 1)).status == Status.BEHAALD


def test_the_experiment_swvs_zorgplicht_starts_on_1_august_2013():
    experiment = SwvFactory(code="PO2704", experiment=True)
    gewoon = SwvFactory(code="PO2707")

    assert stand(experiment, "zorgplicht", D(2013, 6, 1)).deadline == D(2013, 8, 1)
    assert stand(gewoon, "zorgplicht", D(2013, 6, 1)).deadline == D(2014, 8, 1)
    assert stand(experiment, "zorgplicht", D(2013, 8, 1)).status == Status.GEMIST
    assert stand(gewoon, "zorgplicht", D(2013, 8, 1)).status == Status.OPEN


def test_a_beheerder_exception_moves_one_swvs_deadline():
    swv, ander = SwvFactory(), SwvFactory()
    MijlpaalUitzondering.objects.create(
        mijlpaal=Mijlpaal.objects.get(code="rechtspersoon"),
        swv=swv,
        deadline=D(2014, 1, 1),
        reden="Fusie van twee verbanden in voorbereiding",
    )

    eigen = stand(swv, "rechtspersoon", D(2013, 12, 1))
    assert (eigen.deadline, eigen.status) == (D(2014, 1, 1), Status.RISICO)
    assert stand(ander, "rechtspersoon", D(2013, 12, 1)).status == Status.GEMIST


def vastgesteld(swv, op_datum, van):
    plan = OndersteuningsplanFactory(
        swv=swv, titel=f"OP {van.year}", periode_van=van, periode_tot=van.replace(year=van.year + 4)
    )
    FeitFactory(swv=swv, ondersteuningsplan=plan, stap=Stap.OP_VASTGESTELD, datum=op_datum)


def test_a_new_plan_is_due_four_years_after_the_previous_was_adopted():
    swv = SwvFactory()
    eerste = stand(swv, "nieuw-op", D(2015, 1, 1))  # no plan yet: the first cycle is missed
    assert (eerste.deadline, eerste.status, eerste.cyclus.naam) == (
        D(2014, 5, 1),
        Status.GEMIST,
        "eerste, tot 2014",
    )

    vastgesteld(swv, D(2014, 3, 1), D(2014, 8, 1))
    assert stand(swv, "nieuw-op", D(2015, 1, 1)).deadline == D(2018, 3, 1)
    assert stand(swv, "nieuw-op", D(2017, 12, 1)).status == Status.OPEN
    assert stand(swv, "nieuw-op", D(2018, 1, 15)).status == Status.RISICO
    assert stand(swv, "nieuw-op", D(2018, 3, 1)).status == Status.GEMIST

    vastgesteld(swv, D(2018, 2, 20), D(2018, 8, 1))
    volgende_termijn = stand(swv, "nieuw-op", D(2018, 3, 1))
    assert (volgende_termijn.deadline, volgende_termijn.status) == (D(2022, 2, 20), Status.OPEN)
    assert [c.status for c in volgende_termijn.eerdere_cycli] == [Status.BEHAALD] * 2


def test_an_experiment_swv_owes_its_first_plan_a_year_earlier():
    swv = SwvFactory(experiment=True)
    assert stand(swv, "nieuw-op", D(2013, 1, 1)).deadline == D(2013, 5, 1)


def test_a_late_plan_stays_late_when_the_next_cycle_starts():
    """PO 24-03: the 2022 plan was adopted on 20 January 2022, the next one ten months after its
    deadline. The 2022 cycle keeps its lateness; the current cycle runs to 2030."""
    swv = SwvFactory()
    vastgesteld(swv, D(2014, 1, 26), D(2014, 8, 1))
    vastgesteld(swv, D(2018, 1, 20), D(2018, 8, 1))
    vastgesteld(swv, D(2022, 1, 20), D(2022, 8, 1))
    voor = stand(swv, "nieuw-op", D(2026, 11, 19))
    assert (voor.deadline, voor.status, voor.cyclus.naam) == (
        D(2026, 1, 20),
        Status.GEMIST,
        "2022-2026",
    )

    vastgesteld(swv, D(2026, 11, 20), D(2026, 8, 1))
    na = stand(swv, "nieuw-op", D(2026, 12, 6))
    assert (na.deadline, na.status, na.cyclus.naam) == (D(2030, 11, 20), Status.OPEN, "2026-2030")
    vorige = na.vorige_cyclus
    assert (vorige.naam, vorige.dagen_te_laat, vorige.uitkomst) == (
        "2022-2026",
        304,
        "te laat behaald (10 maanden)",
    )
    assert na.statussen.count(Status.TE_LAAT) == 1
    # As of a day before the adoption, the cycle was missed: history is computed, not stored.
    assert stand(swv, "nieuw-op", D(2026, 11, 19)).status == Status.GEMIST


def test_the_beheerder_can_set_the_deadline_of_one_cycle():
    swv = SwvFactory()
    vastgesteld(swv, D(2014, 1, 26), D(2014, 8, 1))
    MijlpaalUitzondering.objects.create(
        swv=swv,
        mijlpaal=Mijlpaal.objects.get(code="nieuw-op"),
        cyclus=2,
        deadline=D(2019, 1, 1),
        reden="Fusie met het buurverband",
    )
    assert stand(swv, "nieuw-op", D(2018, 6, 1)).deadline == D(2019, 1, 1)
    vastgesteld(swv, D(2018, 12, 1), D(2018, 8, 1))
    assert stand(swv, "nieuw-op", D(2019, 1, 1)).vorige_cyclus.status == Status.BEHAALD


@pytest.mark.parametrize(
    "dagen,van,tekst",
    [
        (12, D(2026, 1, 20), "12 dagen"),
        (1, D(2026, 1, 20), "1 dag"),
        (31, D(2026, 1, 20), "1 maand"),
        (304, D(2026, 1, 20), "10 maanden"),
        (400, D(2026, 1, 20), "13 maanden"),
    ],
)
def test_a_delay_reads_in_dutch(dagen, van, tekst):
    assert duur(dagen, van) == tekst


def test_a_milestone_for_the_other_sector_does_not_apply():
    Mijlpaal.objects.filter(code="bekostiging").update(sector="VO")
    po, vo = SwvFactory(), SwvFactory(vo=True)

    assert "bekostiging" not in {s.mijlpaal.code for s in standen_van(po, D(2015, 1, 1))}
    assert "bekostiging" in {s.mijlpaal.code for s in standen_van(vo, D(2015, 1, 1))}


def test_a_moment_on_the_timeline_has_no_status():
    assert stand(SwvFactory(), "verevening-voltooid", D(2021, 1, 1)).status is None


def test_what_is_missing_lists_preconditions_and_steps_and_the_next_milestone_is_the_nearest():
    swv = SwvFactory()
    FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=D(2013, 3, 1))
    for stap in (Stap.HOOFDLIJNENNOTITIE_OPGESTELD, Stap.WERKGROEPEN_INGERICHT):
        FeitFactory(swv=swv, stap=stap, datum=D(2013, 2, 1))

    op_1_sep = standen_van(swv, D(2013, 9, 1))
    rechtspersoon = next(s for s in op_1_sep if s.mijlpaal.code == "rechtspersoon")

    assert rechtspersoon.ontbrekend == (
        Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD,
        Stap.RECHTSPERSOON_OPGERICHT,
    )
    assert (
        rechtspersoon.ontbrekend_labels[0] == "Hoofdlijnennotitie geaccordeerd door alle besturen"
    )
    assert volgende(op_1_sep).mijlpaal.code == "rechtspersoon"


def test_a_fact_dated_after_the_peildatum_does_not_exist_yet():
    swv = SwvFactory(opgericht=True)
    assert stand(swv, "rechtspersoon", D(2013, 2, 1)).ontbrekend[-1] == Stap.RECHTSPERSOON_OPGERICHT


def test_statuses_of_many_swvs_cost_the_same_four_queries(django_assert_num_queries):
    for aantal in (5, 30):
        swvs = [SwvFactory(opgericht=True) for _ in range(aantal)]
        for swv in swvs:
            OPRBesluitFactory(ondersteuningsplan__swv=swv, instemming=True)
        with django_assert_num_queries(4):
            resultaat = standen(swvs, D(2014, 6, 1))
        assert len(resultaat) == aantal
