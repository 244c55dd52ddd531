"""The deelnamepercentages of DOMAIN.md on hand-computed examples, for both sectors."""

import datetime

import pytest

from swv import deelname
from swv.tests.factories import LeerlingtellingFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

TELDATUM = datetime.date(2014, 10, 1)


def tel(swv, teldatum=TELDATUM, **aantallen):
    for categorie, aantal in aantallen.items():
        LeerlingtellingFactory(swv=swv, teldatum=teldatum, categorie=categorie, aantal=aantal)


def test_po_rates_relate_sbo_and_so_to_bao_plus_sbo():
    swv = SamenwerkingsverbandFactory(code="PO2707")
    tel(swv, bao=9_600, sbo=400, so_cl1=5, so_cl2=35, so_cl34=160)

    d = deelname.per_swv("PO")[(swv.pk, TELDATUM)]

    # base 10,000: sbo 400 → 4 %, so cl3/4 160 → 1.6 %, so together 200 → 2 %
    assert d.basis == 10_000
    assert d.percentages == pytest.approx(
        {"sbo": 4.0, "so_cl1": 0.05, "so_cl2": 0.35, "so_cl34": 1.6, "so": 2.0}
    )
    assert d.zwaar == pytest.approx(1.6)


def test_vo_rates_relate_lwoo_pro_and_vso_to_vo_plus_lwoo_plus_pro():
    swv = SamenwerkingsverbandFactory(code="VO2708", sector="VO")
    tel(swv, vo=7_000, lwoo=2_000, pro=1_000, vso_cl1=2, vso_cl2=18, vso_cl34=380)

    d = deelname.per_swv("VO")[(swv.pk, TELDATUM)]

    # base 10,000: lwoo 20 %, pro 10 %, vso 400 → 4 %, of which cl3/4 3.8 %
    assert d.basis == 10_000
    assert d.percentages == pytest.approx(
        {"lwoo": 20.0, "pro": 10.0, "vso_cl1": 0.02, "vso_cl2": 0.18, "vso_cl34": 3.8, "vso": 4.0}
    )


def test_the_national_rate_is_weighted_by_pupils_not_an_average_of_rates():
    groot, klein = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()
    tel(groot, bao=19_000, sbo=1_000, so_cl34=200)  # so cl3/4: 1 %
    tel(klein, bao=4_000, so_cl34=200)  # so cl3/4: 5 %

    land = deelname.landelijk("PO")[TELDATUM]

    # (200 + 200) / (20,000 + 4,000) = 1.667 %, not (1 + 5) / 2 = 3 %
    assert land.zwaar == pytest.approx(400 / 24_000 * 100)
    assert (
        deelname.verevening(deelname.per_swv("PO")[(groot.pk, TELDATUM)], land).richting
        == "positief"
    )
    assert (
        deelname.verevening(deelname.per_swv("PO")[(klein.pk, TELDATUM)], land).richting
        == "negatief"
    )


def test_no_base_gives_no_rate_instead_of_a_division_by_zero():
    swv = SamenwerkingsverbandFactory()
    tel(swv, so_cl34=3)

    d = deelname.per_swv("PO")[(swv.pk, TELDATUM)]

    assert d.percentages["so_cl34"] is None
    assert deelname.verevening(d, d) is None


def test_every_teldatum_is_a_series_in_one_query(django_assert_num_queries):
    swvs = [SamenwerkingsverbandFactory() for _ in range(5)]
    for jaar in (2012, 2013, 2014):
        for swv in swvs:
            tel(swv, datetime.date(jaar, 10, 1), bao=1000, sbo=30)

    with django_assert_num_queries(1):
        reeks = deelname.per_swv("PO")
    assert len(reeks) == 15
    assert deelname.teldata("PO") == [datetime.date(j, 10, 1) for j in (2012, 2013, 2014)]
