"""Background work of the milestones. Tasks take ids or ISO dates, never objects; each checks
whether its work is done already, so running one twice does no harm."""

import datetime
import smtplib

from celery import shared_task
from django.db import OperationalError, transaction
from django.utils import timezone

from ondersteuningsplan import controle


@shared_task(
    name="ondersteuningsplan.tasks.controleer_mijlpalen",
    acks_late=True,
    time_limit=15 * 60,
    soft_time_limit=14 * 60,
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
)
def controleer_mijlpalen(peildatum: str | None = None) -> int:
    """Daily (Celery beat): recompute the statuses as of `peildatum` (ISO date, default today),
    then queue one e-mail per change not yet announced."""
    datum = datetime.date.fromisoformat(peildatum) if peildatum else timezone.localdate()
    controle.controleer(datum)
    te_melden = controle.ongemeld()
    transaction.on_commit(lambda: [meld_statuswijziging.delay(pk) for pk in te_melden])
    return len(te_melden)


@shared_task(
    name="ondersteuningsplan.tasks.meld_statuswijziging",
    acks_late=True,
    time_limit=60,
    soft_time_limit=50,
    autoretry_for=(smtplib.SMTPException, OSError, OperationalError),
    max_retries=8,
    retry_backoff=30,
    retry_backoff_max=60 * 60,
)
def meld_statuswijziging(statuswijziging_id: int) -> bool:
    return controle.meld(statuswijziging_id)
