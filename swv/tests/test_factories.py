"""The test data's own guarantees: a generated SWV never turns out to be one a test made by
code, whatever the position of the factory's sequence."""

import pytest

from swv.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


def test_a_generated_code_skips_a_code_a_test_chose_itself():
    gekozen = SamenwerkingsverbandFactory(code="PO2707")
    # the sequence's 347th code is PO2707 (27 = 10 + 346 // 20, 07 = 346 % 20 + 1)
    SamenwerkingsverbandFactory.reset_sequence(346)
    nieuw = SamenwerkingsverbandFactory()
    assert nieuw.pk != gekozen.pk and nieuw.code == "PO2708"
