"""The API's contract: the generated OpenAPI document passes the NL GOV API Design Rules
(Spectral), and schemathesis finds no answer that breaks the document, run against a live
server with a real token."""

import json
import os
import re
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from passend.api.models import Scope
from passend.api.services import geef_token
from tests.api import maak_wereld
from tests.diensten import Portaal, manage

ROOT = Path(__file__).resolve().parent.parent
SPECTRAL = ROOT / "tools" / "spectral" / "node_modules" / ".bin" / "spectral"
SCHEMATHESIS = ROOT / ".venv" / "bin" / "schemathesis"


@pytest.mark.django_db
def test_the_openapi_document_passes_the_nl_api_design_rules(client, tmp_path):
    assert settings.API_REGELS.is_file(), f"The ruleset is missing at {settings.API_REGELS}"
    assert SPECTRAL.exists(), "Spectral is not installed; run ./scripts/test (ensure_spectral)."
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(client.get("/api/v1/openapi.json").json()))
    uitkomst = subprocess.run(
        [
            str(SPECTRAL),
            "lint",
            "-r",
            str(settings.API_REGELS),
            "--fail-severity",
            "error",
            "--format",
            "stylish",
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr


#: How much schemathesis generates. The default run walks every operation with the documented
#: examples, the coverage phase's boundary values and a few random cases; the `volledig` run
#: (`./scripts/test -m volledig`) adds the stateful phase and many more random cases.
BEGRENSD = {"phases": "examples,coverage,fuzzing", "max_examples": "3"}
VOLLEDIG = {"phases": "examples,coverage,fuzzing,stateful", "max_examples": "50"}


def _schemathesis(url: str, sleutel: str, omvang: dict, map: Path, werkers: int = 1) -> None:
    """Every check schemathesis has, over the whole document, against a running portal. Only
    `positive_data_acceptance` is left out: the contract has rules a JSON schema cannot carry
    (a code that must exist, a date no later than today, an end after its begin), so a request
    the schema allows may rightly be refused with 400 (ADR 0068)."""
    uitkomst = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{url}/api/v1/openapi.json",
            "--url",
            f"{url}/api/v1",
            "--checks",
            "all",
            "--exclude-checks",
            "positive_data_acceptance",
            "--phases",
            omvang["phases"],
            "--max-examples",
            omvang["max_examples"],
            "--seed",
            "2014",
            "--header",
            f"Authorization: Bearer {sleutel}",
            "--workers",
            str(werkers),
            "--request-timeout",
            "20",
            "--suppress-health-check",
            "all",
            "--warnings",
            "off",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=map,
    )
    assert uitkomst.returncode == 0, uitkomst.stdout[-20000:] + uitkomst.stderr[-3000:]
    gekozen = re.search(r"Selected: (\d+)/(\d+)", uitkomst.stdout)
    getest = re.search(r"Tested: (\d+)", uitkomst.stdout)
    assert gekozen and getest, uitkomst.stdout[-3000:]
    assert gekozen[1] == gekozen[2] == getest[1], "Not every operation was tested."


def _omgeving(**waarden) -> dict:
    """The portal's environment in a process of its own: no throttle (not what is tested
    here) and a cache of its own, so that nothing it stores reaches another test."""
    env = dict(os.environ) | {
        "API_LIMIET_ANONIEM": "100000/minute",
        "API_LIMIET_GEBRUIKER": "100000/minute",
        "CACHE_URL": "locmemcache://",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env | waarden


@pytest.mark.integratie
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "omvang",
    [
        pytest.param(BEGRENSD, id="begrensd"),
        pytest.param(VOLLEDIG, id="volledig", marks=pytest.mark.volledig),
    ],
)
def test_schemathesis_finds_nothing_on_gunicorn_with_postgresql(tmp_path, omvang):
    """The production form: gunicorn on the test's PostgreSQL database, which holds the small
    world of `tests.api` and a writing Inspectie token."""
    wereld = maak_wereld()
    _, sleutel = geef_token(
        gebruiker=wereld.coordinator_a.__class__.objects.create(
            username="systeem", rol="inspectie"
        ),
        naam="schemathesis",
        scope=Scope.SCHRIJVEN,
    )
    db = connection.settings_dict
    env = _omgeving(
        PASSEND_OMGEVING="ci",
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    portaal = Portaal(env, tmp_path / "gunicorn.log")
    portaal.start()
    try:
        _schemathesis(portaal.url, sleutel, omvang, tmp_path)
    finally:
        portaal.stop()
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text(errors="replace")


@pytest.fixture(scope="module")
def ingebouwd(tmp_path_factory):
    """The embedded default of `./scripts/start`: Django's server on SQLite (`dev` settings),
    with the small world of `tests.api` made by the portal's own `manage.py` in a database of
    the module's own; yields the portal, its log and a writing Inspectie token."""
    map = tmp_path_factory.mktemp("ingebouwd")
    env = _omgeving(
        PASSEND_OMGEVING="dev",
        DATABASE_URL=f"sqlite:///{map / 'passend.sqlite3'}",
        MEDIA_ROOT=str(map / "media"),
        CELERY_BESTANDEN=str(map / "celery"),
    )
    manage("migrate", "--noinput", "-v0", env=env)
    sleutel = manage(
        "shell",
        "-c",
        "from accounts.models import Gebruiker; from passend.api.models import Scope; "
        "from passend.api.services import geef_token; from tests.api import maak_wereld; "
        "maak_wereld(); "
        "g = Gebruiker.objects.create(username='systeem', rol='inspectie'); "
        "print(geef_token(gebruiker=g, naam='schemathesis', scope=Scope.SCHRIJVEN)[1])",
        env=env,
    ).split()[-1]
    portaal = Portaal(env, map / "runserver.log", ingebouwd=True)
    portaal.start()
    try:
        yield portaal, map, sleutel
    finally:
        portaal.stop()


@pytest.mark.integratie
def test_schemathesis_finds_nothing_on_the_embedded_default(ingebouwd):
    portaal, map, sleutel = ingebouwd
    _schemathesis(portaal.url, sleutel, BEGRENSD, map, werkers=4)
    assert "Traceback" not in portaal.log.read_text(errors="replace")


@pytest.mark.integratie
def test_the_embedded_default_shows_the_portals_own_pages_not_djangos_debug_pages(ingebouwd):
    """A new user who mistypes an address gets the Dutch 404 page, not Django's debug page
    with every URL pattern; the styles are served without collectstatic."""
    portaal, _, _ = ingebouwd
    with pytest.raises(urllib.error.HTTPError) as fout:
        urllib.request.urlopen(f"{portaal.url}/bestaat-niet/", timeout=30)
    assert fout.value.code == 404
    pagina = fout.value.read().decode()
    assert 'lang="nl"' in pagina and "Pagina niet gevonden" in pagina
    assert "URLconf" not in pagina and "DEBUG = True" not in pagina
    with urllib.request.urlopen(f"{portaal.url}/inloggen/", timeout=30) as antwoord:
        stijl = re.search(r'href="(/static/[^"]+\.css)"', antwoord.read().decode())[1]
    with urllib.request.urlopen(f"{portaal.url}{stijl}", timeout=30) as antwoord:
        assert antwoord.status == 200 and antwoord.headers["Content-Type"].startswith("text/css")
