"""Backup and restore of everything the portal keeps: the database (facts, history, accounts)
and the uploaded documents.

A backup is a folder with `database.dump` (pg_dump's custom format, or a copy of the SQLite
file), `media.tar.gz` and `manifest.json` (when, from which database, how many rows per table
and a hash of every file), so that a restore can check it got everything back.
"""

import datetime
import hashlib
import json
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

FORMAAT = 1


class BackupFout(Exception):
    pass


def _postgres_url() -> str:
    db = connection.settings_dict
    wachtwoord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    poort = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{db['USER']}{wachtwoord}@{db['HOST'] or 'localhost'}{poort}/{db['NAME']}"


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def telling() -> dict[str, int]:
    """Rows per table of every installed model: what a restore must find again."""
    return {
        model._meta.db_table: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def bestanden(map_: Path) -> dict[str, str]:
    return {
        str(pad.relative_to(map_)): hashlib.sha256(pad.read_bytes()).hexdigest()
        for pad in sorted(map_.rglob("*"))
        if pad.is_file()
    }


def _voer_uit(commando: list[str]):
    uitkomst = subprocess.run(commando, capture_output=True, text=True)
    if uitkomst.returncode != 0:
        raise BackupFout(f"{commando[0]} faalde: {uitkomst.stderr.strip()}")


def maak_backup(doelmap: Path) -> Path:
    moment = datetime.datetime.now(datetime.UTC)
    map_ = doelmap / f"passend-{moment:%Y%m%dT%H%M%SZ}"
    map_.mkdir(parents=True)
    if _is_postgres():
        _voer_uit(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
             f"--file={map_ / 'database.dump'}", f"--dbname={_postgres_url()}"]
        )  # fmt: skip
    else:
        with (
            sqlite3.connect(connection.settings_dict["NAME"]) as bron,
            sqlite3.connect(map_ / "database.dump") as doel,
        ):
            bron.backup(doel)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(map_ / "media.tar.gz", "w:gz") as archief:
        if media.is_dir():
            archief.add(media, arcname="media")
    manifest = {
        "formaat": FORMAAT,
        "gemaakt": moment.isoformat(),
        "database": connection.vendor,
        "tabellen": telling(),
        "documenten": bestanden(media) if media.is_dir() else {},
    }
    (map_ / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return map_


def _is_leeg() -> bool:
    with connection.cursor() as cursor:
        tabellen = connection.introspection.table_names(cursor)
    return "django_migrations" not in tabellen


def herstel_backup(map_: Path) -> dict:
    """Restores a backup into an empty database and media folder, then checks every table's
    row count and every document's hash against the manifest."""
    manifest = json.loads((map_ / "manifest.json").read_text())
    if manifest.get("formaat") != FORMAAT or manifest.get("database") != connection.vendor:
        raise BackupFout("Deze backup past niet bij deze database.")
    if not _is_leeg():
        raise BackupFout(
            "De database is niet leeg. Herstel gaat alleen in een lege database, zodat er niets "
            "ongemerkt wordt overschreven."
        )
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(media.iterdir()):
        raise BackupFout(f"De documentenmap {media} is niet leeg.")
    if _is_postgres():
        _voer_uit(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
             f"--dbname={_postgres_url()}", str(map_ / "database.dump")]
        )  # fmt: skip
    else:
        connection.close()
        shutil.copyfile(map_ / "database.dump", connection.settings_dict["NAME"])
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(map_ / "media.tar.gz", "r:gz") as archief:
        archief.extractall(media.parent / "herstel-tmp", filter="data")
    uitgepakt = media.parent / "herstel-tmp" / "media"
    if uitgepakt.is_dir():
        for item in uitgepakt.iterdir():
            shutil.move(str(item), media / item.name)
    shutil.rmtree(media.parent / "herstel-tmp", ignore_errors=True)

    verschillen = {
        tabel: (verwacht, telling().get(tabel))
        for tabel, verwacht in manifest["tabellen"].items()
        if telling().get(tabel) != verwacht
    }
    ontbrekend = {
        pad for pad, hash_ in manifest["documenten"].items() if bestanden(media).get(pad) != hash_
    }
    if verschillen or ontbrekend:
        raise BackupFout(
            f"Herstel onvolledig: tabellen {verschillen}, documenten {sorted(ontbrekend)}"
        )
    return manifest
