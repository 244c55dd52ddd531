"""What a visitor sees when the database is unreachable: a Dutch 503 page (or problem+json on
the API), not a traceback or a bare 500. The next request after the database is back works
again by itself: Django opens a fresh connection (`CONN_HEALTH_CHECKS`)."""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader

logger = logging.getLogger(__name__)

STORINGEN = (OperationalError, InterfaceError)


def is_storing(fout: BaseException | None) -> bool:
    """A connection failure, also when it surfaces as a DatabaseError wrapping one."""
    while fout is not None:
        if isinstance(fout, STORINGEN):
            return True
        if not isinstance(fout, DatabaseError):
            return False
        fout = fout.__cause__
    return False


def serverfout(request):
    """handler500: 503 when the database is down, the plain 500 page otherwise. Renders
    without the request context, because that would need the database again."""
    fout = sys.exc_info()[1]
    api = request.path.startswith("/api/")
    if is_storing(fout):
        logger.warning("Database onbereikbaar bij %s: %s", request.path, fout)
        if api:
            return JsonResponse(
                {
                    "type": "about:blank",
                    "title": "Tijdelijk niet beschikbaar",
                    "status": 503,
                    "detail": "De database is even niet bereikbaar. Probeer het over een minuut opnieuw.",
                },
                status=503,
                content_type="application/problem+json",
                headers={"Retry-After": "30"},
            )
        return HttpResponse(
            loader.render_to_string("503.html"), status=503, headers={"Retry-After": "30"}
        )
    if api:
        return JsonResponse(
            {"type": "about:blank", "title": "Serverfout", "status": 500},
            status=500,
            content_type="application/problem+json",
        )
    return HttpResponse(loader.render_to_string("500.html"), status=500)
