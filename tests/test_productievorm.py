"""docker-compose.yml describes the production shape; no Docker engine runs here, so these
tests read it and check that its commands point at real things."""

from pathlib import Path

import yaml

from passend.settings import production

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_it_has_web_worker_beat_postgresql_and_redis():
    assert {"web", "worker", "beat", "db", "redis", "migrate"} == set(COMPOSE["services"])
    assert COMPOSE["services"]["web"]["command"][0] == "gunicorn"
    assert COMPOSE["services"]["worker"]["command"][:4] == ["celery", "-A", "passend", "worker"]
    assert COMPOSE["services"]["beat"]["command"][:4] == ["celery", "-A", "passend", "beat"]
    assert COMPOSE["services"]["db"]["image"].startswith("postgres:")
    assert COMPOSE["services"]["redis"]["image"].startswith("redis:")


def test_every_app_service_runs_in_production_with_its_settings_from_the_environment():
    for naam in ("web", "worker", "beat", "migrate"):
        omgeving = COMPOSE["services"][naam]["environment"]
        assert omgeving["PASSEND_OMGEVING"] == "production"
        for variabele in ("SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "EMAIL_URL"):
            assert variabele in omgeving, (naam, variabele)
        assert "SECRET_KEY" not in production.defaults(ROOT)


def test_the_worker_listens_on_the_queue_the_portal_sends_to():
    worker = COMPOSE["services"]["worker"]
    queue = worker["command"][worker["command"].index("-Q") + 1]
    assert worker["environment"]["CELERY_QUEUE"] == queue
