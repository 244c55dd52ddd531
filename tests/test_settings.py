"""Every environment module loads, and production passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTIE = {
    "SECRET_KEY": "een-lang-willekeurig-geheim-van-minstens-vijftig-tekens-0123456789abcdef",
    "ALLOWED_HOSTS": "passend.example",
    "DATABASE_URL": "postgres://passend@db:5432/passend",
    "CELERY_BROKER_URL": "redis://redis:6379/0",
    "EMAIL_URL": "smtp://mail:25",
}


def manage(*args, **env):
    weg = {*PRODUCTIE, "PASSEND_OMGEVING", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    schoon = {k: v for k, v in os.environ.items() if k not in weg}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=schoon | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("omgeving", ["dev", "ci"])
def test_each_environment_passes_the_system_checks(omgeving):
    uitkomst = manage("check", PASSEND_OMGEVING=omgeving)
    assert uitkomst.returncode == 0, uitkomst.stderr


def test_production_passes_the_deployment_checks():
    uitkomst = manage(
        "check", "--deploy", "--fail-level", "WARNING", PASSEND_OMGEVING="production", **PRODUCTIE
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr


def test_production_without_a_secret_refuses_to_start():
    zonder_geheim = {k: v for k, v in PRODUCTIE.items() if k != "SECRET_KEY"}
    uitkomst = manage("check", PASSEND_OMGEVING="production", **zonder_geheim)
    assert uitkomst.returncode != 0
    assert "SECRET_KEY" in uitkomst.stderr


def test_an_unknown_environment_is_refused():
    uitkomst = manage("check", PASSEND_OMGEVING="acceptatie")
    assert uitkomst.returncode != 0
    assert "kies uit dev, ci, production" in uitkomst.stderr


def test_the_tests_run_against_postgresql_and_redis(settings):
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert settings.CELERY_BROKER_URL.startswith("redis://")
