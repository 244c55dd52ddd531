"""Background work of the reporting rounds. Tasks take ids or ISO dates, never objects; each
checks whether its work is done already, so running one twice does no harm."""

import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from passend.dispatch import met_herhaling, stuur_na_commit
from toezicht import herinneringen, services

#: A daily run that records what to send: retried when the database is briefly away.
DAGELIJKS = {
    "acks_late": True,
    "time_limit": 10 * 60,
    "soft_time_limit": 9 * 60,
    "autoretry_for": (OperationalError,),
    "max_retries": 3,
    "retry_backoff": True,
}
#: One mail: tried again later (met_herhaling) when the mail server or the database fails.
ZENDEN = {
    "bind": True,
    "acks_late": True,
    "time_limit": 60,
    "soft_time_limit": 50,
    "max_retries": 8,
}


def _dag(peildatum: str | None) -> datetime.date:
    return datetime.date.fromisoformat(peildatum) if peildatum else timezone.localdate()


def _stuur_elk(pks: list[int], taak) -> int:
    """Queues `taak` for each id once the transaction has committed; returns how many."""
    for pk in pks:
        stuur_na_commit(taak, pk)
    return len(pks)


@shared_task(
    name="toezicht.tasks.plan_rondes",
    acks_late=True,
    time_limit=5 * 60,
    soft_time_limit=4 * 60,
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
)
def plan_rondes(tot: str | None = None) -> int:
    """Daily (Celery beat): adds the two-monthly thuiszitter rounds that have begun."""
    return services.plan_rondes(datetime.date.fromisoformat(tot) if tot else None)


@shared_task(name="toezicht.tasks.herinner", **DAGELIJKS)
def herinner(peildatum: str | None = None) -> int:
    """Daily (Celery beat): records the reminders due on `peildatum` (ISO date, default today)
    and queues one mail for each not sent yet; returns how many it queued."""
    return _stuur_elk(herinneringen.maak_herinneringen(_dag(peildatum)), stuur_herinnering)


@shared_task(name="toezicht.tasks.stuur_herinnering", **ZENDEN)
def stuur_herinnering(self, herinnering_id: int) -> bool:
    """Mails one reminder; on a mail or database failure it tries again later, waiting twice as
    long each time. A reminder whose mail never went out is queued again by the next run."""
    return met_herhaling(self, herinneringen.stuur, herinnering_id)


@shared_task(name="toezicht.tasks.weekoverzicht", **DAGELIJKS)
def weekoverzicht(peildatum: str | None = None) -> int:
    """Weekly (Celery beat, Monday morning): records this week's digest for each accountmanager
    and queues one mail for each not sent yet; returns how many it queued."""
    return _stuur_elk(herinneringen.maak_weekoverzichten(_dag(peildatum)), stuur_weekoverzicht)


@shared_task(name="toezicht.tasks.stuur_weekoverzicht", **ZENDEN)
def stuur_weekoverzicht(self, weekoverzicht_id: int) -> bool:
    """Mails one digest; on a mail or database failure it tries again later, as a reminder."""
    return met_herhaling(self, herinneringen.stuur_weekoverzicht, weekoverzicht_id)


@shared_task(name="toezicht.tasks.herinner_afspraken", **DAGELIJKS)
def herinner_afspraken(peildatum: str | None = None) -> int:
    """Daily (Celery beat): records the reminders about follow-up agreements due on `peildatum`
    and queues one mail for each not sent yet; returns how many it queued."""
    return _stuur_elk(
        herinneringen.maak_afspraakherinneringen(_dag(peildatum)), stuur_afspraakherinnering
    )


@shared_task(name="toezicht.tasks.stuur_afspraakherinnering", **ZENDEN)
def stuur_afspraakherinnering(self, herinnering_id: int) -> bool:
    """Mails one reminder about an agreement; on a failure it tries again later."""
    return met_herhaling(self, herinneringen.stuur_afspraakherinnering, herinnering_id)


@shared_task(
    name="toezicht.tasks.maak_gegevensexport",
    acks_late=True,
    time_limit=30 * 60,
    soft_time_limit=25 * 60,
    autoretry_for=(OperationalError,),
    max_retries=2,
    retry_backoff=True,
)
def maak_gegevensexport(export_id: int) -> str:
    """Builds a data team's file set (ADR 0076); an export already done is left as it is, one
    that fails says why."""
    from toezicht import gegevensexport
    from toezicht.models import Exportstatus, Gegevensexport

    export = Gegevensexport.objects.filter(pk=export_id).first()
    if export is None or export.status == Exportstatus.KLAAR:
        return "overgeslagen"
    try:
        return gegevensexport.maak(export).status
    except OperationalError:
        raise
    except Exception as fout:
        Gegevensexport.objects.filter(pk=export_id).update(
            status=Exportstatus.MISLUKT, fout=f"{type(fout).__name__}: {fout}"[:2000]
        )
        raise
