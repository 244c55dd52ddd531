"""No request answers 5xx because of its size or shape: bodies over the limit 413, too deep or
too many keys 400, addresses too long 414, a broken Content-Length 400; problem+json under
/api, a Dutch page elsewhere; and nothing is stored."""

import json

import pytest
from django.test import Client

from accounts.models import Rol
from toezicht.models import Signaal

pytestmark = pytest.mark.django_db


def _signaal(wereld, **extra):
    return {
        "samenwerkingsverband": wereld.swv_a.code,
        "bron": "ouders",
        "onderwerp": "thuiszitter",
        "ontvangenOp": "2018-01-10",
        "omschrijving": "Geen aanbod.",
        **extra,
    }


def _post(api, body: str, **extra):
    return api.post("/api/v1/signalen", body, content_type="application/json", **extra)


def _is_probleem(antwoord, status):
    assert antwoord.status_code == status, antwoord.content[:300]
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["status"] == status
    return antwoord.json()


def test_a_body_over_the_api_limit_is_413_and_stores_nothing(wereld, api_als, settings):
    api = api_als(Rol.INSPECTIE)
    body = json.dumps(_signaal(wereld, omschrijving="x" * (settings.API_MAX_BODY_BYTES + 10)))
    fout = _is_probleem(_post(api, body), 413)
    assert "groter dan 1 MB" in fout["detail"]
    assert not Signaal.objects.filter(omschrijving__startswith="xxx").exists()


def test_deeply_nested_json_is_400_not_a_recursion_error(wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    fout = _is_probleem(_post(api, "[" * 100_000 + "]" * 100_000), 400)
    assert "dieper genest" in fout["detail"]
    fout = _is_probleem(_post(api, '{"a":' * 50 + "1" + "}" * 50), 400)
    assert "dieper genest" in fout["detail"]


def test_brackets_inside_strings_do_not_count_as_nesting(wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    body = json.dumps(_signaal(wereld, omschrijving="[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["))
    assert _post(api, body).status_code == 201


def test_too_many_keys_is_400(wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    body = json.dumps({**_signaal(wereld), **{f"k{i}": i for i in range(5000)}})
    fout = _is_probleem(_post(api, body), 400)
    assert "meer dan 1000 sleutels" in fout["detail"]
    body = "{" + ",".join(f'"k{i}":{i}' for i in range(200_000)) + "}"
    _is_probleem(_post(api, body), 413)  # 2.4 MB: the size limit comes first


@pytest.mark.parametrize(
    "body", ["   ", "{", "NaN", '{"a": Infinity}', "\xff\xfe", '{"a": 1} {"b": 2}']
)
def test_a_body_that_is_no_json_is_400_in_dutch(body, wereld, api_als):
    fout = _is_probleem(_post(api_als(Rol.INSPECTIE), body), 400)
    assert fout["detail"].startswith("De inhoud is")


def test_a_broken_content_length_is_400(wereld, api_als):
    api = api_als(Rol.INSPECTIE)
    _is_probleem(_post(api, "{}", CONTENT_LENGTH="-1"), 400)
    _is_probleem(_post(api, "{}", CONTENT_LENGTH="veel"), 400)


def test_an_address_over_the_limit_is_414(wereld, api_als, client):
    fout = _is_probleem(api_als(Rol.INSPECTIE).get("/api/v1/signalen?q=" + "a" * 9000), 414)
    assert "de grens is 8192" in fout["detail"]
    pagina = client.get("/inloggen/?volgende=" + "a" * 9000)
    assert pagina.status_code == 414
    assert "Adres te lang" in pagina.content.decode()


def test_a_page_post_over_the_limit_gets_a_dutch_page(client_als, settings):
    client = client_als(Rol.COORDINATOR)
    grens = settings.UPLOAD_MAX_BYTES + 1024 * 1024
    antwoord = client.post(
        "/samenwerkingsverbanden/",
        "x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(grens + 1),
    )
    assert antwoord.status_code == 413
    tekst = antwoord.content.decode()
    assert "Verzoek te groot" in tekst and "Er is niets opgeslagen." in tekst
    assert 'lang="nl"' in tekst


def test_djangos_own_field_limit_is_answered_too(client):
    velden = "&".join(f"v{i}=1" for i in range(1100))
    antwoord = client.post("/inloggen/", velden, content_type="application/x-www-form-urlencoded")
    assert antwoord.status_code == 400
    assert "te veel velden" in antwoord.content.decode()


def test_the_document_names_413_for_every_write(client: Client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    schrijfacties = [
        operatie
        for methoden in document["paths"].values()
        for methode, operatie in methoden.items()
        if methode in ("post", "put", "patch")
    ]
    assert schrijfacties
    assert all("413" in operatie["responses"] for operatie in schrijfacties)


@pytest.mark.integratie
def test_under_gunicorn_a_long_request_line_is_answered_as_problem_json(tmp_path):
    """Gunicorn's own limit (4 KB) answers with HTML; gunicorn.conf.py lifts it and the portal
    answers itself."""
    import os
    import urllib.error
    import urllib.request

    from tests.diensten import Portaal

    env = dict(os.environ) | {
        "PASSEND_OMGEVING": "ci",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    portaal = Portaal(env, tmp_path / "gunicorn.log")
    portaal.start()
    try:
        for lengte, status in ((5000, 401), (9000, 414)):
            with pytest.raises(urllib.error.HTTPError) as fout:
                adres = f"{portaal.url}/api/v1/signalen?samenwerkingsverband={'a' * lengte}"
                urllib.request.urlopen(adres)
            assert fout.value.code == status
            assert fout.value.headers["Content-Type"] == "application/problem+json"
            assert json.loads(fout.value.read())["status"] == status
    finally:
        portaal.stop()
