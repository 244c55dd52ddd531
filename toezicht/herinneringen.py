"""Reminders to the coördinator of an SWV that has not submitted a round: once a week before the
deadline and once after it, each sent at most once (the unique Herinnering row decides, also
when two runs or two workers race). And once a week to each accountmanager, a digest of the
missing and returned submissions in their portfolio (the unique Weekoverzicht row decides). And
about an open follow-up agreement: to the coördinator before its deadline, to the Inspectie when
it has expired (the unique Afspraakherinnering row decides)."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import Gebruiker, Rol
from swv.models import Samenwerkingsverband
from toezicht.models import (
    Afspraakherinnering,
    Afspraakmoment,
    Afspraakstatus,
    Herinnering,
    Herinneringsmoment,
    Indieningsstatus,
    Rapportageronde,
    Rapportagesoort,
    Thuiszitterregistratie,
    Vervolgafspraak,
    Weekoverzicht,
)

#: How many days before the deadline the first reminder goes out.
DAGEN_VOOR = 7
#: How long after the deadline a missing submission still gets its (one) reminder.
DAGEN_NA = 60


def _vergrendeld(queryset, pk: int):
    """The reminder's row, locked while it is sent; None when it is gone or was sent already."""
    rij = queryset.select_for_update(of=("self",)).filter(pk=pk).first()
    return None if rij is None or rij.verstuurd_op is not None else rij


def _mail(sjabloon: str, context: dict, aan: list[str]) -> None:
    """One mail from toezicht/mail/<sjabloon>.txt and its _onderwerp.txt."""
    EmailMessage(
        subject=render_to_string(f"toezicht/mail/{sjabloon}_onderwerp.txt", context).strip(),
        body=render_to_string(f"toezicht/mail/{sjabloon}.txt", context),
        to=aan,
    ).send()


def _verstuurd(rij) -> None:
    rij.verstuurd_op = timezone.now()
    rij.save(update_fields=["verstuurd_op"])


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
    herinnering = _vergrendeld(Herinnering.objects.select_related("ronde", "swv"), herinnering_id)
    if herinnering is None:
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
        _mail("herinnering", context, adressen)
    _verstuurd(herinnering)
    return bool(adressen) and not al_ingediend


# -- the accountmanager's weekly digest ---------------------------------------------------------


def maandag(dag: datetime.date) -> datetime.date:
    return dag - datetime.timedelta(days=dag.weekday())


