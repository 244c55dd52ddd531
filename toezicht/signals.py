"""What the other apps record can meet a follow-up agreement: a fact or an OPR decision (a
milestone), a thuiszitter submission (a round). The lower apps do not know the agreements
(docs/architecture.md), so the agreements listen (toezicht.afspraken)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ondersteuningsplan.models import Feit, OPRBesluit
from toezicht import afspraken
from toezicht.models import Thuiszitterregistratie


@receiver(post_save, sender=Feit, dispatch_uid="afspraken-na-feit")
@receiver(post_save, sender=Thuiszitterregistratie, dispatch_uid="afspraken-na-registratie")
def na_feit(sender, instance, raw=False, **kwargs):
    if not raw:
        afspraken.sluit_nagekomen(instance.swv_id)


@receiver(post_save, sender=OPRBesluit, dispatch_uid="afspraken-na-opr-besluit")
def na_opr_besluit(sender, instance, raw=False, **kwargs):
    if not raw:
        afspraken.sluit_nagekomen(instance.ondersteuningsplan.swv_id)
