"""Deny by default: every page says which roles may open it, and a page that says nothing is
closed; every role reaches exactly what it may, also by guessing addresses."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse

from accounts.access import PUBLIEK, is_api_view, toegestane_rollen
from accounts.models import Rol
from swv.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


def alle_patronen(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            if patroon.namespace == "admin":
                continue
            yield from alle_patronen(patroon, prefix + str(patroon.pattern))
        elif isinstance(patroon, URLPattern):
            yield prefix + str(patroon.pattern), patroon.callback


def test_every_page_declares_who_may_open_it():
    zonder_regel = [
        pad
        for pad, view in alle_patronen()
        if not is_api_view(view)
        and toegestane_rollen(view) is None
        and not getattr(view, "__module__", "").startswith("django.views.static")
    ]
    assert zonder_regel == []


def test_the_public_pages_are_only_these():
    publiek = sorted(pad for pad, view in alle_patronen() if toegestane_rollen(view) == PUBLIEK)
    assert publiek == sorted(
        [
            "",
            "inloggen/",
            "uitloggen/",
            "wachtwoord-vergeten/",
            "wachtwoord-vergeten/verstuurd/",
            "wachtwoord-herstellen/<uidb64>/<token>/",
            "wachtwoord-herstellen/klaar/",
            # the national progress and what SWVs published (ADR 0083, 0084)
            "openbaar/",
            "openbaar/<slug:tabel>.<str:formaat>",
            "openbaar/<str:code>/",
            "openbaar/<str:code>/<slug:tabel>.<str:formaat>",
        ]
    )


def zonder_regel(request):
    from django.http import HttpResponse

    return HttpResponse("open")


urlpatterns = [path("vergeten/", zonder_regel), path("", include("passend.urls"))]


def test_a_page_without_a_rule_is_closed_even_for_the_beheerder(client, settings, maak_gebruiker):
    settings.ROOT_URLCONF = __name__
    client.force_login(maak_gebruiker(Rol.BEHEERDER))
    assert client.get("/vergeten/").status_code == 403


@pytest.mark.parametrize("pad", ["/start/", "/samenwerkingsverbanden/"])
def test_anonymous_visitors_are_sent_to_the_login(client, pad):
    antwoord = client.get(pad)
    assert antwoord.status_code == 302
    assert antwoord.url == f"{reverse('login')}?next={pad}"


def test_an_account_without_a_role_reaches_nothing(client_als):
    swv = SamenwerkingsverbandFactory()
    client = client_als("")
    assert client.get("/samenwerkingsverbanden/").status_code == 403
    assert client.get(f"/samenwerkingsverbanden/{swv.code}/").status_code == 403


@pytest.fixture
def twee_swvs(maak_gebruiker):
    eigen, ander = (
        SamenwerkingsverbandFactory(code="PO2707"),
        SamenwerkingsverbandFactory(code="PO2704"),
    )
    return eigen, ander


def test_a_coordinator_reaches_only_their_own_swv(client_als, twee_swvs):
    eigen, ander = twee_swvs
    client = client_als(Rol.COORDINATOR, swvs=[eigen])

    lijst = client.get("/samenwerkingsverbanden/")
    assert list(lijst.context["swvs"]) == [eigen]
    assert client.get(f"/samenwerkingsverbanden/{eigen.code}/").status_code == 200
    assert client.get(f"/samenwerkingsverbanden/{eigen.code}/geschiedenis/").status_code == 200
    # another SWV's code, guessed or copied, looks like no SWV at all
    assert client.get(f"/samenwerkingsverbanden/{ander.code}/").status_code == 404
    assert client.get(f"/samenwerkingsverbanden/{ander.code}/geschiedenis/").status_code == 404
    assert client.get("/samenwerkingsverbanden/PO9999/").status_code == 404


@pytest.mark.parametrize("rol", [Rol.ACCOUNTMANAGER, Rol.INSPECTIE])
def test_ministry_and_inspectie_read_every_swv(client_als, twee_swvs, rol):
    client = client_als(rol)
    assert set(client.get("/samenwerkingsverbanden/").context["swvs"]) == set(twee_swvs)
    for swv in twee_swvs:
        assert client.get(f"/samenwerkingsverbanden/{swv.code}/").status_code == 200


def test_only_the_beheerder_enters_the_admin(client_als, client):
    for rol in (Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE, ""):
        client.logout()
        antwoord = client_als(rol).get("/beheer/")
        assert antwoord.status_code == 302 and "/beheer/login/" in antwoord.url
    client.logout()
    beheerder = client_als(Rol.BEHEERDER)
    assert beheerder.get("/beheer/").status_code == 200
    assert beheerder.get("/beheer/swv/samenwerkingsverband/").status_code in (200, 404)


def test_each_role_lands_where_its_work_is(client_als, client):
    assert client_als(Rol.BEHEERDER).get("/start/").url == "/beheer/"
    client.logout()
    assert client_als(Rol.INSPECTIE).get("/start/").url == "/samenwerkingsverbanden/"
    client.logout()
    assert client_als(Rol.ACCOUNTMANAGER).get("/start/").url == "/dashboards/"
