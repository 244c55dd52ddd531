"""The main menu: each item leads to a page of its own, never two to the same page; and
logging out says that it happened."""

import pytest

from accounts.models import Rol
from swv.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


def _menu(client):
    return client.get("/samenwerkingsverbanden/").context["navigatie"]


def test_a_coordinator_of_one_swv_has_one_item_for_it(client, maak_gebruiker):
    swv = SamenwerkingsverbandFactory()
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=[swv]))
    menu = _menu(client)
    namen = [naam for naam, _ in menu]
    assert namen[0] == "Mijn samenwerkingsverband"
    assert "Samenwerkingsverbanden" not in namen
    assert len({adres for _, adres in menu}) == len(menu)


def test_a_coordinator_of_several_swvs_has_one_item_that_lists_them(client, maak_gebruiker):
    swvs = [SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()]
    client.force_login(maak_gebruiker(Rol.COORDINATOR, swvs=swvs))
    naam, adres = _menu(client)[0]
    assert naam == "Mijn samenwerkingsverband"
    assert "Samenwerkingsverbanden" not in [naam for naam, _ in _menu(client)]
    assert client.get(adres).url == "/samenwerkingsverbanden/"


@pytest.mark.parametrize("rol", [Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER])
def test_no_role_has_two_items_to_one_page(client, maak_gebruiker, rol):
    client.force_login(maak_gebruiker(rol))
    menu = client.get("/auditlog/" if rol == Rol.BEHEERDER else "/samenwerkingsverbanden/")
    adressen = [adres for _, adres in menu.context["navigatie"]]
    assert len(set(adressen)) == len(adressen)


def test_logging_out_says_so_on_the_login_page(client, maak_gebruiker):
    client.force_login(maak_gebruiker(Rol.INSPECTIE))
    antwoord = client.post("/uitloggen/", follow=True)
    assert antwoord.request["PATH_INFO"] == "/inloggen/"
    assert "U bent uitgelogd." in antwoord.content.decode()
    assert "U bent uitgelogd." not in client.get("/inloggen/").content.decode()
