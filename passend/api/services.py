"""Issuing and revoking API tokens: the only writers of `Apitoken`."""

from django.db import transaction
from django.utils import timezone

from passend.api.models import Apitoken, Scope, hash_van


@transaction.atomic
def geef_token(
    *, gebruiker, naam: str, scope: str = Scope.LEZEN, verloopt_op=None, door=None
) -> tuple[Apitoken, str]:
    """A new token and its secret. The secret is returned once and never stored."""
    sleutel = Apitoken.nieuwe_sleutel()
    token = Apitoken(
        gebruiker=gebruiker,
        naam=naam,
        scope=scope,
        begin=sleutel[:10],
        sleutel_hash=hash_van(sleutel),
        aangemaakt_door=door,
    )
    if verloopt_op is not None:
        token.verloopt_op = verloopt_op
    token.full_clean(exclude=["sleutel_hash", "begin"])
    token.save()
    return token, sleutel


def trek_in(token: Apitoken) -> None:
    Apitoken.objects.filter(pk=token.pk, ingetrokken_op__isnull=True).update(
        ingetrokken_op=timezone.now()
    )
