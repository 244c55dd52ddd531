"""Supervision by the Inspectie. This module holds the thuiszitter counts an SWV registers:
counts only, never a name or a pupil number."""

from django.db import models
from django.db.models import Q

from passend.versie import Versiebeheer
from swv.models import Samenwerkingsverband
from swv.querysets import SwvGebondenQuerySet
from toezicht.querysets import ViaRegistratieQuerySet


class Verzuimsoort(models.TextChoices):
    ABSOLUUT = "absoluut", "Absoluut verzuim (niet ingeschreven)"
    RELATIEF = "relatief", "Langdurig relatief verzuim (meer dan vier weken)"
    VRIJSTELLING = "vrijstelling", "Vrijstelling (art. 5 onder a Leerplichtwet)"


class Duur(models.TextChoices):
    KORT = "kort", "Korter dan 3 maanden"
    LANG = "lang", "3 maanden of langer"


class Thuiszitterregistratie(Versiebeheer):
    """An SWV's thuiszitter counts for one period (the Inspectie asks every two months)."""

    swv = models.ForeignKey(
        Samenwerkingsverband,
        verbose_name="samenwerkingsverband",
        on_delete=models.CASCADE,
        related_name="thuiszitterregistraties",
    )
    periode_van = models.DateField("periode van")
    periode_tot = models.DateField("periode tot en met")
    opmerking = models.TextField("opmerking", blank=True)

    objects = SwvGebondenQuerySet.as_manager()

    class Meta:
        verbose_name = "thuiszitterregistratie"
        verbose_name_plural = "thuiszitterregistraties"
        ordering = ["swv", "-periode_van"]
        constraints = [
            models.UniqueConstraint(
                fields=["swv", "periode_van"], name="een_registratie_per_periode"
            ),
            models.CheckConstraint(
                condition=Q(periode_tot__gte=models.F("periode_van")),
                name="thuiszitterperiode_loopt_vooruit",
            ),
        ]

    def __str__(self):
        return f"Thuiszitters {self.swv.code} {self.periode_van:%d-%m-%Y} t/m {self.periode_tot:%d-%m-%Y}"

    def get_additional_data(self):
        return {"swv_id": self.swv_id}


class Thuiszittertelling(models.Model):
    """How many thuiszitters of one kind, duration and offer an SWV counted in a period."""

    registratie = models.ForeignKey(
        Thuiszitterregistratie, on_delete=models.CASCADE, related_name="tellingen"
    )
    soort = models.CharField("soort", max_length=12, choices=Verzuimsoort)
    duur = models.CharField("duur", max_length=4, choices=Duur)
    met_aanbod = models.BooleanField("met een aanbod")
    aantal = models.PositiveIntegerField("aantal")

    objects = ViaRegistratieQuerySet.as_manager()

    class Meta:
        verbose_name = "thuiszittertelling"
        verbose_name_plural = "thuiszittertellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["registratie", "soort", "duur", "met_aanbod"], name="een_telling_per_cel"
            )
        ]

    def __str__(self):
        aanbod = "met" if self.met_aanbod else "zonder"
        return f"{self.get_soort_display()}, {self.get_duur_display().lower()}, {aanbod} aanbod: {self.aantal}"

    def get_additional_data(self):
        return {"swv_id": self.registratie.swv_id}
