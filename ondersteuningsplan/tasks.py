"""Background work of the milestones. Tasks take ids or ISO dates, never objects; each checks
whether its work is done already, so running one twice does no harm."""

import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from ondersteuningsplan import controle
from passend.dispatch import met_herhaling, stuur_na_commit


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
    for pk in te_melden:
        stuur_na_commit(meld_statuswijziging, pk)
    return len(te_melden)


@shared_task(
    name="ondersteuningsplan.tasks.meld_statuswijziging",
    bind=True,
    acks_late=True,
    time_limit=60,
    soft_time_limit=50,
    max_retries=8,
)
def meld_statuswijziging(self, statuswijziging_id: int) -> bool:
    """Mails one change. When the mail server or the database fails, it tries again later,
    waiting twice as long each time (from MELDING_HERHAAL_SECONDEN); a change whose mail never
    went out is sent again by the next daily check."""
    return met_herhaling(self, controle.meld, statuswijziging_id)
