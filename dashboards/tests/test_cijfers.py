"""The dashboards' numbers against the facts they come from, and the deelname formulas on
examples computed by hand."""

import datetime

import pytest

from dashboards import selectors
from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan.models import Mijlpaal, MijlpaalUitzondering, Status
from ondersteuningsplan.selectors import stapdata
from ondersteuningsplan.stappen import REGELS, Stap
from ondersteuningsplan.tests.factories import (
    FeitFactory,
    OndersteuningsplanFactory,
    OPRBesluitFactory,
)
from swv.models import Samenwerkingsverband
from swv.tests.factories import LeerlingtellingFactory, SamenwerkingsverbandFactory
from toezicht.services import registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db
D = datetime.date

#: Facts spread over 2012-2014: SWV i did step k (if at all) on a date that depends on both.
STAPPEN = [
    Stap.HOOFDLIJNENNOTITIE_OPGESTELD,
    Stap.HOOFDLIJNENNOTITIE_GEACCORDEERD,
    Stap.CONCEPT_STATUTEN,
    Stap.RECHTSPERSOON_OPGERICHT,
    Stap.GEZONDHEIDSADMINISTRATIE,
]


@pytest.fixture
def land():
    swvs = []
    for i in range(12):
        swv = SamenwerkingsverbandFactory(vo=i >= 7)
        swvs.append(swv)
        for k, stap in enumerate(STAPPEN):
            if (i + k) % 4 == 3:
                continue  # this SWV never did this step
            FeitFactory(
                swv=swv, stap=stap, datum=D(2012, 9, 1) + datetime.timedelta(days=45 * k + 17 * i)
            )
        if i % 3:
            OPRBesluitFactory(
                ondersteuningsplan__swv=swv,
                datum_voorgelegd=D(2013, 11, 1) + datetime.timedelta(days=9 * i),
                instemming=i % 2 == 0,
            )
    return swvs


def per_swv_geteld(swvs, stap, peildatum):
    data = stapdata([s.pk for s in swvs], peildatum)
    return sum(1 for s in swvs if stap in data[s.pk].eerste)


@pytest.mark.parametrize(
    "peildatum",
    [D(2012, 1, 1), D(2013, 2, 1), D(2013, 11, 1), D(2014, 5, 1), D(2020, 1, 1)],
    ids=["voor-elk-feit", "feb-2013", "nov-2013", "mei-2014", "na-alle-feiten"],
)
def test_landelijke_percentages_zijn_de_feiten_per_swv(land, peildatum):
    monitor = selectors.landelijke_monitor(peildatum)
    for groep, regels in monitor.groepen():
        for label, pct_po, pct_vo, n_po, n_vo in regels:
            stap = next(s for s in REGELS if s.label == label)
            for sector, pct, n in (("PO", pct_po, n_po), ("VO", pct_vo, n_vo)):
                swvs = [s for s in land if s.sector == sector]
                verwacht = per_swv_geteld(swvs, stap, peildatum)
                assert n == verwacht, (groep, stap, sector)
                assert pct == round(100 * verwacht / len(swvs), 1)
    if peildatum == D(2012, 1, 1):
        assert all(r[1] == r[2] == 0 for _, regels in monitor.groepen() for r in regels)
        assert monitor.opgericht == {"PO": 0, "VO": 0}
    if peildatum == D(2020, 1, 1):
        opgericht = {
            sector: sum(1 for i, s in enumerate(land) if s.sector == sector and (i + 3) % 4 != 3)
            for sector in ("PO", "VO")
        }
        assert monitor.opgericht == opgericht


@pytest.mark.parametrize("peildatum", [D(2012, 1, 1), D(2013, 11, 2), D(2020, 1, 1)])
def test_matrix_en_portefeuille_tonen_dezelfde_statussen(land, peildatum):
    po = [s for s in land if s.sector == "PO"]
    matrix = selectors.matrix(po, peildatum)
    portefeuille = {r.swv.pk: r for r in selectors.portefeuille(po, peildatum)}
    for swv, standen in matrix.rijen:
        gemist = sum(1 for s in standen if s and s.status == Status.GEMIST)
        assert portefeuille[swv.pk].gemist == gemist
    achter = selectors.achterstanden(matrix)
    assert all(s.status in (Status.GEMIST, Status.TE_LAAT, Status.RISICO) for _, s in achter)
    if peildatum == D(2012, 1, 1):
        assert not any(s.status == Status.GEMIST for _, s in achter)


def te_laat_volledig(swvs, peildatum):
    """The list "who is late" computed the long way, as (swv, mijlpaal, deadline, status): every
    milestone of every SWV in Python, and every earlier OP cycle with a late outcome as a row of
    its own, sorted."""
    per_swv = op_selectors.standen(swvs, peildatum)
    regels = []
    for swv in swvs:
        for stand in per_swv[swv.pk]:
            for cyclus in stand.eerdere_cycli:
                regels.append((swv, stand.mijlpaal, cyclus.deadline, cyclus.status))
            regels.append((swv, stand.mijlpaal, stand.deadline, stand.status))
    volgorde = {status: i for i, status in enumerate(selectors.ACHTERSTAND)}
    return sorted(
        (r for r in regels if r[3] in volgorde),
        key=lambda r: (volgorde[r[3]], r[2], r[0].code),
    )


