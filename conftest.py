"""Test set-up shared by every app. The tests run with the `ci` environment (chosen by the
plugin tests/omgeving.py): the real PostgreSQL and Redis on 127.0.0.1."""

import uuid
from pathlib import Path

import pytest

pytest_plugins = ["tests.fixtures", "tests.api"]


@pytest.fixture
def referentiedata(settings) -> Path:
    """The real public reference files (../shared/data)."""
    pad = Path(settings.REFERENTIEDATA_DIR)
    assert (pad / "regio-indeling-2013.csv").is_file(), (
        f"The reference data is missing in {pad}; set REFERENTIEDATA_DIR to the folder that "
        "holds regio-indeling-2013.csv."
    )
    return pad


@pytest.fixture
def csv_bestand(tmp_path):
    """Writes a small CSV for an import test, in the given encoding and line ends."""

    def schrijf(naam: str, regels: list[str], encoding="utf-8", eol="\n") -> Path:
        pad = tmp_path / naam
        pad.write_bytes(eol.join(regels).encode(encoding) + eol.encode())
        return pad

    return schrijf


@pytest.fixture
def maak_gebruiker(db):
    """maak_gebruiker("coordinator", swvs=[swv]) and the like."""
    from accounts.tests.factories import GebruikerFactory

    def maak(rol: str = "", **kwargs):
        return GebruikerFactory(rol=rol, **kwargs)

    return maak


@pytest.fixture
def client_als(client, maak_gebruiker):
    """A test client logged in as a new user of the given role."""

    def als(rol: str, **kwargs):
        gebruiker = maak_gebruiker(rol, **kwargs)
        client.force_login(gebruiker)
        return client

    return als


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    """Hashing a password the production way takes a second; the tests make many accounts."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def mijlpaalschema(request):
    """A transactional test ends by emptying every table, also the milestone schedule that a
    data migration loads; put the schedule back for every test that uses the database."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        return
    request.getfixturevalue("db")
    import importlib

    from django.apps import apps

    from ondersteuningsplan.models import Mijlpaal

    if not Mijlpaal.objects.exists():
        importlib.import_module("ondersteuningsplan.migrations.0002_mijlpalen").laad(apps, None)


@pytest.fixture(autouse=True)
def eigen_cache(settings):
    """Every test its own key prefix in the cache. The Redis database is shared with other
    checkouts on the machine, so a test never empties it (FLUSHDB); it starts with nothing
    cached because its prefix is new, and its own keys are removed afterwards."""
    standaard = settings.CACHES["default"]
    prefix = f"{standaard.get('KEY_PREFIX', 'passend')}-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {**settings.CACHES, "default": {**standaard, "KEY_PREFIX": prefix}}
    yield
    from tests.wachten import wis_eigen_cache

    wis_eigen_cache()
