"""Reading a peildatum (or teldatum) from a request, the same way for pages and API."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

EERSTE = datetime.date(2012, 1, 1)
JAREN_VOORUIT = 10


def laatste(vandaag: datetime.date | None = None) -> datetime.date:
    """The last date the portal accepts: ten years from today (28 February for 29 February)."""
    vandaag = vandaag or timezone.localdate()
    jaar = vandaag.year + JAREN_VOORUIT
    try:
        return vandaag.replace(year=jaar)
    except ValueError:
        return vandaag.replace(year=jaar, day=28)


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
    grens = laatste()
    if not EERSTE <= datum <= grens:
        raise ValidationError(
            {naam: f"Kies een {naam} tussen {EERSTE:%d-%m-%Y} en {grens:%d-%m-%Y}."}
        )
    return datum
