"""Region changes over time, as the beheerder records them: a gemeente (or some of its PC4 areas)
moves to another SWV as of a date, or an SWV is merged into another. The assignment valid on that
date ends then and a new one starts, so every peildatum before the date still sees the old region
(ADR 0004) and every figure that follows the region follows the change."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from swv.models import (
    REGIO_INGANGSDATUM,
    Gemeente,
    Lidmaatschap,
    Postcodegebied,
    Regiotoewijzing,
    Samenwerkingsverband,
)


@dataclass(frozen=True)
class Regiowijziging:
    verplaatst: int  # PC4 areas that moved
    leden: int = 0  # memberships moved along (a merger)


def _controleer_datum(per: datetime.date):
    if per <= REGIO_INGANGSDATUM:
        raise ValidationError(
            {"per": f"Een wijziging van de regio gaat in na {REGIO_INGANGSDATUM:%d-%m-%Y}."}
        )


@transaction.atomic
def verplaats_gebieden(gebieden, naar: Samenwerkingsverband, per: datetime.date) -> Regiowijziging:
    """Moves the PC4 areas (a queryset of `Postcodegebied`) of `naar`'s sector to `naar` as of
    `per`. Refused when an area already has a change after `per` (record changes in order)."""
    _controleer_datum(per)
    geldig = list(
        Regiotoewijzing.objects.select_for_update()
        .geldig_op(per)
        .filter(sector=naar.sector, postcodegebied__in=gebieden)
        .exclude(swv=naar)
        .order_by("postcodegebied__pc4")
    )
    if not geldig:
        raise ValidationError(
            f"Deze gebieden horen op {per:%d-%m-%Y} al bij {naar} of bij geen "
            f"samenwerkingsverband van de sector {naar.sector}; er is niets te verplaatsen."
        )
    later = Regiotoewijzing.objects.filter(
        sector=naar.sector,
        postcodegebied__in=[t.postcodegebied_id for t in geldig],
        geldig_van__gt=per,
    )
    if later.exists():
        raise ValidationError(
            f"Voor deze gebieden is na {per:%d-%m-%Y} al een wijziging vastgelegd; leg "
            "wijzigingen vast in de volgorde waarin ze ingaan."
        )
    for toewijzing in geldig:
        if toewijzing.geldig_van == per:  # a correction of a change on the same day
            toewijzing.swv = naar
            toewijzing.save(update_fields=["swv"])
            continue
        Regiotoewijzing.objects.create(
            postcodegebied_id=toewijzing.postcodegebied_id,
            swv=naar,
            sector=naar.sector,
            geldig_van=per,
            geldig_tot=toewijzing.geldig_tot,
        )
        toewijzing.geldig_tot = per
        toewijzing.save(update_fields=["geldig_tot"])
    return Regiowijziging(verplaatst=len(geldig))


def verplaats_gemeente(
    gemeente: Gemeente, naar: Samenwerkingsverband, per: datetime.date
) -> Regiowijziging:
    """The whole gemeente (every PC4 area of it) moves to `naar` as of `per`."""
    return verplaats_gebieden(Postcodegebied.objects.filter(gemeente=gemeente), naar, per)


@transaction.atomic
def voeg_samen(
    opgeheven: Samenwerkingsverband, opvolger: Samenwerkingsverband, per: datetime.date
) -> Regiowijziging:
    """`opgeheven` is merged into `opvolger` as of `per`: its whole region moves, and its member
    boards become members of the successor (unless they are already), with their voting weight."""
    if opgeheven == opvolger or opgeheven.sector != opvolger.sector:
        raise ValidationError(
            {"opvolger": "Kies een ander samenwerkingsverband van dezelfde sector."}
        )
    gebieden = Postcodegebied.objects.filter(
        pk__in=Regiotoewijzing.objects.geldig_op(per).filter(swv=opgeheven).values("postcodegebied")
    )
    wijziging = verplaats_gebieden(gebieden, opvolger, per)
    lopend = Lidmaatschap.objects.filter(swv=opgeheven, begindatum__lte=per).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gt=per)
    )
    al_lid = set(
        Lidmaatschap.objects.filter(swv=opvolger, begindatum__lte=per)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=per))
        .values_list("bestuur_id", flat=True)
    )
    verplaatst = 0
    for lid in lopend.select_for_update():
        if lid.bestuur_id not in al_lid:
            Lidmaatschap.objects.create(
                swv=opvolger, bestuur_id=lid.bestuur_id, stemgewicht=lid.stemgewicht, begindatum=per
            )
            verplaatst += 1
        lid.einddatum = per
        lid.save(update_fields=["einddatum"])
    return Regiowijziging(verplaatst=wijziging.verplaatst, leden=verplaatst)
