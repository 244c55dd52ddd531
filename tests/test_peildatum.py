import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from passend.peildatum import lees_datum


@time_machine.travel(datetime.date(2026, 11, 24))
def test_no_date_means_today():
    assert lees_datum(None) == datetime.date(2026, 11, 24)
    assert lees_datum("") == datetime.date(2026, 11, 24)


def test_an_iso_date_is_read():
    assert lees_datum("2014-02-01") == datetime.date(2014, 2, 1)


@pytest.mark.parametrize("waarde", ["1-2-2014", "2014-13-01", "gisteren", "2014-02-01T00:00"])
def test_nonsense_is_refused_in_dutch(waarde):
    with pytest.raises(ValidationError, match="geen datum"):
        lees_datum(waarde)


def test_a_date_before_the_portal_knows_anything_is_refused():
    with pytest.raises(ValidationError, match="tussen 01-01-2012"):
        lees_datum("1999-01-01", "teldatum")
