"""Sending work to Celery from a request or a service without depending on the broker.

A task is sent after the transaction that made its work commits. If the broker (Redis) cannot
be reached, the request still succeeds: the work is in the database, marked as not yet done, and
the periodic sweep of its app sends it again. Nothing is lost and nothing is done twice, because
every task checks first whether its work is done.
"""

import logging
import smtplib

from django.conf import settings
from django.db import OperationalError, transaction
from kombu.exceptions import OperationalError as BrokerFout
from redis.exceptions import ConnectionError as RedisFout

logger = logging.getLogger(__name__)


def stuur(taak, *args, **kwargs) -> bool:
    """Sends a task now; False (and a warning in the log) when the broker is unreachable."""
    try:
        taak.apply_async(args=args, kwargs=kwargs)
    except (BrokerFout, RedisFout, OSError) as fout:
        logger.warning(
            "Taak %s niet verstuurd (%s); de periodieke ronde pakt hem op", taak.name, fout
        )
        return False
    return True


def stuur_na_commit(taak, *args, **kwargs):
    """Sends a task once the current transaction has committed (at once outside one)."""
    transaction.on_commit(lambda: stuur(taak, *args, **kwargs))


def met_herhaling(taak, functie, *args):
    """Runs `functie(*args)` inside the bound Celery task `taak`; when the mail server or the
    database fails, the task tries again later, waiting twice as long each time (from
    MELDING_HERHAAL_SECONDEN, at most an hour). For the tasks that send one mail each."""
    try:
        return functie(*args)
    except (smtplib.SMTPException, OSError, OperationalError) as fout:
        wacht = min(settings.MELDING_HERHAAL_SECONDEN * 2**taak.request.retries, 3600)
        raise taak.retry(exc=fout, countdown=wacht) from fout
