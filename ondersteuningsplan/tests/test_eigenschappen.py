"""Properties of the status engine, over generated facts and peildata (Hypothesis)."""

import datetime

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ondersteuningsplan.models import RANG, Besluit, Mijlpaal, Status
from ondersteuningsplan.selectors import (
    Stapdata,
    bereken_stand,
    monitor,
    standen,
    stapdata,
)
from ondersteuningsplan.stappen import FEITSTAPPEN, OP_STAPPEN, Stap
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from swv.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

VENSTER = 60
datums = st.dates(datetime.date(2011, 6, 1), datetime.date(2024, 12, 31))
feiten = st.dictionaries(st.sampled_from(list(Stap)), datums, max_size=len(Stap))


def stapdata_op(facts: list[tuple[str, datetime.date]], peildatum) -> Stapdata:
    """What the selector hands the engine: only facts dated on or before the peildatum, and a
    plan's step per plan (each fact here is its own plan), as `stapdata` gives them."""
    data = Stapdata()
    for stap, datum in facts:
        if datum <= peildatum:
            data.zet(stap, datum, datum, per_plan=stap in OP_STAPPEN)
    return data


def mijlpalen():
    return list(Mijlpaal.objects.order_by("volgorde"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feiten=feiten, extra=st.tuples(st.sampled_from(list(Stap)), datums), peildatum=datums,
       experiment=st.booleans())  # fmt: skip
@example(  # an earlier adoption closes a cycle on time; the current one stays at risk
    feiten={Stap.OP_VASTGESTELD: datetime.date(2012, 1, 2)},
    extra=(Stap.OP_VASTGESTELD, datetime.date(2011, 6, 1)),
    peildatum=datetime.date(2016, 1, 1),
    experiment=False,
)
def test_adding_a_fact_never_makes_a_milestone_worse(feiten, extra, peildatum, experiment):
    for mijlpaal in mijlpalen():
        deadline = (
            mijlpaal.deadline_experiment
            if experiment and mijlpaal.deadline_experiment
            else mijlpaal.deadline
        )
        voor = bereken_stand(
            mijlpaal, deadline, stapdata_op(list(feiten.items()), peildatum), peildatum, VENSTER
        )
        na = bereken_stand(
            mijlpaal, deadline, stapdata_op([*feiten.items(), extra], peildatum), peildatum, VENSTER
        )
        if voor.status is None:
            continue
        assert RANG[na.status] >= RANG[voor.status], (mijlpaal.code, voor, na)


@settings(max_examples=300, deadline=None)
@given(feiten=feiten, peildatum=datums)
def test_a_peildatum_before_the_deadline_is_never_missed(feiten, peildatum):
    for mijlpaal in mijlpalen():
        resultaat = bereken_stand(
            mijlpaal,
            mijlpaal.deadline,
            stapdata_op(list(feiten.items()), peildatum),
            peildatum,
            VENSTER,
        )
        if resultaat.deadline and peildatum < resultaat.deadline:
            assert resultaat.status != Status.GEMIST


@settings(max_examples=300, deadline=None)
@given(feiten=feiten, peildatum=datums)
def test_a_milestone_is_met_exactly_when_all_its_steps_are_dated_on_or_before_the_deadline(
    feiten, peildatum
):
    for mijlpaal in mijlpalen():
        if not mijlpaal.deadline or mijlpaal.herhaling_jaren or not mijlpaal.stappen:
            continue
        resultaat = bereken_stand(
            mijlpaal,
            mijlpaal.deadline,
            stapdata_op(list(feiten.items()), peildatum),
            peildatum,
            VENSTER,
        )
        gehaald = all(
            s in feiten and feiten[s] <= min(peildatum, mijlpaal.deadline) for s in mijlpaal.stappen
        )
        assert (resultaat.status == Status.BEHAALD) == gehaald


swv_feiten = st.lists(
    st.tuples(
        st.dictionaries(st.sampled_from(FEITSTAPPEN), datums, max_size=6),
        st.one_of(st.none(), st.tuples(datums, st.booleans())),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(swvs=swv_feiten, peildatum=datums)
def test_the_monitor_counts_equal_the_per_swv_statuses_summed(swvs, peildatum):
    with transaction.atomic():
        gemaakt = []
        for index, (eigen, opr) in enumerate(swvs):
            swv = SamenwerkingsverbandFactory(code=f"PO90{index:02d}")
            plan = OndersteuningsplanFactory(swv=swv)
            for stap, datum in eigen.items():
                FeitFactory(
                    swv=swv,
                    stap=stap,
                    datum=datum,
                    ondersteuningsplan=plan if stap in OP_STAPPEN else None,
                )
            if opr:
                voorgelegd, instemming = opr
                OPRBesluitFactory(
                    ondersteuningsplan=plan,
                    datum_voorgelegd=voorgelegd,
                    besluit=Besluit.INSTEMMING if instemming else "",
                    datum_besluit=voorgelegd + datetime.timedelta(days=20) if instemming else None,
                )
            gemaakt.append(swv)

        land = monitor(peildatum, "PO")
        data = stapdata([s.pk for s in gemaakt], peildatum)
        per_swv = standen(gemaakt, peildatum)

        assert land.aantal_swvs == len(gemaakt)
        for cijfer in land.stappen:
            assert cijfer.aantal == sum(1 for s in gemaakt if cijfer.stap in data[s.pk].eerste)
        for code, stap in (
            ("rechtspersoon", Stap.RECHTSPERSOON_OPGERICHT),
            ("op-voorgelegd-opr", Stap.VOORGELEGD_OPR),
        ):
            gehaald = sum(
                1
                for swv in gemaakt
                for s in per_swv[swv.pk]
                if s.mijlpaal.code == code and s.status in (Status.BEHAALD, Status.TE_LAAT)
            )
            assert gehaald == land.cijfer(stap).aantal
        transaction.set_rollback(True)
