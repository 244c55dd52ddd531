"""Reading a peildatum (or teldatum) from a request, the same way for pages and API."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

EERSTE = datetime.date(2012, 1, 1)


def lees_datum(waarde: str | None, naam: str = "peildatum") -> datetime.date:
    """An ISO date (JJJJ-MM-DD), default today. Refuses nonsense and dates outside the years
    the portal knows, with a message in Dutch."""
    if not waarde:
        return timezone.localdate()
    try:
        datum = datetime.date.fromisoformat(waarde)
    except ValueError:
        raise ValidationError(
            {
                naam: f"'{waarde}' is geen datum; schrijf die als JJJJ-MM-DD, bijvoorbeeld 2014-02-01."
            }
        ) from None
    laatste = timezone.localdate().replace(year=timezone.localdate().year + 10)
    if not EERSTE <= datum <= laatste:
        raise ValidationError(
            {naam: f"Kies een {naam} tussen {EERSTE:%d-%m-%Y} en {laatste:%d-%m-%Y}."}
        )
    return datum
