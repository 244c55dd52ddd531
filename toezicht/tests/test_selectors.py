import datetime

import pytest

from swv.tests.factories import SamenwerkingsverbandFactory
from toezicht import selectors
from toezicht.services import registreer_thuiszitters
from toezicht.tests.factories import ronde

pytestmark = pytest.mark.django_db


def test_national_figures_sum_the_swvs_per_period(maak_gebruiker):
    door = maak_gebruiker("coordinator")
    a, b = SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()
    van, tot = datetime.date(2016, 1, 1), datetime.date(2016, 2, 29)
    registreer_thuiszitters(
        swv=a, ronde=ronde(van, tot), door=door,
        aantallen={("relatief", "lang", False): 4, ("absoluut", "kort", True): 2},
    )  # fmt: skip
    registreer_thuiszitters(
        swv=b, ronde=ronde(van, tot), door=door,
        aantallen={("relatief", "lang", False): 1, ("vrijstelling", "lang", True): 3},
    )  # fmt: skip

    [land] = selectors.per_periode()
    [alleen_a] = selectors.per_periode([a])

    assert land.totaal == 10
    assert land.per_soort() == {"absoluut": 2, "relatief": 5, "vrijstelling": 3}
    assert land.per_duur() == {"kort": 2, "lang": 8}
    assert (land.met_aanbod, land.zonder_aanbod, land.lang_zonder_aanbod) == (5, 5, 5)
    assert alleen_a.totaal == 6
