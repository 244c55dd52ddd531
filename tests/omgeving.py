"""Loaded as a pytest plugin (`-p tests.omgeving`) before Django's settings are read, so that
the tests run in the `ci` environment unless PASSEND_OMGEVING says otherwise.

The suite runs in parallel processes (pytest-xdist, `-n`). Each has its own test database
(pytest-django appends the process's name, `gw0`, `gw1`, ...); here each also gets its own
Celery queue and media folder, so that a worker started by one process never takes another's
task and two processes never write the same file. The processes' child processes (Celery
workers, gunicorn) inherit these names through the environment."""

import os

os.environ.setdefault("PASSEND_OMGEVING", "ci")

if proces := os.environ.get("PYTEST_XDIST_WORKER"):
    from passend.settings.env import BASE_DIR, checkout_id

    os.environ.setdefault("CELERY_QUEUE", f"passend-{checkout_id()}-{proces}")
    os.environ.setdefault("MEDIA_ROOT", str(BASE_DIR / "var" / f"test-media-{proces}"))
