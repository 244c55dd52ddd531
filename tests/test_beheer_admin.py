"""The admin (/beheer/) as the beheerder keeps the reference data and the schedule: every page of
every registered model opens, in Dutch, for the beheerder only, in a bounded number of queries."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.models import Rol
from ondersteuningsplan.models import Mijlpaal, MijlpaalUitzondering
from swv.tests.factories import SamenwerkingsverbandFactory
from tests.nederlands import engelse_woorden

pytestmark = pytest.mark.django_db


def admin_paginas() -> list[str]:
    paginas = [reverse("admin:index")]
    for model in admin.site._registry:
        naam = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        paginas.append(reverse(f"{naam}_changelist"))
        if admin.site._registry[model].has_add_permission(_Verzoek()):
            paginas.append(reverse(f"{naam}_add"))
    return paginas


class _Verzoek:
    class user:  # the beheerder's permissions, as the site gives them
        is_active = True
        is_staff = True

        @staticmethod
        def has_perm(*_):
            return True


@pytest.fixture
def beheerder(client, maak_gebruiker):
    gebruiker = maak_gebruiker(Rol.BEHEERDER)  # no staff or superuser flag: the role is enough
    client.force_login(gebruiker)
    return client


def test_every_admin_page_opens_in_dutch_for_the_beheerder(beheerder):
    swv = SamenwerkingsverbandFactory()
    mijlpaal = Mijlpaal.objects.order_by("volgorde").first()
    uitzondering = MijlpaalUitzondering.objects.create(
        mijlpaal=mijlpaal, swv=swv, deadline=mijlpaal.deadline or swv_datum(), reden="Uitstel"
    )
    paginas = [
        *admin_paginas(),
        reverse("admin:swv_samenwerkingsverband_change", args=[swv.pk]),
        reverse("admin:ondersteuningsplan_mijlpaal_change", args=[mijlpaal.pk]),
        reverse("admin:ondersteuningsplan_mijlpaaluitzondering_change", args=[uitzondering.pk]),
    ]
    engels = {}
    for pad in paginas:
        antwoord = beheerder.get(pad)
        assert antwoord.status_code == 200, pad
        if woorden := engelse_woorden(antwoord.content.decode()):
            engels[pad] = sorted(woorden)
    assert engels == {}


def swv_datum():
    import datetime

    return datetime.date(2014, 8, 1)


@pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE])
def test_other_roles_do_not_reach_the_reference_data(client_als, rol):
    client = client_als(rol)
    for pad in admin_paginas():
        antwoord = client.get(pad)
        # the admin sends a user without the beheerder role to its login, which is the portal's;
        # the import pages answer 403 outright
        if "/importopdracht/" in pad:
            assert antwoord.status_code == 403, pad
        else:
            assert antwoord.status_code == 302 and "/login/" in antwoord.url, pad


def test_a_change_in_the_admin_is_in_the_history_with_the_beheerder(beheerder):
    from auditlog.models import LogEntry

    swv = SamenwerkingsverbandFactory(naam="Oude naam")
    antwoord = beheerder.post(
        reverse("admin:swv_samenwerkingsverband_change", args=[swv.pk]),
        {"code": swv.code, "sector": swv.sector, "naam": "Nieuwe naam", "coordinatoren": []},
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    swv.refresh_from_db()
    assert swv.naam == "Nieuwe naam"
    regel = LogEntry.objects.get_for_object(swv).latest("timestamp")
    assert regel.actor.rol == Rol.BEHEERDER
    assert regel.changes_dict["naam"] == ["Oude naam", "Nieuwe naam"]


def test_the_changelists_cost_a_bounded_number_of_queries(beheerder, django_assert_max_num_queries):
    for i in range(30):
        SamenwerkingsverbandFactory(code=f"PO9{i:03d}")
    for pad in admin_paginas():
        with django_assert_max_num_queries(20):
            beheerder.get(pad)


def test_the_beheerder_moves_a_gemeente_as_of_a_date_in_the_admin(beheerder):
    import datetime

    from swv import selectors
    from swv.tests.factories import (
        GemeenteFactory,
        PostcodegebiedFactory,
        RegiotoewijzingFactory,
    )

    van = SamenwerkingsverbandFactory(code="VO3101", vo=True)
    naar = SamenwerkingsverbandFactory(code="VO2507", vo=True)
    bergen = GemeenteFactory(naam="Bergen (L.)")
    RegiotoewijzingFactory(
        postcodegebied=PostcodegebiedFactory(pc4="5851", gemeente=bergen), swv=van
    )
    lijst = reverse("admin:swv_gemeente_changelist")
    keuze = {"action": "verplaatsen", "_selected_action": [bergen.pk]}

    formulier = beheerder.post(lijst, keuze)
    assert formulier.status_code == 200
    assert "Gemeente verplaatsen" in formulier.content.decode()
    assert engelse_woorden(formulier.content.decode()) == set()

    fout = beheerder.post(lijst, {**keuze, "toepassen": "1", "naar": naar.pk, "per": "2012-06-01"})
    assert fout.status_code == 200 and "gaat in na 01-01-2013" in fout.content.decode()
    assert not selectors.regio(naar, datetime.date(2016, 1, 1))

    klaar = beheerder.post(lijst, {**keuze, "toepassen": "1", "naar": naar.pk, "per": "2015-08-01"})
    assert klaar.status_code == 302
    assert [r.gemeente for r in selectors.regio(naar, datetime.date(2015, 8, 1))] == [bergen]
    assert [r.gemeente for r in selectors.regio(van, datetime.date(2015, 7, 31))] == [bergen]
