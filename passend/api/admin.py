"""The beheerder issues and revokes API tokens here. The secret is shown once, right after it is
made; the portal keeps only its hash."""

from django.contrib import admin, messages
from django.utils import timezone

from passend.api import services
from passend.api.models import Apitoken


@admin.register(Apitoken)
class ApitokenAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "gebruiker",
        "scope",
        "begin",
        "verloopt_op",
        "ingetrokken_op",
        "laatst_gebruikt_op",
    ]
    list_filter = ["scope"]
    search_fields = ["naam", "gebruiker__username", "begin"]
    readonly_fields = [
        "begin",
        "aangemaakt_op",
        "aangemaakt_door",
        "ingetrokken_op",
        "laatst_gebruikt_op",
    ]
    fields = ["naam", "gebruiker", "scope", "verloopt_op", *readonly_fields]
    actions = ["intrekken"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the record of who had access stays

    def save_model(self, request, obj, form, change):
        token, sleutel = services.geef_token(
            gebruiker=obj.gebruiker,
            naam=obj.naam,
            scope=obj.scope,
            verloopt_op=obj.verloopt_op,
            door=request.user,
        )
        obj.pk = token.pk
        obj.begin = token.begin
        messages.warning(
            request,
            f"Het token voor {token.naam} is: {sleutel} — kopieer het nu; het wordt niet "
            "nog eens getoond en is alleen als hash bewaard.",
        )

    @admin.action(description="Geselecteerde tokens intrekken")
    def intrekken(self, request, queryset):
        aantal = queryset.filter(ingetrokken_op__isnull=True).update(ingetrokken_op=timezone.now())
        self.message_user(request, f"{aantal} token(s) ingetrokken.")
