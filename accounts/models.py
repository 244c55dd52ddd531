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
