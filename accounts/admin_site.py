from django.contrib import admin

from accounts.models import Rol


class PassendAdminSite(admin.AdminSite):
    site_header = "Passend portaal — beheer"
    site_title = "Passend portaal"
    index_title = "Beheer"

    def has_permission(self, request):
        return request.user.is_active and request.user.heeft_rol(Rol.BEHEERDER)
