"""Changes to the thuiszitter counts of an SWV. Counts only: no name, no pupil number."""

import datetime
from itertools import product

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from passend.locking import bewaar_versie
from swv.models import Samenwerkingsverband
from toezicht.models import Duur, Thuiszitterregistratie, Thuiszittertelling, Verzuimsoort

#: Every cell of a registration: every kind, by duration, with and without an offer.
CELLEN = tuple(product(Verzuimsoort.values, Duur.values, (True, False)))


@transaction.atomic
def registreer_thuiszitters(
    *,
    swv: Samenwerkingsverband,
    periode_van: datetime.date,
    periode_tot: datetime.date,
    aantallen: dict[tuple[str, str, bool], int],
    door,
    opmerking: str = "",
    registratie: Thuiszitterregistratie | None = None,
    verwachte_versie: int | None = None,
) -> Thuiszitterregistratie:
    """Records the counts of one period; a cell left out counts as 0."""
    if periode_tot < periode_van:
        raise ValidationError({"periode_tot": "Het einde van de periode moet na het begin liggen."})
    if periode_van > timezone.localdate():
        raise ValidationError({"periode_van": "Een periode die nog moet beginnen kan niet."})
    onbekend = set(aantallen) - set(CELLEN)
    if onbekend:
        raise ValidationError({"aantallen": "Onbekende soort, duur of aanbod."})
    if any(not isinstance(a, int) or a < 0 for a in aantallen.values()):
        raise ValidationError({"aantallen": "Aantallen zijn hele getallen van 0 of meer."})
    velden = {"periode_van": periode_van, "periode_tot": periode_tot, "opmerking": opmerking}
    with set_actor(door):
        if registratie is None:
            try:
                with transaction.atomic():
                    registratie = Thuiszitterregistratie.objects.create(swv=swv, **velden)
            except IntegrityError:
                raise ValidationError(
                    {
                        "periode_van": "Voor deze periode zijn de aantallen al vastgelegd; wijzig die."
                    }
                ) from None
        else:
            registratie = bewaar_versie(registratie, verwachte_versie, **velden)
        bestaand = {(t.soort, t.duur, t.met_aanbod): t for t in registratie.tellingen.all()}
        for cel in CELLEN:
            aantal = aantallen.get(cel, 0)
            telling = bestaand.get(cel)
            if telling is None:
                Thuiszittertelling.objects.create(
                    registratie=registratie,
                    soort=cel[0],
                    duur=cel[1],
                    met_aanbod=cel[2],
                    aantal=aantal,
                )
            elif telling.aantal != aantal:
                telling.aantal = aantal
                telling.save(update_fields=["aantal"])
    return registratie


@transaction.atomic
def leg_bevinding_vast(model, *, door, **velden):
    """Records a finding of the Inspectie (signaal, oordeel, onderzoek, afspraak, indicator),
    checked in full (free text without pupil numbers, the constraints of the model)."""
    bevinding = model(vastgelegd_door=door, **velden)
    bevinding.full_clean()
    with set_actor(door):
        bevinding.save()
    return bevinding


@transaction.atomic
def wijzig_bevinding(bevinding, *, door, verwachte_versie: int | None = None, **velden):
    """Changes a finding, refused when someone else changed it since `verwachte_versie`."""
    kandidaat = type(bevinding).objects.get(pk=bevinding.pk)
    for veld, waarde in velden.items():
        setattr(kandidaat, veld, waarde)
    kandidaat.full_clean()
    with set_actor(door):
        return bewaar_versie(bevinding, verwachte_versie, **velden)
