"""The one way the portal writes numbers, dates and counted words (passend.formatting)."""

import datetime

import pytest
from django.template import Context, Template

from passend import formatting


@pytest.mark.parametrize(
    "waarde, decimalen, tekst",
    [
        (1437403, 0, "1.437.403"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (0, 0, "0"),
        (-1234, 0, "\u22121.234"),
        (2.55, 1, "2,6"),
        (2.549, 1, "2,5"),
        (1.8, 2, "1,80"),
        (12345.678, 2, "12.345,68"),
        (-0.001, 1, "0,0"),
        (None, 0, "\u2013"),
    ],
)
def test_getal(waarde, decimalen, tekst):
    assert formatting.getal(waarde, decimalen) == tekst


def test_percentages_and_points():
    assert formatting.procent(2.55) == "2,6%"
    assert formatting.procent(1.8412, 2) == "1,84%"
    assert formatting.procent(None) == "\u2013"
    assert formatting.procentpunten(0.123) == "+0,12 pp"
    assert formatting.procentpunten(-0.4) == "\u22120,40 pp"
    assert formatting.procentpunten(0) == "±0,00 pp"


def test_dates_in_lower_case_and_one_short_form():
    dag = datetime.date(2014, 7, 1)
    assert formatting.datum(dag) == "01-07-2014"
    assert formatting.datum("2013-10-15") == "15-10-2013"
    assert formatting.datum_lang(dag) == "1 juli 2014"
    assert formatting.datum_kort(datetime.date(2026, 3, 1)) == "1 mrt 2026"
    assert formatting.periode(datetime.date(2026, 9, 1), datetime.date(2026, 10, 31)) == (
        "1 sep \u2013 31 okt 2026"
    )
    assert formatting.periode(datetime.date(2025, 11, 1), datetime.date(2026, 5, 31)) == (
        "1 nov 2025 \u2013 31 mei 2026"
    )
    assert formatting.datum(None) == ""


def test_a_moment_is_written_in_local_time():
    moment = datetime.datetime(2026, 12, 6, 5, 19, 45, 228715, tzinfo=datetime.UTC)
    assert formatting.tijdstip(moment) == "6 december 2026, 06:19"


@pytest.mark.parametrize(
    "n, tekst", [(0, "0 scholen"), (1, "1 school"), (217, "217 scholen"), (1437, "1.437 scholen")]
)
def test_counted_words(n, tekst):
    assert formatting.aantal(n, "school", "scholen") == tekst


def test_every_template_has_the_filters_without_loading_them():
    uit = Template(
        "{{ n|getal }} {{ p|procent }} {{ d|datum }} {{ d|datum_lang }} {{ n|aantal:'lid,leden' }}"
    ).render(Context({"n": 1437, "p": 2.55, "d": datetime.date(2014, 7, 1)}))
    assert uit == "1.437 2,6% 01-07-2014 1 juli 2014 1.437 leden"
