"""The Celery wiring: beat names real tasks, and a real worker on Redis runs them."""

import inspect

import pytest
from django.conf import settings

from passend.celery import app, ping
from tests.wachten import DEADLINE_SECONDEN


def test_every_beat_entry_names_a_real_task_whose_signature_fits():
    app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE
    for naam, regel in settings.CELERY_BEAT_SCHEDULE.items():
        assert regel["task"] in app.tasks, f"{naam}: onbekende taak {regel['task']}"
        taak = app.tasks[regel["task"]]
        inspect.signature(taak.run).bind(*regel.get("args", ()), **regel.get("kwargs", {}))


def test_every_task_is_named_by_its_import_path_and_acknowledged_late():
    app.loader.import_default_modules()
    eigen = {n: t for n, t in app.tasks.items() if not n.startswith("celery.")}
    for naam, taak in eigen.items():
        if naam == "passend.ping":
            continue
        assert naam == f"{taak.__module__}.{taak.__name__}", naam
        assert taak.acks_late, naam
        assert taak.time_limit, naam


@pytest.mark.integratie
def test_a_real_worker_takes_a_task_from_redis(celery_worker):
    resultaat = ping.delay()

    assert resultaat.get(timeout=DEADLINE_SECONDEN) == "pong"
    assert "passend.ping" in celery_worker.logtekst()