def kort(lijst):
    return [(swv, stand.mijlpaal, stand.deadline, stand.status) for swv, stand in lijst]


@pytest.mark.parametrize(
    "peildatum", [D(2012, 1, 1), D(2013, 7, 1), D(2013, 11, 2), D(2014, 5, 1), D(2019, 1, 1)]
)
def test_de_lijst_te_laat_per_pagina_is_de_volledige_berekening(land, peildatum):
    MijlpaalUitzondering.objects.create(
        mijlpaal=Mijlpaal.objects.get(code="rechtspersoon"),
        swv=land[2],
        deadline=D(2014, 1, 1),
        reden="Fusie",
    )
    Samenwerkingsverband.objects.filter(pk=land[4].pk).update(experiment=True)
    FeitFactory(swv=land[0], stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2014, 1, 15))
    for i, swv in enumerate(land[:6]):  # a plan adopted, so a new one falls due four years on
        FeitFactory(swv=swv, stap=Stap.OP_VASTGESTELD, datum=D(2014, 3, 1 + i))
    # the next plan adopted half a year late: that cycle stays on the list once it is met
    FeitFactory(
        swv=land[1],
        ondersteuningsplan=OndersteuningsplanFactory(
            swv=land[1], periode_van=D(2018, 8, 1), periode_tot=D(2022, 7, 31)
        ),
        stap=Stap.OP_VASTGESTELD,
        datum=D(2018, 9, 1),
    )
    gezien = set()
    for sector in ("PO", "VO"):
        swvs = Samenwerkingsverband.objects.filter(sector=sector).order_by("code")
        verwacht = te_laat_volledig(list(swvs), peildatum)
        lijst = selectors.achterstanden(selectors.matrix(swvs, peildatum))
        assert len(lijst) == len(verwacht)
        per_pagina = [
            regel for begin in range(0, len(lijst), 5) for regel in lijst[begin : begin + 5]
        ]
        assert kort(per_pagina) == verwacht == kort(lijst)
        gezien |= {(mijlpaal.code, status) for _, mijlpaal, _, status in verwacht}
    verwacht_gezien = {
        D(2012, 1, 1): set(),
        D(2013, 7, 1): {("voorbereiding", Status.RISICO)},
        D(2013, 11, 2): {("rechtspersoon", Status.GEMIST)},
        D(2014, 5, 1): {("rechtspersoon", Status.TE_LAAT)},
        D(2019, 1, 1): {("nieuw-op", Status.GEMIST), ("nieuw-op", Status.TE_LAAT)},
    }.get(peildatum, set())
    assert verwacht_gezien <= gezien
    if peildatum == D(2012, 1, 1):
        assert not gezien


def test_een_pagina_van_de_matrix_en_de_lijst_kost_vaste_queries(land, django_assert_num_queries):
    swvs = Samenwerkingsverband.objects.filter(sector="PO").order_by("code")
    for aantal in (3, 12):
        for i in range(aantal):
            SamenwerkingsverbandFactory(code=f"PO8{aantal:02d}{i:x}")
        matrix = selectors.matrix(swvs, D(2014, 5, 1))
        lijst = selectors.achterstanden(matrix)
        # the count and a page of SWVs, then their statuses: exceptions, facts, OPR decisions
        with django_assert_num_queries(5):
            assert len(matrix.rijen[0:2]) == 2
        # every SWV of the matrix, then their statuses (exceptions, facts, OPR decisions):
        # the same four queries whatever the number of SWVs, and none for the next page
        with django_assert_num_queries(4):
            assert len(lijst[0:4]) == 4
        with django_assert_num_queries(0):
            assert len(lijst[4:8]) == 4


def test_portefeuille_zet_gemist_voor_risico_voor_de_rest(land):
    regels = selectors.portefeuille(Samenwerkingsverband.objects.all(), D(2014, 4, 1))
    sleutels = [(-r.gemist, -r.risico) for r in regels]
    assert sleutels == sorted(sleutels)
    assert regels[0].gemist > 0


# -- deelnamepercentages -----------------------------------------------------------------------


def tel(swv, teldatum, **aantallen):
    for categorie, aantal in aantallen.items():
        LeerlingtellingFactory(swv=swv, teldatum=teldatum, categorie=categorie, aantal=aantal)


