"""A backup restored into an empty database holds every fact, document and history record."""

import datetime
import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import Rol
from ondersteuningsplan.models import Rechtsvorm
from ondersteuningsplan.services import registreer_feit
from ondersteuningsplan.stappen import Stap
from swv.services.documenten import bewaar_document
from swv.tests.factories import SamenwerkingsverbandFactory
from swv.tests.pdfs import gewone_pdf
from tests.fixtures import database_url

ROOT = Path(__file__).resolve().parents[2]
PDF = gewone_pdf()

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lege_database():
    naam = f"passend_herstel_{uuid.uuid4().hex[:8]}"
    beheer_url = database_url().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(beheer_url, autocommit=True) as verbinding:
        verbinding.execute(f'CREATE DATABASE "{naam}"')
    yield database_url().rsplit("/", 1)[0] + f"/{naam}"
    with psycopg.connect(beheer_url, autocommit=True) as verbinding:
        verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def test_a_backup_restores_into_an_empty_database_with_everything(
    tmp_path, settings, maak_gebruiker, lege_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    coordinator = maak_gebruiker(Rol.COORDINATOR)
    swv = SamenwerkingsverbandFactory(code="PO2707")
    statuten = bewaar_document(swv, SimpleUploadedFile("statuten.pdf", PDF), coordinator)
    registreer_feit(
        swv=swv, stap=Stap.RECHTSPERSOON_OPGERICHT, datum=datetime.date(2013, 10, 15),
        rechtsvorm=Rechtsvorm.STICHTING, document=statuten, door=coordinator,
    )  # fmt: skip

    call_command("maak_backup", str(tmp_path / "backups"))
    [backup] = (tmp_path / "backups").iterdir()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["tabellen"]["ondersteuningsplan_feit"] == 1
    assert manifest["tabellen"]["auditlog_logentry"] >= 3

    herstel = subprocess.run(
        [sys.executable, "manage.py", "herstel_backup", str(backup)],
        cwd=ROOT,
        env=os.environ | {"PASSEND_OMGEVING": "ci", "DATABASE_URL": lege_database,
                          "MEDIA_ROOT": str(tmp_path / "hersteld")},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert herstel.returncode == 0, herstel.stderr
    assert "alles gecontroleerd" in herstel.stdout
    with psycopg.connect(lege_database) as verbinding:
        feit = verbinding.execute(
            "SELECT f.datum, f.rechtsvorm, d.bestand FROM ondersteuningsplan_feit f "
            "JOIN swv_document d ON d.id = f.document_id"
        ).fetchone()
        geschiedenis = verbinding.execute(
            "SELECT count(*) FROM auditlog_logentry WHERE actor_id = %s", [coordinator.pk]
        ).fetchone()[0]
    assert feit[:2] == (datetime.date(2013, 10, 15), "stichting")
    assert geschiedenis >= 2
    hersteld = (tmp_path / "hersteld" / feit[2]).read_bytes()
    assert hashlib.sha256(hersteld).hexdigest() == statuten.sha256


def test_a_restore_into_a_database_in_use_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("maak_backup", str(tmp_path / "backups"))
    [backup] = (tmp_path / "backups").iterdir()

    with pytest.raises(CommandError, match="niet leeg"):
        call_command("herstel_backup", str(backup))
    assert connection.introspection.table_names()


def test_a_folder_that_is_no_backup_is_refused(tmp_path):
    with pytest.raises(CommandError, match="geen backup"):
        call_command("herstel_backup", str(tmp_path))
