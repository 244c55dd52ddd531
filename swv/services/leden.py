"""Changes to an SWV's members and their voting weights."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.audit import namens
from passend.locking import bewaar_versie
from swv.models import Lidmaatschap, Samenwerkingsverband, Schoolbestuur


@transaction.atomic
def voeg_lid_toe(
    *,
    swv: Samenwerkingsverband,
    bestuur: Schoolbestuur,
    door,
    stemgewicht: int = 1,
    begindatum: datetime.date,
) -> Lidmaatschap:
    if stemgewicht < 1:
        raise ValidationError({"stemgewicht": "Het stemgewicht is ten minste 1."})
    try:
        with transaction.atomic(), namens(door):
            return Lidmaatschap.objects.create(
                swv=swv, bestuur=bestuur, stemgewicht=stemgewicht, begindatum=begindatum
            )
    except IntegrityError:
        raise ValidationError({"bestuur": f"{bestuur} is al lid van {swv.weergavecode}."}) from None


def wijzig_lidmaatschap(
    lidmaatschap: Lidmaatschap,
    *,
    door,
    stemgewicht: int,
    einddatum: datetime.date | None = None,
    verwachte_versie: int | None = None,
) -> Lidmaatschap:
    if stemgewicht < 1:
        raise ValidationError({"stemgewicht": "Het stemgewicht is ten minste 1."})
    if einddatum and einddatum <= lidmaatschap.begindatum:
        raise ValidationError(
            {"einddatum": "Het einde van het lidmaatschap moet na het begin liggen."}
        )
    with namens(door):
        return bewaar_versie(
            lidmaatschap, verwachte_versie, stemgewicht=stemgewicht, einddatum=einddatum
        )
