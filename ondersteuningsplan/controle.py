"""The daily check: recompute every milestone status, record each change once, and mail each
change once to the SWV's coördinatoren and its accountmanager."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ondersteuningsplan.models import RANG, Mijlpaal, Mijlpaalstatus, Status, Statuswijziging
from ondersteuningsplan.selectors import standen
from swv.models import Samenwerkingsverband

logger = logging.getLogger(__name__)


@transaction.atomic
def controleer(peildatum: datetime.date) -> list[int]:
    """Returns the ids of the status changes this run recorded.

    Concurrent runs queue on the lock of the milestone rows, so the second sees the first's
    statuses and records nothing; a change is unique per SWV, milestone and day as well.
    A first status (no earlier one) is stored without a change: there is nothing to report.
    """
    list(Mijlpaal.objects.select_for_update().order_by("pk"))
    huidig = {(s.swv_id, s.mijlpaal_id): s for s in Mijlpaalstatus.objects.all()}
    nieuw_status, bijgewerkt, wijzigingen = [], [], []
    for swv_id, swv_standen in standen(Samenwerkingsverband.objects.all(), peildatum).items():
        for stand in swv_standen:
            if stand.status is None:
                continue
            sleutel = (swv_id, stand.mijlpaal.pk)
            vorige = huidig.get(sleutel)
            nummer = stand.cyclus.nummer if stand.cyclus else None
            if vorige is None:
                nieuw_status.append(
                    Mijlpaalstatus(
                        swv_id=swv_id,
                        mijlpaal=stand.mijlpaal,
                        status=stand.status,
                        cyclus=nummer,
                        sinds=peildatum,
                    )
                )
                continue
            wijziging = _wijziging(stand, vorige, nummer)
            if wijziging:
                naar, cyclus = wijziging
                wijzigingen.append(
                    Statuswijziging(
                        swv_id=swv_id,
                        mijlpaal=stand.mijlpaal,
                        datum=peildatum,
                        van=vorige.status,
                        naar=naar,
                        cyclus=cyclus,
                    )
                )
            if wijziging or vorige.cyclus != nummer:
                vorige.status, vorige.cyclus, vorige.sinds = stand.status, nummer, peildatum
                bijgewerkt.append(vorige)
    Mijlpaalstatus.objects.bulk_create(nieuw_status)
    Mijlpaalstatus.objects.bulk_update(bijgewerkt, ["status", "cyclus", "sinds"])
    bestaand = set(
        Statuswijziging.objects.filter(datum=peildatum).values_list("swv_id", "mijlpaal_id")
    )
    vastgelegd = Statuswijziging.objects.bulk_create(
        [w for w in wijzigingen if (w.swv_id, w.mijlpaal.pk) not in bestaand]
    )
    logger.info(
        "Mijlpalen op %s: %d nieuwe statussen, %d wijzigingen",
        peildatum,
        len(nieuw_status),
        len(vastgelegd),
    )
    return [w.pk for w in vastgelegd]


def _wijziging(stand, vorige: Mijlpaalstatus, nummer: int | None) -> tuple[str, str] | None:
    """What to announce, as (new status, cycle name), or None. Within one cycle, a change of
    its status. When the stored cycle has ended (its plan was adopted since the last run), its
    outcome: "te laat behaald" is announced even though the next cycle starts open, so a late
    plan is reported once and the start of the next cycle is not news."""
    if vorige.cyclus is not None and nummer is not None and vorige.cyclus != nummer:
        afgesloten = next((c for c in stand.cycli if c.nummer == vorige.cyclus), None)
        if afgesloten is None or afgesloten.status == vorige.status:
            return None
        return afgesloten.status, afgesloten.naam
    if vorige.status != stand.status:
        return stand.status, stand.cyclus.naam if stand.cyclus else ""
    return None


def ongemeld() -> list[int]:
    """Changes whose e-mail has not gone out yet, whatever day they were found."""
    return list(Statuswijziging.objects.filter(gemeld_op__isnull=True).values_list("pk", flat=True))


def ontvangers(swv: Samenwerkingsverband) -> list[str]:
    mensen = [*swv.coordinatoren.filter(is_active=True), swv.accountmanager]
    return sorted({m.email for m in mensen if m is not None and m.is_active and m.email})


@transaction.atomic
def meld(statuswijziging_id: int) -> bool:
    """Sends the e-mail of one change, unless it went out already. The row stays locked while
    sending, so a second worker with the same change waits and then finds it sent. When the
    mail server fails, the exception rolls back and the task retries later."""
    wijziging = (
        Statuswijziging.objects.select_for_update(of=("self",))
        .select_related("swv__accountmanager", "mijlpaal")
        .filter(pk=statuswijziging_id)
        .first()
    )
    if wijziging is None or wijziging.gemeld_op is not None:
        return False
    adressen = ontvangers(wijziging.swv)
    if adressen:
        context = {
            "wijziging": wijziging,
            "swv": wijziging.swv,
            "url": f"{settings.PORTAAL_URL}/samenwerkingsverbanden/{wijziging.swv.code}/",
            "slechter": _slechter(wijziging),
        }
        EmailMessage(
            subject=render_to_string(
                "ondersteuningsplan/mail/statuswijziging_onderwerp.txt", context
            ).strip(),
            body=render_to_string("ondersteuningsplan/mail/statuswijziging.txt", context),
            to=adressen,
        ).send()
    wijziging.gemeld_op = timezone.now()
    wijziging.save(update_fields=["gemeld_op"])
    return bool(adressen)


def _slechter(wijziging: Statuswijziging) -> bool:
    return RANG[Status(wijziging.naar)] < RANG[Status(wijziging.van)]
