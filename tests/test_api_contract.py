"""The API's contract: the generated OpenAPI document passes the NL GOV API Design Rules
(Spectral), and schemathesis finds no answer that breaks the document, run against a live
server with a real token."""

import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from passend.api.models import Scope
from passend.api.services import geef_token
from tests.api import maak_wereld

ROOT = Path(__file__).resolve().parent.parent
SPECTRAL = ROOT / "tools" / "spectral" / "node_modules" / ".bin" / "spectral"
SCHEMATHESIS = ROOT / ".venv" / "bin" / "schemathesis"
CHECKS = (
    "not_a_server_error,status_code_conformance,content_type_conformance,"
    "response_schema_conformance,response_headers_conformance"
)


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


@pytest.mark.integratie
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "omvang",
    [
        pytest.param(BEGRENSD, id="begrensd"),
        pytest.param(VOLLEDIG, id="volledig", marks=pytest.mark.volledig),
    ],
)
def test_schemathesis_finds_nothing_over_the_whole_document(
    live_server, monkeypatch, tmp_path, omvang
):
    from rest_framework.throttling import SimpleRateThrottle

    # The live server runs in this process: lift the throttle, which is not what is tested here.
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute", "user": "100000/minute"}
    )
    wereld = maak_wereld()
    _, sleutel = geef_token(
        gebruiker=wereld.coordinator_a.__class__.objects.create(
            username="systeem", rol="inspectie"
        ),
        naam="schemathesis",
        scope=Scope.SCHRIJVEN,
    )
    uitkomst = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--url",
            f"{live_server.url}/api/v1",
            "--checks",
            CHECKS,
            "--phases",
            omvang["phases"],
            "--max-examples",
            omvang["max_examples"],
            "--seed",
            "2014",
            "--header",
            f"Authorization: Bearer {sleutel}",
            "--workers",
            "1",
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
        cwd=tmp_path,
    )
    assert uitkomst.returncode == 0, uitkomst.stdout[-20000:] + uitkomst.stderr[-3000:]
