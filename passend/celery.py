"""The Celery app. Configuration comes from Django's settings (the CELERY_ names)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.settings.base")

app = Celery("passend")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="passend.ping")
def ping() -> str:
    """Answers 'pong': shows that a worker takes tasks from the broker."""
    return "pong"
