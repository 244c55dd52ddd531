"""Groups of SWVs the ministry follows apart (ADR 0080): kept by the beheerder with validity
dates, a filter on the monitor with the group's figures beside the national ones (and in its
exports), and in the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Rol
from ondersteuningsplan.models import Stap
from ondersteuningsplan.tests.factories import FeitFactory
from swv.models import Groepering, Groeperingslid, Sector
from swv.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def land():
    """Four po SWVs, two of them founded by 1 November 2013; the group holds one founded and
    one not from 1 September 2013 until 2015, and a third only from 2016."""
    swvs = [
        SamenwerkingsverbandFactory(code=f"PO{i:04d}", naam=f"SWV {i}", sector=Sector.PO)
        for i in range(1, 5)
    ]
    for swv in swvs[:2]:
        FeitFactory(swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=D(2013, 10, 1))
    groep = Groepering.objects.create(naam="Voorlopers", omschrijving="Onderwijs en jeugd")
    for swv, van, tot in (
        (swvs[0], D(2013, 9, 1), D(2015, 1, 1)),
        (swvs[2], D(2013, 9, 1), D(2015, 1, 1)),
        (swvs[3], D(2016, 1, 1), None),
    ):
        Groeperingslid.objects.create(groepering=groep, swv=swv, geldig_van=van, geldig_tot=tot)
    return swvs, groep


def test_the_beheerder_keeps_a_group_with_its_swvs_and_their_dates(client, maak_gebruiker, land):
    swvs, _ = land
    client.force_login(maak_gebruiker(Rol.BEHEERDER))
    gegevens = {
        "naam": "Afwijkende lwoo-criteria",
        "omschrijving": "Uit de landelijke criteria gestapt.",
        "leden-TOTAL_FORMS": "2",
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "1000",
        "leden-0-swv": swvs[1].pk,
        "leden-0-geldig_van": "2016-08-01",
        "leden-0-geldig_tot": "",
        "leden-1-swv": swvs[2].pk,
        "leden-1-geldig_van": "2016-08-01",
        "leden-1-geldig_tot": "2016-01-01",
    }
    fout = client.post("/beheer/swv/groepering/add/", gegevens)
    assert fout.status_code == 200
    assert "Geldig tot past niet bij geldig van." in fout.content.decode()
    assert not Groepering.objects.filter(naam="Afwijkende lwoo-criteria").exists()

    gegevens["leden-1-geldig_tot"] = "2018-08-01"
    assert client.post("/beheer/swv/groepering/add/", gegevens).status_code == 302
    groep = Groepering.objects.get(naam="Afwijkende lwoo-criteria")
    assert groep.leden.count() == 2
    lijst = client.get("/beheer/swv/groepering/").content.decode()
    assert "Afwijkende lwoo-criteria" in lijst

    # the same SWV twice in one period is refused, in Dutch
    dubbel = Groeperingslid(groepering=groep, swv=swvs[1], geldig_van=D(2017, 1, 1))
    with pytest.raises(ValidationError, match="al lid van deze groep"):
        dubbel.full_clean()


def test_other_roles_cannot_change_groups(client, maak_gebruiker, land):
    for rol in (Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE):
        client.force_login(maak_gebruiker(rol))
        assert client.get("/beheer/swv/groepering/add/").status_code == 302
