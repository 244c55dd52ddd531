"""The security audit log: what is recorded by itself, and the beheerder's page."""

import pytest

from accounts.audit import registreer
from accounts.models import Auditgebeurtenis, Auditsoort, Rol

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord-1"


def post_login(client, gebruikersnaam, wachtwoord):
    return client.post("/inloggen/", {"username": gebruikersnaam, "password": wachtwoord})


def test_login_failed_login_and_logout_are_recorded_without_the_password(client, maak_gebruiker):
    maak_gebruiker(Rol.INSPECTIE, username="inspecteur")
    Auditgebeurtenis.objects.all().delete()  # the role given at creation

    post_login(client, "inspecteur", "verkeerd-geprobeerd-wachtwoord")
    post_login(client, "inspecteur", WACHTWOORD)
    client.post("/uitloggen/")

    regels = list(Auditgebeurtenis.objects.order_by("id"))
    assert [r.soort for r in regels] == [
        Auditsoort.INLOGGEN_MISLUKT,
        Auditsoort.INLOGGEN,
        Auditsoort.UITLOGGEN,
    ]
    assert {r.gebruikersnaam for r in regels} == {"inspecteur"}
    assert regels[0].gebruiker is None
    assert all(r.ip_adres == "127.0.0.1" for r in regels)
    opgeslagen = str(list(Auditgebeurtenis.objects.values()))
    assert "verkeerd-geprobeerd" not in opgeslagen and WACHTWOORD not in opgeslagen


def test_a_new_account_with_a_role_records_the_role_given(maak_gebruiker):
    maak_gebruiker(Rol.INSPECTIE, username="inspecteur")
    regel = Auditgebeurtenis.objects.get()
    assert (regel.soort, regel.gegevens["van"], regel.gegevens["naar"]) == (
        Auditsoort.ROL_GEWIJZIGD,
        "",
        "inspectie",
    )


def test_a_failed_login_for_an_unknown_name_keeps_the_name(client):
    post_login(client, "bestaat-niet", "x")
    regel = Auditgebeurtenis.objects.get()
    assert (regel.soort, regel.gebruikersnaam, regel.gebruiker) == (
        Auditsoort.INLOGGEN_MISLUKT,
        "bestaat-niet",
        None,
    )


def test_a_role_change_is_recorded_with_who_made_it(client, maak_gebruiker):
    beheerder = maak_gebruiker(Rol.BEHEERDER, username="beheer")
    anna = maak_gebruiker(Rol.COORDINATOR, username="anna")
    Auditgebeurtenis.objects.all().delete()
    client.force_login(beheerder)

    antwoord = client.post(
        f"/beheer/accounts/gebruiker/{anna.pk}/change/",
        {
            "username": "anna",
            "first_name": anna.first_name,
            "last_name": anna.last_name,
            "email": anna.email,
            "rol": Rol.ACCOUNTMANAGER,
            "is_active": "on",
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]

    regel = Auditgebeurtenis.objects.get(soort=Auditsoort.ROL_GEWIJZIGD)
    assert regel.gebruiker == anna
    assert regel.gegevens == {"van": "coordinator", "naar": "accountmanager", "door": "beheer"}


def test_saving_without_a_role_change_records_nothing(maak_gebruiker):
    anna = maak_gebruiker(Rol.COORDINATOR, username="anna")
    Auditgebeurtenis.objects.all().delete()
    anna.first_name = "Anna"
    anna.save()
    assert not Auditgebeurtenis.objects.exists()


def test_a_change_after_a_service_acted_is_not_ascribed_to_that_services_actor(maak_gebruiker):
    """django-auditlog's set_actor leaves its actor in the thread's context; `namens` does not,
    so a role changed later by a command is nobody's rather than the last actor's."""
    from accounts.audit import actor, namens

    beheerder = maak_gebruiker(Rol.BEHEERDER, username="beheer")
    anna = maak_gebruiker(Rol.COORDINATOR, username="anna")
    with namens(beheerder):
        assert actor() == beheerder
    assert actor() is None
    Auditgebeurtenis.objects.all().delete()
    anna.rol = Rol.ACCOUNTMANAGER
    anna.save()
    regel = Auditgebeurtenis.objects.get(soort=Auditsoort.ROL_GEWIJZIGD)
    assert regel.gegevens["door"] is None


def test_registreer_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="Onbekende soort"):
        registreer("iets")


