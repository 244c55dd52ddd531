from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from accounts.models import Rol


class PassendAdminSite(admin.AdminSite):
    site_header = "Passend portaal — beheer"
    site_title = "Passend portaal"
    index_title = "Beheer"

    def has_permission(self, request):
        return request.user.is_active and request.user.heeft_rol(Rol.BEHEERDER)

    def login(self, request, extra_context=None):
        """One way in: the portal's own login page, with its lock-out and second step."""
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
