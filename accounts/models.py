from django.contrib.auth.models import AbstractUser
from django.db import models


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", "Beheerder"
    COORDINATOR = "coordinator", "SWV-coördinator"
    ACCOUNTMANAGER = "accountmanager", "OCW-accountmanager"
    INSPECTIE = "inspectie", "Inspectie"


class Gebruiker(AbstractUser):
    """An account of the portal. Without a role an account can log in but reaches nothing.

    Which samenwerkingsverbanden a coördinator keeps, and which form an accountmanager's
    portfolio, is recorded on the samenwerkingsverband (`coordinatoren`, `accountmanager`).
    """

    rol = models.CharField("rol", max_length=20, choices=Rol, blank=True)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def heeft_rol(self, *rollen: str) -> bool:
        return self.is_active and self.rol in rollen


class Auditsoort(models.TextChoices):
    INLOGGEN = "inloggen", "Ingelogd"
    INLOGGEN_MISLUKT = "inloggen_mislukt", "Inloggen mislukt"
    GEBLOKKEERD = "geblokkeerd", "Inloggen geblokkeerd"
    UITLOGGEN = "uitloggen", "Uitgelogd"
    TWEESTAPS_INGESTELD = "tweestaps_ingesteld", "Tweestapsverificatie ingesteld"
    TWEESTAPS_MISLUKT = "tweestaps_mislukt", "Verkeerde verificatiecode"
    ROL_GEWIJZIGD = "rol_gewijzigd", "Rol gewijzigd"
    EXPORT = "export", "Export gedownload"
    RAPPORT_DOWNLOAD = "rapport_download", "Rapport gedownload"


class Auditgebeurtenis(models.Model):
    """A security event: who logged in, failed to, changed a role or took data out of the portal.

    Written only through `accounts.audit.registreer`; never changed afterwards. Changes to the
    domain's data are in django-auditlog's history, not here.
    """

    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    soort = models.CharField("soort", max_length=30, choices=Auditsoort)
    gebruiker = models.ForeignKey(
        Gebruiker,
        verbose_name="gebruiker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gebruikersnaam = models.CharField(
        "gebruikersnaam",
        max_length=150,
        blank=True,
        help_text="Ook bewaard als het account niet bestaat of later verdwijnt.",
    )
    ip_adres = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    gegevens = models.JSONField("gegevens", default=dict, blank=True)

    class Meta:
        verbose_name = "auditgebeurtenis"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["soort", "-tijdstip"])]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.get_soort_display()} {self.gebruikersnaam}"
