"""The wiring: an upload's dry run and its import go through Redis to a real Celery worker."""

import pytest

from accounts.models import Rol
from swv.models import Importopdracht, Importstatus, Regiotoewijzing
from swv.services import importopdrachten
from tests.diensten import wacht_tot

pytestmark = pytest.mark.integratie

KLEIN = b"pc4,gemeente,po_swv,vo_swv\n1011,Amsterdam,PO2707,VO2708\n"


def status(pk):
    return Importopdracht.objects.get(pk=pk).status


def test_a_real_worker_dry_runs_and_applies_an_upload(celery_worker, maak_gebruiker):
    beheerder = maak_gebruiker(Rol.BEHEERDER)

    opdracht = importopdrachten.maak_opdracht(beheerder, "regio", "regio.csv", KLEIN)

    assert wacht_tot(lambda: status(opdracht.pk) == Importstatus.PROEF_KLAAR, seconden=60)
    assert not Regiotoewijzing.objects.exists()
    importopdrachten.pas_toe(beheerder, Importopdracht.objects.get(pk=opdracht.pk))
    assert wacht_tot(lambda: status(opdracht.pk) == Importstatus.TOEGEPAST, seconden=60)
    assert Regiotoewijzing.objects.filter(postcodegebied__pc4="1011").count() == 2
    assert "swv.tasks.importeer" in celery_worker.logtekst()