@transaction.atomic
def maak_weekoverzichten(vandaag: datetime.date) -> list[int]:
    """Records this week's digest for every active accountmanager with a portfolio, and returns
    every digest not sent yet (also those of an earlier week whose mail failed)."""
    week = maandag(vandaag)
    accountmanagers = Gebruiker.objects.filter(
        rol=Rol.ACCOUNTMANAGER, is_active=True, portefeuille__isnull=False
    ).distinct()
    Weekoverzicht.objects.bulk_create(
        [Weekoverzicht(accountmanager=am, week=week) for am in accountmanagers],
        ignore_conflicts=True,
    )
    return list(
        Weekoverzicht.objects.filter(verstuurd_op__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def openstaand(swvs, vandaag: datetime.date) -> tuple[list, list]:
    """What an accountmanager should chase in these SWVs: (SWV, round) pairs whose deadline has
    passed, within the reminder window, without a submission; and submissions the Inspectie
    returned that were not corrected yet. Three queries."""
    rondes = list(
        Rapportageronde.objects.filter(
            soort=Rapportagesoort.THUISZITTERS,
            deadline__lt=vandaag,
            deadline__gte=vandaag - datetime.timedelta(days=DAGEN_NA),
        ).order_by("periode_van")
    )
    ingediend = set(
        Thuiszitterregistratie.objects.filter(swv__in=swvs, ronde__in=rondes).values_list(
            "swv_id", "ronde_id"
        )
    )
    ontbrekend = [
        (swv, ronde) for swv in swvs for ronde in rondes if (swv.pk, ronde.pk) not in ingediend
    ]
    teruggestuurd = list(
        Thuiszitterregistratie.objects.filter(swv__in=swvs, status=Indieningsstatus.TERUGGESTUURD)
        .select_related("swv", "ronde")
        .order_by("swv__code", "ronde__periode_van")
    )
    return ontbrekend, teruggestuurd


@transaction.atomic
def stuur_weekoverzicht(weekoverzicht_id: int) -> bool:
    """Mails one digest unless it went out already; nothing to chase, no mail (the row is marked
    sent all the same). Locked while sending, as a reminder is."""
    overzicht = _vergrendeld(
        Weekoverzicht.objects.select_related("accountmanager"), weekoverzicht_id
    )
    if overzicht is None:
        return False
    am = overzicht.accountmanager
    swvs = list(Samenwerkingsverband.objects.filter(accountmanager=am).order_by("code"))
    ontbrekend, teruggestuurd = openstaand(swvs, timezone.localdate())
    verstuurd = bool(am.email and (ontbrekend or teruggestuurd))
    if verstuurd:
        context = {
            "accountmanager": am,
            "week": overzicht.week,
            "ontbrekend": ontbrekend,
            "teruggestuurd": teruggestuurd,
            "url": f"{settings.PORTAAL_URL}/dashboards/portefeuille/",
        }
        _mail("weekoverzicht", context, [am.email])
    _verstuurd(overzicht)
    return verstuurd


# -- follow-up agreements -----------------------------------------------------------------------

#: How many days before an agreement's deadline the coördinator is reminded.
AFSPRAAK_DAGEN_VOOR = 14


@transaction.atomic
def maak_afspraakherinneringen(vandaag: datetime.date) -> list[int]:
    """Records a reminder for every open agreement due within two weeks (to the coördinator) or
    expired within the reminder window (to the Inspectie), and returns every such reminder not
    sent yet."""
    open_ = Vervolgafspraak.objects.filter(status=Afspraakstatus.OPEN)
    voor = open_.filter(
        deadline__gte=vandaag,
        deadline__lte=vandaag + datetime.timedelta(days=AFSPRAAK_DAGEN_VOOR),
    )
    verlopen = open_.filter(
        deadline__lt=vandaag, deadline__gte=vandaag - datetime.timedelta(days=DAGEN_NA)
    )
    Afspraakherinnering.objects.bulk_create(
        [Afspraakherinnering(afspraak=a, moment=Afspraakmoment.VOOR) for a in voor]
        + [Afspraakherinnering(afspraak=a, moment=Afspraakmoment.VERLOPEN) for a in verlopen],
        ignore_conflicts=True,
    )
    return list(
        Afspraakherinnering.objects.filter(verstuurd_op__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _inspectie_adressen(afspraak: Vervolgafspraak) -> list[str]:
    """Who made the agreement, or when they cannot be mailed, every active inspector."""
    door = afspraak.vastgelegd_door
    if door is not None and door.is_active and door.email:
        return [door.email]
    return sorted(
        Gebruiker.objects.filter(rol=Rol.INSPECTIE, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


@transaction.atomic
def stuur_afspraakherinnering(herinnering_id: int) -> bool:
    """Mails one reminder about an agreement unless it went out already or the agreement is no
    longer open (met, closed or not met); locked while sending, as a round's reminder is."""
    herinnering = _vergrendeld(
        Afspraakherinnering.objects.select_related("afspraak__swv", "afspraak__vastgelegd_door"),
        herinnering_id,
    )
    if herinnering is None:
        return False
    afspraak = herinnering.afspraak
    swv = afspraak.swv
    verlopen = herinnering.moment == Afspraakmoment.VERLOPEN
    if verlopen:
        adressen = _inspectie_adressen(afspraak)
        pad = f"/toezicht/afspraken/{afspraak.pk}/"
    else:
        adressen = sorted({c.email for c in swv.coordinatoren.filter(is_active=True) if c.email})
        pad = f"/samenwerkingsverbanden/{swv.code}/"
    verstuurd = bool(adressen) and afspraak.status == Afspraakstatus.OPEN
    if verstuurd:
        context = {
            "afspraak": afspraak,
            "swv": swv,
            "verlopen": verlopen,
            "url": f"{settings.PORTAAL_URL}{pad}",
        }
        _mail("afspraak", context, adressen)
    _verstuurd(herinnering)
    return verstuurd
