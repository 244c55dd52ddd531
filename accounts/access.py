"""Deny by default, for pages and API alike.

A page is reachable only if its view says which roles may open it (`@rollen(...)` on a function,
`rollen = (...)` on a class) or that it is public (`@publiek`). A view that says nothing is
closed. Which rows a role sees is decided by the querysets' `for_user(user)`, not here.
"""

import logging

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts.models import Rol

logger = logging.getLogger(__name__)

PUBLIEK = "publiek"
ALLE_ROLLEN = tuple(Rol.values)


def rollen(*toegestaan):
    """Declare which roles may open a function view."""

    def decorate(view):
        view.rollen = tuple(toegestaan)
        return view

    return decorate


def publiek(view):
    view.rollen = PUBLIEK
    return view


def toegestane_rollen(view_func):
    """The roles a resolved view declares, or None when it declares nothing."""
    declared = getattr(view_func, "rollen", None)
    if declared is None and hasattr(view_func, "view_class"):
        declared = getattr(view_func.view_class, "rollen", None)
    return declared


def is_api_view(view_func) -> bool:
    """DRF views are guarded by `accounts.access.RolPermission` instead."""
    from rest_framework.views import APIView

    cls = getattr(view_func, "cls", None)
    return isinstance(cls, type) and issubclass(cls, APIView)


class ToegangMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and "admin" in match.namespaces:
            return None  # the admin site checks the beheerder role itself
        if is_api_view(view_func):
            return None  # accounts.access.RolPermission
        allowed = toegestane_rollen(view_func)
        if allowed is None:
            logger.error("View %s declares no roles; closed by default", match and match.view_name)
            raise PermissionDenied("Deze pagina heeft geen toegangsregel.")
        if allowed == PUBLIEK:
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.heeft_rol(*allowed):
            raise PermissionDenied("Uw rol geeft geen toegang tot deze pagina.")
        return None


class RolPermission(BasePermission):
    """API views declare `rollen` (may read) and `schrijfrollen` (may write); nothing declared
    means nobody."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            allowed = getattr(view, "rollen", ())
        else:
            allowed = getattr(view, "schrijfrollen", ())
        return user.heeft_rol(*allowed)
