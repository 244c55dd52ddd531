"""Test set-up shared by every app. The tests run with the `ci` environment (chosen by the
plugin tests/omgeving.py): the real PostgreSQL and Redis on 127.0.0.1."""

import fcntl
import os
import pickle
import uuid
from pathlib import Path

import pytest

from tests.momentopname import DEMO_VANDAAG, Momentopname, zet_mijlpaalschema_terug

pytest_plugins = ["tests.fixtures", "tests.api"]


def pytest_collection_modifyitems(config, items):
    """Tests marked `volledig` run only when the marker expression names them
    (`./scripts/test -m volledig`); the default run has their bounded variant."""
    if "volledig" in (config.option.markexpr or ""):
        return
    gekozen, weg = [], []
    for item in items:
        (weg if item.get_closest_marker("volledig") else gekozen).append(item)
    if weg:
        config.hook.pytest_deselected(items=weg)
        items[:] = gekozen


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
    """A transactional test ends by emptying every table, also the milestone schedule and the
    risk analysis's rules that data migrations load; put them back for every test that uses
    the database."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        return
    request.getfixturevalue("db")
    zet_mijlpaalschema_terug()


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


def _met_database(request):
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        request.getfixturevalue("db")


def _gedeeld(tmp_path_factory, naam: str, bouw) -> Momentopname:
    """A snapshot built once per run, also when the suite runs in parallel processes
    (pytest-xdist): the first process that needs it builds it and leaves it in the run's
    temporary folder, which every process shares; the others wait for it and read it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return Momentopname.van(bouw)
    map = tmp_path_factory.getbasetemp().parent
    pad = map / f"opname-{naam}.pickle"
    with (map / f"opname-{naam}.lock").open("w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if pad.exists():
            return pickle.loads(pad.read_bytes())
        opname = Momentopname.van(bouw)
        pad.with_suffix(".tmp").write_bytes(pickle.dumps(opname))
        pad.with_suffix(".tmp").rename(pad)
        return opname


@pytest.fixture(scope="session")
def nederland_opname(django_db_setup, django_db_blocker, tmp_path_factory) -> Momentopname:
    """The national region table (150 SWVs and their gemeenten) and the gemeenten's shapes,
    imported once per test session."""
    from django.conf import settings

    from swv.services.gemeenten import importeer_gemeentegrenzen
    from swv.services.regio import importeer_regio_indeling

    def bouw():
        importeer_regio_indeling(settings.REFERENTIEDATA_DIR / "regio-indeling-2013.csv")
        importeer_gemeentegrenzen(settings.REFERENTIEDATA_DIR / "gemeenten-2015.geojson")

    with django_db_blocker.unblock():
        return _gedeeld(tmp_path_factory, "nederland", bouw)


@pytest.fixture(scope="session")
def referentie_opname(nederland_opname, django_db_blocker, tmp_path_factory) -> Momentopname:
    """All reference data, as `manage.py demo` imports it: `nederland` and the DUO schools."""
    from django.conf import settings

    from swv.services.scholen import importeer_vestigingen

    def bouw():
        nederland_opname.zet_terug()
        importeer_vestigingen(settings.REFERENTIEDATA_DIR / "duo-po-vestigingen-2013.csv")

    with django_db_blocker.unblock():
        return _gedeeld(tmp_path_factory, "referentie", bouw)


@pytest.fixture(scope="session")
def demo_opname(referentie_opname, django_db_blocker, tmp_path_factory) -> Momentopname:
    """The demo (150 SWVs with their history and an account for every role) on all reference
    data, built once per test session."""
    from demo.services import laad_demo

    def bouw():
        referentie_opname.zet_terug()
        laad_demo(2013, DEMO_VANDAAG)

    with django_db_blocker.unblock():
        return _gedeeld(tmp_path_factory, "demo", bouw)


@pytest.fixture
def nederland(request, nederland_opname):
    """This test's database holds the national reference data (see `nederland_opname`)."""
    _met_database(request)
    nederland_opname.zet_terug()


@pytest.fixture
def demo(request, demo_opname):
    """This test's database holds the demo, as after `manage.py demo`."""
    _met_database(request)
    demo_opname.zet_terug()
