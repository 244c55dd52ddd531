"""API tokens: issued by the beheerder to a system account, stored as a hash, with an expiry
date and revocable. The account's role decides what the token reads (the same row-level rule as
the pages); the token's scope decides whether it may also write."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from passend.fields import VrijeRegelField

PREFIX = "pp_"


def hash_van(sleutel: str) -> str:
    """A token has 256 bits of randomness, so a plain SHA-256 is as safe as a slow hash and can
    be looked up by index."""
    return hashlib.sha256(sleutel.encode()).hexdigest()


def standaard_verloopdatum():
    return timezone.now() + datetime.timedelta(days=settings.API_TOKEN_GELDIG_DAGEN)


class Scope(models.TextChoices):
    LEZEN = "lezen", "Lezen"
    SCHRIJVEN = "schrijven", "Lezen en schrijven"


class ApitokenQuerySet(models.QuerySet):
    def geldig(self):
        return self.filter(ingetrokken_op__isnull=True, verloopt_op__gt=timezone.now())


class Apitoken(models.Model):
    naam = VrijeRegelField("naam", max_length=100, help_text="Welk systeem gebruikt dit token.")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="account",
        on_delete=models.CASCADE,
        related_name="apitokens",
        help_text="Het (systeem)account namens wie het token leest en schrijft; zijn rol bepaalt wat.",
    )
    scope = models.CharField("scope", max_length=10, choices=Scope, default=Scope.LEZEN)
    begin = models.CharField("begin", max_length=12, editable=False)
    sleutel_hash = models.CharField("SHA-256", max_length=64, unique=True, editable=False)
    verloopt_op = models.DateTimeField("verloopt op", default=standaard_verloopdatum)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True, editable=False)
    laatst_gebruikt_op = models.DateTimeField(
        "laatst gebruikt op", null=True, blank=True, editable=False
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangemaakt door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ApitokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.naam} ({self.begin}…)"

    @property
    def is_geldig(self) -> bool:
        return self.ingetrokken_op is None and self.verloopt_op > timezone.now()

    @classmethod
    def nieuwe_sleutel(cls) -> str:
        return PREFIX + secrets.token_urlsafe(32)
