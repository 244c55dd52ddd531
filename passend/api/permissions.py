"""The token's scope: a token with scope `lezen` never writes, whatever its account's role.
Which role may read or write what stays with `accounts.access.RolPermission`."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from passend.api.models import Apitoken, Scope


class ScopePermission(BasePermission):
    message = "Dit token mag alleen lezen."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        if request.method == "POST" and getattr(view, "post_leest", False):
            return True  # asking for something to read (an export) changes no data
        token = request.auth
        if isinstance(token, Apitoken):
            return token.scope == Scope.SCHRIJVEN
        return True
