"""Background work of the public pages: the daily automatic publication (ADR 0084)."""

from celery import shared_task
from django.db import OperationalError

from dashboards import publicatie


@shared_task(
    acks_late=True,
    time_limit=30 * 60,
    soft_time_limit=29 * 60,
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
)
def publiceer_verlopen() -> int:
    """Publishes the figures of every SWV that has not published for too long; running it twice
    on a day publishes nothing more the second time."""
    swvs = publicatie.verlopen()
    for swv in swvs:
        publicatie.publiceer(swv, automatisch=True)
    return len(swvs)
