"""Security headers and the Content Security Policy, in ci and with production settings."""

import json
import re
from pathlib import Path

import pytest

from accounts.models import Rol
from tests.test_settings import PRODUCTIE, manage

ROOT = Path(__file__).resolve().parent.parent


def directives(header: str) -> dict[str, list[str]]:
    return {deel.split()[0]: deel.split()[1:] for deel in header.split(";") if deel.strip()}


@pytest.mark.django_db
def test_every_page_carries_a_strict_policy_with_a_fresh_nonce(client_als):
    client = client_als(Rol.BEHEERDER)
    eerste = client.get("/auditlog/")["Content-Security-Policy"]
    tweede = client.get("/auditlog/")["Content-Security-Policy"]
    beleid = directives(eerste)
    assert beleid["default-src"] == ["'self'"]
    assert beleid["script-src"][0] == "'self'"
    assert (
        any(b.startswith("'nonce-") for b in beleid["script-src"]) or len(beleid["script-src"]) == 1
    )
    assert beleid["style-src"] == ["'self'"]
    assert beleid["object-src"] == ["'none'"]
    assert beleid["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in eerste and "'unsafe-eval'" not in eerste
    nonces = [re.search(r"'nonce-([^']+)'", h) for h in (eerste, tweede)]
    if all(nonces):
        assert nonces[0].group(1) != nonces[1].group(1)


def test_the_nonce_reaches_the_templates(rf):
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.template import engines

    request = rf.get("/")
    ContentSecurityPolicyMiddleware(lambda r: None).process_request(request)
    from django.template.context_processors import csp

    nonce = str(csp(request)["csp_nonce"])
    html = engines["django"].from_string("<script nonce='{{ csp_nonce }}'></script>")
    assert nonce in html.render({"csp_nonce": nonce})
    assert len(nonce) >= 16


def template_bestanden():
    for map in [ROOT / "templates", *ROOT.glob("*/templates")]:
        yield from map.rglob("*.html")


def test_no_template_has_inline_script_or_style():
    """JavaScript only as static files, styles only in the stylesheet: the policy forbids both
    inline, and a template that tried would break in the browser."""
    fouten = []
    for pad in template_bestanden():
        tekst = pad.read_text()
        for regel, inhoud in enumerate(tekst.splitlines(), 1):
            if re.search(r"<script(?![^>]*\bsrc=)", inhoud):
                fouten.append(f"{pad.relative_to(ROOT)}:{regel}: inline <script>")
            if re.search(r"\sstyle=", inhoud) or "<style" in inhoud:
                fouten.append(f"{pad.relative_to(ROOT)}:{regel}: style")
            if re.search(
                r"<[^>]*\son(click|load|error|submit|change|input|focus|blur|key\w+|mouse\w+)=",
                inhoud,
            ):
                fouten.append(f"{pad.relative_to(ROOT)}:{regel}: event handler attribute")
    assert not fouten, "\n".join(fouten)


PRODUCTIE_KOPPEN = """
import json
from django.test import Client
c = Client(HTTP_HOST="passend.example")
r = c.get("/inloggen/", secure=True)
cookie = r.cookies["csrftoken"]
print(json.dumps({"status": r.status_code, "headers": dict(r.headers),
    "csrf": {"secure": bool(cookie["secure"]), "httponly": bool(cookie["httponly"]),
             "samesite": cookie["samesite"]},
    "http": c.get("/inloggen/").status_code, "http_location": c.get("/inloggen/").get("Location")}))
"""


def test_production_sends_the_security_headers_and_secure_cookies():
    uitkomst = manage("shell", "-c", PRODUCTIE_KOPPEN, PASSEND_OMGEVING="production", **PRODUCTIE)
    assert uitkomst.returncode == 0, uitkomst.stderr
    antwoord = json.loads(uitkomst.stdout.strip().splitlines()[-1])
    koppen = antwoord["headers"]
    assert antwoord["status"] == 200
    assert koppen["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert koppen["X-Frame-Options"] == "DENY"
    assert koppen["X-Content-Type-Options"] == "nosniff"
    assert koppen["Referrer-Policy"] == "same-origin"
    assert koppen["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "'unsafe-inline'" not in koppen["Content-Security-Policy"]
    assert antwoord["csrf"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert antwoord["http"] == 301
    assert antwoord["http_location"].startswith("https://")


def test_production_settings_switch_the_second_step_on():
    uitkomst = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.TWEESTAPS_VERPLICHT, s.SESSION_COOKIE_SECURE, s.DEBUG)",
        PASSEND_OMGEVING="production",
        **PRODUCTIE,
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.strip().splitlines()[-1].split() == ["True", "True", "False"]


@pytest.mark.parametrize(
    "naam", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "CELERY_BROKER_URL", "EMAIL_URL"]
)
def test_production_refuses_to_start_without_each_secret(naam):
    zonder = {k: v for k, v in PRODUCTIE.items() if k != naam}
    uitkomst = manage("check", PASSEND_OMGEVING="production", **zonder)
    assert uitkomst.returncode != 0
    assert naam in uitkomst.stderr


def test_a_password_needs_twelve_characters():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="12"):
        validate_password("kort-1234")
    validate_password("een-lang-nieuw-wachtwoord-42")


PRODUCTIE_API = """
import json
from django.test import Client
c = Client(HTTP_HOST="passend.example")
https = c.get("/api/v1/openapi.json", secure=True)
http = c.get("/api/v1/openapi.json")
print(json.dumps({"https": https.status_code, "hsts": https.get("Strict-Transport-Security"),
    "http": http.status_code, "http_type": http.get("Content-Type"),
    "http_location": http.get("Location"), "pagina": c.get("/inloggen/").status_code}))
"""


def test_in_production_the_api_never_redirects_and_asks_for_hsts_preload():
    uitkomst = manage("shell", "-c", PRODUCTIE_API, PASSEND_OMGEVING="production", **PRODUCTIE)
    assert uitkomst.returncode == 0, uitkomst.stderr
    antwoord = json.loads(uitkomst.stdout.strip().splitlines()[-1])
    assert antwoord["https"] == 200
    assert antwoord["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert antwoord["http"] == 403 and antwoord["http_location"] is None
    assert antwoord["http_type"] == "application/problem+json"
    assert antwoord["pagina"] == 301  # the pages still send plain http on to https
