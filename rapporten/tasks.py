"""Rendering reports in the background. Tasks take ids; each checks first whether its work is
done (or running elsewhere), so a message delivered twice renders once."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError

from rapporten import inhoud, pdf, services
from rapporten.models import Rapport

logger = logging.getLogger(__name__)


@shared_task(
    name="rapporten.tasks.maak_rapport",
    acks_late=True,
    time_limit=10 * 60,
    soft_time_limit=9 * 60,
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
)
def maak_rapport(rapport_id: int) -> str:
    poging = services.start(rapport_id)
    if poging is None:
        return "overgeslagen"
    rapport = Rapport.objects.select_related("swv").get(pk=rapport_id)
    try:
        cijfers = inhoud.verzamel(rapport.soort, rapport.peildatum, rapport.sector, rapport.swv)
        resultaat = pdf.render(cijfers, rapport.titel)
    except SoftTimeLimitExceeded:
        services.mislukt(rapport_id, poging, "Het maken duurde langer dan negen minuten.")
        raise
    except Exception as fout:
        logger.exception("Rapport %s mislukt", rapport_id)
        services.mislukt(
            rapport_id,
            poging,
            f"Het rapport kon niet worden gemaakt: {type(fout).__name__}: {fout}",
        )
        return "mislukt"
    return (
        "klaar"
        if services.voltooi(rapport_id, poging, resultaat.pdf, resultaat.paginas, cijfers)
        else "vervallen"
    )


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
