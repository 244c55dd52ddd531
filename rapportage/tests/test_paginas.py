import datetime

import pytest
from django.urls import reverse

from ondersteuningsplan.stappen import Stap
from ondersteuningsplan.tests.factories import FeitFactory, OPRBesluitFactory
from swv.tests.factories import LeerlingtellingFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

PAGINAS = ["portefeuille", "monitor", "kaart", "leerlingen", "thuiszitters"]


def maak_swvs(aantal, accountmanager=None):
    swvs = []
    for i in range(aantal):
        swv = SamenwerkingsverbandFactory(
            vo=i % 2 == 1, accountmanager=accountmanager if i % 3 else None
        )
        FeitFactory(
            swv=swv, stap=Stap.HOOFDLIJNENNOTITIE_OPGESTELD, datum=datetime.date(2013, 1, 5)
        )
        if i % 2:
            FeitFactory(swv=swv, stap=Stap.CONCEPT_STATUTEN, datum=datetime.date(2013, 5, 1))
            OPRBesluitFactory(ondersteuningsplan__swv=swv, instemming=True)
        for cat, n in (("bao", 1000), ("sbo", 30), ("so_cl34", 20), ("vo", 900), ("pro", 40)):
            LeerlingtellingFactory(swv=swv, categorie=cat, aantal=n + i)
    return swvs


@pytest.mark.parametrize("naam", PAGINAS)
def test_pagina_opent_voor_accountmanager(client_als, naam):
    client = client_als("accountmanager")
    maak_swvs(4)
    antwoord = client.get(reverse(f"rapportage:{naam}"), {"peildatum": "2014-02-01"})
    assert antwoord.status_code == 200, antwoord.content.decode()[:2000]
