"""Reminders to the coördinator of an SWV that has not submitted a round: once a week before the
deadline and once after it, each sent at most once (the unique Herinnering row decides, also
when two runs or two workers race)."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from swv.models import Samenwerkingsverband
from toezicht.models import Herinnering, Herinneringsmoment, Rapportageronde

#: How many days before the deadline the first reminder goes out.
DAGEN_VOOR = 7
#: How long after the deadline a missing submission still gets its (one) reminder.
DAGEN_NA = 60


def te_herinneren(vandaag: datetime.date) -> list[tuple[Rapportageronde, str]]:
    """The rounds that call for a reminder today, each with its moment."""
    uit = []
    for ronde in Rapportageronde.objects.filter(
        periode_tot__lt=vandaag,
        deadline__gte=vandaag - datetime.timedelta(days=DAGEN_NA),
    ):
        if ronde.deadline < vandaag:
            uit.append((ronde, Herinneringsmoment.NA))
        elif ronde.deadline - datetime.timedelta(days=DAGEN_VOOR) <= vandaag:
            uit.append((ronde, Herinneringsmoment.VOOR))
    return uit


@transaction.atomic
def maak_herinneringen(vandaag: datetime.date) -> list[int]:
    """Records a reminder for every SWV that has not submitted a round that calls for one, and
    returns every reminder not sent yet (also those of an earlier day whose mail failed)."""
    for ronde, moment in te_herinneren(vandaag):
        ontbrekend = Samenwerkingsverband.objects.exclude(thuiszitterregistraties__ronde=ronde)
        Herinnering.objects.bulk_create(
            [Herinnering(ronde=ronde, swv=swv, moment=moment) for swv in ontbrekend],
            ignore_conflicts=True,
        )
    return list(
        Herinnering.objects.filter(verstuurd_op__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def stuur(herinnering_id: int) -> bool:
    """Mails one reminder unless it went out already or the SWV has submitted since. The row
    stays locked while sending, so a second worker waits and then finds it done; when the mail
    server fails, the exception rolls back and the task tries again later."""
    herinnering = (
        Herinnering.objects.select_for_update(of=("self",))
        .select_related("ronde", "swv")
        .filter(pk=herinnering_id)
        .first()
    )
    if herinnering is None or herinnering.verstuurd_op is not None:
        return False
    swv, ronde = herinnering.swv, herinnering.ronde
    adressen = sorted({c.email for c in swv.coordinatoren.filter(is_active=True) if c.email})
    al_ingediend = swv.thuiszitterregistraties.filter(ronde=ronde).exists()
    if adressen and not al_ingediend:
        context = {
            "swv": swv,
            "ronde": ronde,
            "na": herinnering.moment == Herinneringsmoment.NA,
            "url": f"{settings.PORTAAL_URL}/samenwerkingsverbanden/{swv.code}/thuiszitters/",
        }
        EmailMessage(
            subject=render_to_string("toezicht/mail/herinnering_onderwerp.txt", context).strip(),
            body=render_to_string("toezicht/mail/herinnering.txt", context),
            to=adressen,
        ).send()
    herinnering.verstuurd_op = timezone.now()
    herinnering.save(update_fields=["verstuurd_op"])
    return bool(adressen) and not al_ingediend
