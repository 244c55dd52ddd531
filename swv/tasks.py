"""Imports of reference data in the background. Tasks take ids; each step checks the job's
state first, so a message delivered twice does its work once."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from swv.services import importopdrachten

logger = logging.getLogger(__name__)

TAAKOPTIES = {"acks_late": True, "time_limit": 10 * 60, "soft_time_limit": 9 * 60}


def _veilig(stap, opdracht_id: int) -> str:
    try:
        return stap(opdracht_id)
    except SoftTimeLimitExceeded:
        importopdrachten.mislukt(opdracht_id, "De import duurde langer dan negen minuten.")
        raise
    except Exception as fout:
        logger.exception("Importopdracht %s mislukt", opdracht_id)
        importopdrachten.mislukt(
            opdracht_id, f"De import is afgebroken ({type(fout).__name__}); er is niets ingelezen."
        )
        return "mislukt"


@shared_task(name="swv.tasks.proefimport", **TAAKOPTIES)
def proefimport(opdracht_id: int) -> str:
    return _veilig(importopdrachten.voer_proef_uit, opdracht_id)


@shared_task(name="swv.tasks.importeer", **TAAKOPTIES)
def importeer(opdracht_id: int) -> str:
    return _veilig(importopdrachten.voer_import_uit, opdracht_id)


@shared_task(name="swv.tasks.ronde", acks_late=True, time_limit=5 * 60, soft_time_limit=4 * 60)
def ronde() -> list[int]:
    return importopdrachten.ronde()