def test_deelname_po_met_de_hand_gerekend():
    a = SamenwerkingsverbandFactory()
    b = SamenwerkingsverbandFactory()
    t1, t2 = D(2013, 10, 1), D(2014, 10, 1)
    # a: base 950 + 50 = 1000; sbo 5%, so_cl34 20/1000 = 2%, so total (5+5+20)/1000 = 3%
    tel(a, t1, bao=950, sbo=50, so_cl1=5, so_cl2=5, so_cl34=20)
    # b: base 1900 + 100 = 2000; sbo 5%, so_cl34 60/2000 = 3%
    tel(b, t1, bao=1900, sbo=100, so_cl1=0, so_cl2=0, so_cl34=60)
    # a a year later: base 800 + 200 = 1000; sbo 20%, so_cl34 1%
    tel(a, t2, bao=800, sbo=200, so_cl1=5, so_cl2=5, so_cl34=10)

    per = selectors.deelname_per_swv("PO")
    eerste, tweede = per[a.pk]
    assert eerste.percentages == {
        "sbo": 5.0, "so_cl1": 0.5, "so_cl2": 0.5, "so_cl34": 2.0, "so": 3.0
    }  # fmt: skip
    assert tweede.percentages["sbo"] == 20.0 and tweede.percentages["so_cl34"] == 1.0
    assert tweede.t_o_v_vorige["sbo"] == 15.0 and tweede.t_o_v_eerste["so_cl34"] == -1.0
    assert eerste.t_o_v_vorige["sbo"] is None

    [land_t1, land_t2] = selectors.deelname_landelijk("PO")
    # national = summed counts, not the mean of percentages: so_cl34 80 / 3000
    assert land_t1.basis == 3000
    assert land_t1.percentages["so_cl34"] == round(100 * 80 / 3000, 2)
    assert land_t1.percentages["sbo"] == 5.0
    # verevening against the national 2.67%: a (2%) below gains, b (3%) above loses
    assert eerste.verevening.richting == "positief"
    assert per[b.pk][0].verevening.richting == "negatief"
    assert round(eerste.verevening.verschil, 2) == round(2.0 - 100 * 80 / 3000, 2)
    # on t2 only a has counts, so it is the national average itself
    assert tweede.verevening.richting == "gelijk"
    assert land_t2.t_o_v_eerste["sbo"] == 15.0


def test_deelname_vo_met_de_hand_gerekend():
    a = SamenwerkingsverbandFactory(vo=True)
    b = SamenwerkingsverbandFactory(vo=True)
    t = D(2013, 10, 1)
    # a: base vo 800 + lwoo 150 + pro 50 = 1000; lwoo 15%, pro 5%, vso_cl34 40/1000 = 4%
    tel(a, t, vo=800, lwoo=150, pro=50, vso_cl1=2, vso_cl2=8, vso_cl34=40)
    # b: base 3000; lwoo 300/3000 = 10%, vso_cl34 30/3000 = 1%
    tel(b, t, vo=2600, lwoo=300, pro=100, vso_cl1=0, vso_cl2=0, vso_cl34=30)
    per = selectors.deelname_per_swv("VO")
    [ra] = per[a.pk]
    assert ra.basis == 1000
    assert ra.percentages == {
        "lwoo": 15.0, "pro": 5.0, "vso_cl1": 0.2, "vso_cl2": 0.8, "vso_cl34": 4.0, "vso": 5.0
    }  # fmt: skip
    [land] = selectors.deelname_landelijk("VO")
    assert land.basis == 4000
    assert land.percentages["lwoo"] == 11.25  # 450 / 4000
    assert land.percentages["vso_cl34"] == 1.75  # 70 / 4000
    assert ra.verevening.richting == "negatief"
    assert per[b.pk][0].verevening.richting == "positief"


def test_een_swv_zonder_basis_heeft_geen_percentage():
    a = SamenwerkingsverbandFactory()
    tel(a, D(2013, 10, 1), so_cl34=3)
    [regel] = selectors.deelname_per_swv("PO")[a.pk]
    assert regel.percentages["so_cl34"] is None and regel.verevening is None


# -- thuiszitters ------------------------------------------------------------------------------


def test_thuiszitters_landelijk_is_de_som_per_swv_met_trend(maak_gebruiker):
    door = maak_gebruiker("coordinator")
    a, b = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory(vo=True)
    p1, p2 = (D(2016, 1, 1), D(2016, 2, 29)), (D(2016, 3, 1), D(2016, 4, 30))
    for swv, periode, aantallen in [
        (a, p1, {("relatief", "lang", False): 4, ("absoluut", "kort", True): 2}),
        (b, p1, {("vrijstelling", "lang", True): 3}),
        (a, p2, {("relatief", "lang", False): 1}),
    ]:
        registreer_thuiszitters(swv=swv, ronde=ronde(*periode), door=door, aantallen=aantallen)
    eerste, tweede = selectors.thuiszitters()
    # b did not report in the second round: compared like with like, over a only (6 -> 1).
    assert (eerste.totaal, tweede.totaal, tweede.verschil, tweede.vergeleken) == (9, 1, -5, 1)
    assert (tweede.ingediend, tweede.verwacht, tweede.voorlopig) == (1, 2, True)
    assert eerste.per_soort == {"absoluut": 2, "relatief": 4, "vrijstelling": 3}
    assert eerste.lang_zonder_aanbod == 4
    per_swv = selectors.thuiszitters_per_swv(Samenwerkingsverband.objects.all(), p1[0])
    assert [r.swv for r in per_swv] == [a, b]
    assert sum(r.totaal for r in per_swv) == eerste.totaal
    for sleutel in ("absoluut", "relatief", "vrijstelling"):
        assert sum(r.per_soort[sleutel] for r in per_swv) == eerste.per_soort[sleutel]
