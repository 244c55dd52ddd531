"""Rendering reports in the background. Tasks take ids; each checks first whether its work is
done (or running elsewhere), so a message delivered twice renders once.

A lost database connection is passing trouble: the report goes back to the queue and the task
tries again (a bounded number of times, waiting longer each time). Wrong data or a failing
renderer is not: the report fails with the reason, for a person to retry."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError

from rapporten import inhoud, pdf, services
from rapporten.models import Rapport

logger = logging.getLogger(__name__)

#: The database went away (restart, failover, network): worth another try.
TIJDELIJK = (OperationalError, InterfaceError)
#: A task that starts again after the database went away, waiting longer each time.
BIJ_STORING_OPNIEUW = {
    "acks_late": True,
    "autoretry_for": TIJDELIJK,
    "max_retries": 3,
    "retry_backoff": True,
}
#: What collecting the numbers and rendering can raise on wrong data or a broken environment
#: (disk, fonts, a template): the report fails and says why.
RENDERFOUTEN = (
    DatabaseError,
    OSError,
    ValueError,
    TypeError,
    LookupError,
    ArithmeticError,
    AttributeError,
    TemplateDoesNotExist,
    TemplateSyntaxError,
)


@shared_task(
    name="rapporten.tasks.maak_rapport",
    time_limit=10 * 60,
    soft_time_limit=9 * 60,
    **BIJ_STORING_OPNIEUW,
)
def maak_rapport(rapport_id: int) -> str:
    poging = services.start(rapport_id)
    if poging is None:
        return "overgeslagen"
    try:
        rapport = Rapport.objects.select_related("swv", "groepering").get(pk=rapport_id)
        cijfers = inhoud.verzamel(
            rapport.soort, rapport.peildatum, rapport.sector, rapport.swv, rapport.groepering
        )
        resultaat = pdf.render(cijfers, rapport.titel)
        klaar = services.voltooi(rapport_id, poging, resultaat.pdf, resultaat.paginas, cijfers)
    except SoftTimeLimitExceeded:
        services.mislukt(rapport_id, poging, "Het maken duurde langer dan negen minuten.")
        raise
    except TIJDELIJK:
        # Drop the broken connection, so that the next query connects again, and give the
        # attempt back for the retry; if the database is still away, that fails too and the
        # sweep (ronde) queues the report again once its lease has run out.
        close_old_connections()
        services.geef_terug(rapport_id, poging)
        raise
    except RENDERFOUTEN as fout:
        logger.exception("Rapport %s mislukt", rapport_id)
        services.mislukt(
            rapport_id,
            poging,
            f"Het rapport kon niet worden gemaakt: {type(fout).__name__}: {fout}",
        )
        return "mislukt"
    return "klaar" if klaar else "vervallen"


@shared_task(
    name="rapporten.tasks.maak_zip", acks_late=True, time_limit=10 * 60, soft_time_limit=9 * 60
)
def maak_zip(batch_id: int) -> bool:
    return services.maak_zip(batch_id)


@shared_task(
    name="rapporten.tasks.ronde", acks_late=True, time_limit=5 * 60, soft_time_limit=4 * 60
)
def ronde() -> dict:
    return services.ronde()


@shared_task(
    name="rapporten.tasks.herbereken",
    time_limit=10 * 60,
    soft_time_limit=9 * 60,
    **BIJ_STORING_OPNIEUW,
)
def herbereken(rapport_id: int) -> bool:
    """A report's numbers computed again and kept beside it (ADR 0087)."""
    return services.herbereken(rapport_id) is not None


@shared_task(
    name="rapporten.tasks.herbereken_gepubliceerd",
    time_limit=60 * 60,
    soft_time_limit=59 * 60,
    **BIJ_STORING_OPNIEUW,
)
def herbereken_gepubliceerd() -> int:
    """Every published report computed again: the daily check for errata."""
    return services.herbereken_gepubliceerd()
