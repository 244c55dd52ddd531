from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

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
