"""Records the account events in the audit log (`accounts.audit`) as they happen: logins,
failed logins (the tried name, never the password), lock-outs, logouts and role changes."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from accounts.audit import actor, registreer
from accounts.models import Auditsoort, Gebruiker


@receiver(user_logged_in, dispatch_uid="audit-inloggen")
def ingelogd(sender, request, user, **kwargs):
    registreer(Auditsoort.INLOGGEN, gebruiker=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit-inloggen-mislukt")
def inloggen_mislukt(sender, credentials, request=None, **kwargs):
    naam = str(credentials.get("username") or "")
    registreer(Auditsoort.INLOGGEN_MISLUKT, gebruikersnaam=naam, request=request)


@receiver(user_locked_out, dispatch_uid="audit-geblokkeerd")
def geblokkeerd(sender, request, username, ip_address, **kwargs):
    registreer(Auditsoort.GEBLOKKEERD, gebruikersnaam=username or "", request=request)


@receiver(user_logged_out, dispatch_uid="audit-uitloggen")
def uitgelogd(sender, request, user, **kwargs):
    if user is not None:
        registreer(Auditsoort.UITLOGGEN, gebruiker=user, request=request)


@receiver(pre_save, sender=Gebruiker, dispatch_uid="audit-rol-voor")
def onthoud_rol(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._vorige_rol = None
    if raw or (update_fields is not None and "rol" not in update_fields):
        return
    if instance.pk:
        instance._vorige_rol = (
            Gebruiker.objects.filter(pk=instance.pk).values_list("rol", flat=True).first()
        )


@receiver(post_save, sender=Gebruiker, dispatch_uid="audit-rol-na")
def rol_gewijzigd(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    vorige = "" if created else getattr(instance, "_vorige_rol", None)
    if vorige is None or vorige == instance.rol:
        return
    if created and not instance.rol:
        return
    door = actor()
    registreer(
        Auditsoort.ROL_GEWIJZIGD,
        gebruiker=instance,
        van=str(vorige),
        naar=str(instance.rol),
        door=door.get_username() if door else None,
    )
