from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Gebruiker


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "rol", "is_active"]
    list_filter = ["rol", "is_active"]
    fieldsets = [
        *UserAdmin.fieldsets[:2],
        ("Rol", {"fields": ["rol", "is_active"]}),
        ("Data", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "rol", "password1", "password2"]}),
    ]


# The beheerder resets a user's second step from the user list (below) instead of editing
# TOTP devices, a page django-otp offers only in English.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.action(description="Tweestapsverificatie opnieuw laten instellen")
def tweestaps_opnieuw(modeladmin, request, queryset):
    aantal = TOTPDevice.objects.filter(user__in=queryset).delete()[0]
    modeladmin.message_user(
        request,
        f"{aantal} {'app' if aantal == 1 else 'apps'} voor de tweede stap verwijderd; bij de "
        "volgende keer inloggen stelt de gebruiker een nieuwe in.",
    )


GebruikerAdmin.actions = [tweestaps_opnieuw]

# Roles are the `rol` field (accounts.access); groups and their permission lists are not used.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
