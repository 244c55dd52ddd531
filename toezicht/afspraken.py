"""Follow-up agreements that follow themselves: an agreement tied to a milestone (for the
recurring one, a cycle of it) or to a reporting round closes as nagekomen when the SWV meets it,
and says with what (ADR 0073). Called after every change that can meet one: a fact, an OPR
decision, a thuiszitter submission, the agreement itself."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan.models import Status
from passend import formatting
from toezicht.models import Afspraakstatus, Thuiszitterregistratie, Vervolgafspraak


def _gekoppeld(swv_id: int):
    return Vervolgafspraak.objects.filter(swv_id=swv_id, status=Afspraakstatus.OPEN).filter(
        Q(mijlpaal__isnull=False) | Q(ronde__isnull=False)
    )


def nagekomen(afspraak: Vervolgafspraak, standen, ingediend) -> tuple[datetime.date, str] | None:
    """When and with what the agreement was met, from the SWV's milestone states now or its
    submissions (`ingediend`: round id to the moment first submitted); None while it is not."""
    if afspraak.ronde_id:
        if afspraak.ronde_id not in ingediend:
            return None
        dag = timezone.localdate(ingediend[afspraak.ronde_id])
        periode = formatting.periode(afspraak.ronde.periode_van, afspraak.ronde.periode_tot)
        return dag, f"Thuiszitteraantallen over {periode} ingediend op {dag:%d-%m-%Y}"
    stand = next((s for s in standen if s.mijlpaal.pk == afspraak.mijlpaal_id), None)
    if stand is None:  # not a milestone of this SWV's sector (refused when recorded)
        return None
    if stand.cycli:
        cyclus = _cyclus(afspraak, stand.cycli)
        if cyclus is None or cyclus.behaald_op is None:
            return None
        return cyclus.behaald_op, (
            f"{stand.mijlpaal.naam} (OP-cyclus {cyclus.naam}) vastgesteld op "
            f"{cyclus.behaald_op:%d-%m-%Y}"
        )
    if stand.status not in (Status.BEHAALD, Status.TE_LAAT) or stand.behaald_op is None:
        return None
    return stand.behaald_op, f"{stand.mijlpaal.naam} behaald op {stand.behaald_op:%d-%m-%Y}"


def _cyclus(afspraak, cycli):
    """The cycle the agreement waits for: the one it names, or else the one that was open when
    the agreement was made."""
    if afspraak.cyclus:
        return next((c for c in cycli if c.nummer == afspraak.cyclus), None)
    return next(
        (c for c in cycli if c.behaald_op is None or c.behaald_op >= afspraak.gemaakt_op), None
    )


@transaction.atomic
def sluit_nagekomen(swv_id: int) -> list[Vervolgafspraak]:
    """Closes every open agreement of the SWV whose milestone, cycle or round is met now, as
    nagekomen on the day it was met; the change is in the history with what met it."""
    afspraken = list(_gekoppeld(swv_id).select_related("mijlpaal", "ronde", "swv"))
    if not afspraken:
        return []
    standen = None
    if any(a.mijlpaal_id for a in afspraken):
        standen = op_selectors.standen_van(afspraken[0].swv, timezone.localdate())
    ingediend = dict(
        Thuiszitterregistratie.objects.filter(
            swv_id=swv_id,
            ronde_id__in=[a.ronde_id for a in afspraken if a.ronde_id],
            ingediend_op__isnull=False,
        ).values_list("ronde_id", "ingediend_op")
    )
    gesloten = []
    for afspraak in afspraken:
        uitkomst = nagekomen(afspraak, standen, ingediend)
        if uitkomst is None:
            continue
        dag, wat = uitkomst
        afspraak.status = Afspraakstatus.NAGEKOMEN
        afspraak.afgesloten_op = min(dag, timezone.localdate())
        afspraak.nagekomen_met = wat
        afspraak.versie += 1  # an edit form open meanwhile gets a conflict, not an overwrite
        afspraak.save(
            update_fields=["status", "afgesloten_op", "nagekomen_met", "versie", "gewijzigd_op"]
        )
        gesloten.append(afspraak)
    return gesloten
