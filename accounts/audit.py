"""The security audit log: one call records one event.

    from accounts.audit import registreer
    registreer("export", request=request, tabel="monitor", formaat="csv")

Logins, failed logins, lock-outs, logouts, two-factor set-up and role changes are recorded by
`accounts.signals`; exports and report downloads by the views that serve them. The kinds are
`accounts.models.Auditsoort`. Never pass a password, a code or anything about a pupil.
"""

import contextlib
import logging

from auditlog.context import auditlog_value, set_actor
from auditlog.middleware import AuditlogMiddleware

logger = logging.getLogger("accounts.audit")


@contextlib.contextmanager
def namens(actor):
    """Changes made inside the block are django-auditlog's entries by `actor`. Afterwards the
    actor is gone again: django-auditlog's own `set_actor` leaves it behind in the thread's
    context, where a later change outside any request or service (a command, the next task of
    a worker) would be ascribed to whoever acted last."""
    vorige = auditlog_value.get({})
    try:
        with set_actor(actor):
            yield
    finally:
        auditlog_value.set(vorige)


class AuditActorMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware (the signed-in user is the actor of what a request
    changes), which also takes the actor away again when the request is done."""

    def __call__(self, request):
        vorige = auditlog_value.get({})
        try:
            return super().__call__(request)
        finally:
            auditlog_value.set(vorige)


def actor():
    """Who is making the change now: the signed-in user of the current request (django-
    auditlog's middleware) or the `door` of the service inside `namens`; None elsewhere."""
    return auditlog_value.get({}).get("actor")


def client_ip(request) -> str | None:
    """The address the request came from. Behind the proxy of docker-compose the proxy sets
    REMOTE_ADDR through gunicorn's forwarded-allow-ips; headers a client can forge are not read."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def registreer(soort: str, *, gebruiker=None, gebruikersnaam: str = "", request=None, **gegevens):
    """Records one event of kind `soort` (an `Auditsoort`). `gebruiker` defaults to the
    request's user; `gebruikersnaam` to that user's name. Extra keyword arguments are kept as
    JSON (ids, formats, filters)."""
    from accounts.models import Auditgebeurtenis, Auditsoort

    if soort not in Auditsoort.values:
        raise ValueError(f"Onbekende soort auditgebeurtenis: {soort!r}")
    if gebruiker is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            gebruiker = user
    if gebruiker is not None and not gebruikersnaam:
        gebruikersnaam = gebruiker.get_username()
    gebeurtenis = Auditgebeurtenis.objects.create(
        soort=soort,
        gebruiker=gebruiker,
        gebruikersnaam=gebruikersnaam[:150],
        ip_adres=client_ip(request),
        gegevens=gegevens,
    )
    logger.info("audit %s %s %s", soort, gebruikersnaam, gegevens)
    return gebeurtenis


def in_bulk(objecten, actie: str = "aangemaakt", tekst=str) -> None:
    """django-auditlog's entries for rows written with bulk_create or bulk_update, which send no
    signals: so the history and the API's changes feed (ADR 0075) know of what an import wrote.
    One insert per thousand rows; `tekst` gives each row's description without a query."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    objecten = [o for o in objecten if o.pk is not None]
    if not objecten:
        return
    soort = ContentType.objects.get_for_model(objecten[0])
    actor = auditlog_value.get({}).get("actor")
    LogEntry.objects.bulk_create(
        [
            LogEntry(
                content_type=soort,
                object_pk=str(o.pk),
                object_id=o.pk,
                object_repr=tekst(o)[:255],
                action=LogEntry.Action.CREATE if actie == "aangemaakt" else LogEntry.Action.UPDATE,
                actor=actor if getattr(actor, "pk", None) else None,
                additional_data=o.get_additional_data()
                if hasattr(o, "get_additional_data")
                else None,
            )
            for o in objecten
        ],
        batch_size=1000,
    )
