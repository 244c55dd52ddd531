"""Deny by default for the API: the DRF side of `accounts.toegang`."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


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
