"""The reporting rounds are data the beheerder keeps: add a round the Inspectie asks for, or
move a deadline. The audit log records every change (toezicht/history.py)."""

from django.contrib import admin

from toezicht.models import Rapportageronde


@admin.register(Rapportageronde)
class RapportagerondeAdmin(admin.ModelAdmin):
    list_display = ("soort", "periode_van", "periode_tot", "deadline")
    list_filter = ("soort",)
    date_hierarchy = "periode_van"
    ordering = ("-periode_van",)
