"""Every change is kept: who changed what and when, on the SWV's history page."""

import datetime
import re

import pytest
from auditlog.models import LogEntry

from accounts.models import Rol
from swv.services.leden import wijzig_lidmaatschap
from swv.tests.factories import LidmaatschapFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


def test_a_change_is_kept_with_who_and_when(maak_gebruiker):
    lid = LidmaatschapFactory(stemgewicht=1)
    coordinator = maak_gebruiker(Rol.COORDINATOR, first_name="Anna", last_name="de Vries")

    wijzig_lidmaatschap(lid, door=coordinator, stemgewicht=3, verwachte_versie=1)

    entry = LogEntry.objects.get_for_object(lid).latest("timestamp")
    assert entry.actor == coordinator
    assert entry.changes == {"stemgewicht": ["1", "3"]}
    assert entry.additional_data == {"swv_id": lid.swv_id}


def test_the_history_page_shows_the_swvs_own_changes_only(client_als, maak_gebruiker):
    lid = LidmaatschapFactory(stemgewicht=1)
    ander = LidmaatschapFactory(stemgewicht=1)
    coordinator = maak_gebruiker(
        Rol.COORDINATOR, first_name="Anna", last_name="de Vries", swvs=[lid.swv]
    )
    wijzig_lidmaatschap(lid, door=coordinator, stemgewicht=3, verwachte_versie=1)
    wijzig_lidmaatschap(ander, door=coordinator, stemgewicht=5, verwachte_versie=1)

    pagina = client_als(Rol.ACCOUNTMANAGER).get(
        f"/samenwerkingsverbanden/{lid.swv.code}/geschiedenis/"
    )

    tekst = pagina.content.decode()
    assert "Anna de Vries" in tekst
    assert "Stemgewicht: 1 → 3" in tekst
    assert "1 → 5" not in tekst


def test_the_history_page_runs_a_fixed_number_of_queries(
    client_als, maak_gebruiker, django_assert_max_num_queries
):
    swv = SamenwerkingsverbandFactory()
    coordinator = maak_gebruiker(Rol.COORDINATOR, swvs=[swv])
    for _ in range(30):
        lid = LidmaatschapFactory(swv=swv)
        wijzig_lidmaatschap(lid, door=coordinator, stemgewicht=2, verwachte_versie=1)
    client = client_als(Rol.INSPECTIE)

    with django_assert_max_num_queries(8):
        antwoord = client.get(f"/samenwerkingsverbanden/{swv.code}/geschiedenis/")
    assert antwoord.status_code == 200
    assert len(antwoord.context["regels"]) == 50


def test_two_people_cannot_overwrite_each_other(maak_gebruiker):
    from passend.locking import Wijzigingsconflict

    lid = LidmaatschapFactory(stemgewicht=1)
    eerste, tweede = maak_gebruiker(Rol.COORDINATOR), maak_gebruiker(Rol.COORDINATOR)
    wijzig_lidmaatschap(lid, door=eerste, stemgewicht=2, verwachte_versie=1)

    with pytest.raises(Wijzigingsconflict) as conflict:
        wijzig_lidmaatschap(
            lid, door=tweede, stemgewicht=4, einddatum=datetime.date(2020, 1, 1), verwachte_versie=1
        )
    assert conflict.value.actueel.stemgewicht == 2
    lid.refresh_from_db()
    assert (lid.stemgewicht, lid.versie) == (2, 2)


def test_the_history_shows_words_and_local_times_not_internals(
    client_als, maak_gebruiker, settings, tmp_path
):
    """A new document: its name, who uploaded it and when in local time; not its id, its
    stored path, its hash or its size in bytes."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from swv.services.documenten import bewaar_document
    from swv.tests.pdfs import gewone_pdf

    settings.MEDIA_ROOT = str(tmp_path)
    swv = SamenwerkingsverbandFactory()
    coordinator = maak_gebruiker(Rol.COORDINATOR, first_name="Anna", last_name="de Vries")
    document = bewaar_document(
        swv, SimpleUploadedFile("statuten.pdf", gewone_pdf(), "application/pdf"), coordinator
    )

    pagina = client_als(Rol.INSPECTIE).get(f"/samenwerkingsverbanden/{swv.code}/geschiedenis/")

    tekst = pagina.content.decode()
    assert "Document: statuten.pdf (aangemaakt)" in tekst
    assert document.sha256 not in tekst and document.bestand.name not in tekst
    assert "id:" not in tekst and "grootte" not in tekst.lower()
    regel = pagina.context["regels"][0]
    labels = [label for label, _, _ in regel.velden]
    assert labels == ["samenwerkingsverband", "bestandsnaam", "geüpload op", "geüpload door"]
    for _, _oud, nieuw in regel.velden:
        assert "+00:00" not in nieuw and not re.search(r"\d{4}-\d\d-\d\d", nieuw), nieuw
