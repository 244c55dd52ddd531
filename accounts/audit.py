"""The security audit log: one call records one event.

    from accounts.audit import registreer
    registreer("export", request=request, tabel="monitor", formaat="csv")

Logins, failed logins, lock-outs, logouts, two-factor set-up and role changes are recorded by
`accounts.signals`; exports and report downloads by the views that serve them. The kinds are
`accounts.models.Auditsoort`. Never pass a password, a code or anything about a pupil.
"""

import logging

logger = logging.getLogger("accounts.audit")


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
