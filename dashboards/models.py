"""What an SWV has made public (ADR 0084)."""

from django.conf import settings
from django.db import models

from passend.fields import DatumField
from swv.models import Samenwerkingsverband


class Publicatie(models.Model):
    """An SWV's figures as they were on `peildatum`, made public on `gepubliceerd_op` by its
    coördinator (`door`) or, when it had not published for too long, by the portal
    (`automatisch`). The public page shows the newest; its content is kept as it was published,
    so a later correction is public only after the next publication."""

    swv = models.ForeignKey(
        Samenwerkingsverband,
        verbose_name="samenwerkingsverband",
        on_delete=models.CASCADE,
        related_name="publicaties",
    )
    peildatum = DatumField("cijfers van", verleden=True)
    inhoud = models.JSONField("gepubliceerde cijfers")
    gepubliceerd_op = models.DateTimeField("gepubliceerd op")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gepubliceerd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    automatisch = models.BooleanField("automatisch gepubliceerd", default=False)

    class Meta:
        verbose_name = "publicatie"
        verbose_name_plural = "publicaties"
        ordering = ["swv", "-gepubliceerd_op"]
        indexes = [models.Index(fields=["swv", "-gepubliceerd_op"])]

    def __str__(self):
        return f"Publicatie van {self.swv.code} op {self.gepubliceerd_op:%d-%m-%Y}"