def test_five_wrong_passwords_lock_the_account_with_a_dutch_message(client, maak_gebruiker):
    maak_gebruiker(Rol.COORDINATOR, username="anna")
    for _ in range(4):
        assert post_login(client, "anna", "fout").status_code == 200
    vijfde = post_login(client, "anna", "fout")
    assert vijfde.status_code == 429
    assert "te vaak een verkeerd wachtwoord" in vijfde.content.decode()

    juist = post_login(client, "anna", WACHTWOORD)
    assert juist.status_code == 429
    assert "te vaak een verkeerd wachtwoord" in juist.content.decode()
    assert "_auth_user_id" not in client.session
    assert Auditgebeurtenis.objects.filter(soort=Auditsoort.GEBLOKKEERD).exists()


def test_the_lock_is_per_account_so_another_can_still_log_in(client, maak_gebruiker):
    maak_gebruiker(Rol.COORDINATOR, username="anna")
    maak_gebruiker(Rol.COORDINATOR, username="bert")
    for _ in range(5):
        post_login(client, "anna", "fout")
    assert post_login(client, "bert", WACHTWOORD).status_code == 302


@pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE, ""])
def test_only_the_beheerder_reads_the_audit_log(client_als, rol):
    assert client_als(rol).get("/auditlog/").status_code == 403


def test_anonymous_is_sent_to_login(client):
    antwoord = client.get("/auditlog/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/")


def test_the_beheerder_filters_and_pages_with_a_bounded_number_of_queries(
    client_als, django_assert_max_num_queries
):
    client = client_als(Rol.BEHEERDER)
    Auditgebeurtenis.objects.bulk_create(
        [
            Auditgebeurtenis(soort=Auditsoort.INLOGGEN_MISLUKT, gebruikersnaam=f"naam{i}")
            for i in range(120)
        ]
        + [
            Auditgebeurtenis(
                soort=Auditsoort.EXPORT, gebruikersnaam="am.noord", gegevens={"formaat": "csv"}
            )
        ]
    )

    with django_assert_max_num_queries(5):
        alles = client.get("/auditlog/")
    assert alles.status_code == 200
    assert alles.content.decode().count('<tr class="utrecht-table__row">') == 51  # head + 50

    with django_assert_max_num_queries(5):
        laatste = client.get("/auditlog/?soort=inloggen_mislukt&pagina=3")
    assert laatste.context["pagina"].number == 3
    assert len(laatste.context["pagina"]) == 20

    export = client.get("/auditlog/?soort=export&gebruikersnaam=NOORD")
    assert [g.gebruikersnaam for g in export.context["pagina"]] == ["am.noord"]
    assert "formaat: csv" in export.content.decode()


def test_a_bad_filter_gets_a_dutch_message(client_als):
    antwoord = client_als(Rol.BEHEERDER).get("/auditlog/?van=gisteren&soort=onzin")
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Niet elk filter kon worden toegepast" in tekst
    assert "Voer een geldige datum in" in tekst


def test_a_report_download_is_recorded(client_als, settings, tmp_path):
    import datetime

    from django.core.files.base import ContentFile

    from rapporten.models import Rapport, Rapportstatus, Soort, sleutel_van

    settings.MEDIA_ROOT = tmp_path
    peildatum = datetime.date(2014, 2, 1)
    rapport = Rapport.objects.create(
        soort=Soort.LANDELIJK,
        peildatum=peildatum,
        sleutel=sleutel_van(Soort.LANDELIJK, peildatum),
        status=Rapportstatus.KLAAR,
    )
    rapport.pdf.save("landelijk.pdf", ContentFile(b"%PDF-1.7\n"))
    client = client_als(Rol.ACCOUNTMANAGER, username="am.noord")

    antwoord = client.get(f"/rapporten/{rapport.pk}/pdf/")
    assert antwoord.status_code == 200
    regel = Auditgebeurtenis.objects.get(soort=Auditsoort.RAPPORT_DOWNLOAD)
    assert regel.gebruikersnaam == "am.noord"
    assert regel.gegevens["rapport_id"] == rapport.pk
