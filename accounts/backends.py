from accounts.models import Rol


class RolBackend:
    """Gives the beheerder every model permission, so the Django admin works for that role and
    for no other; authentication itself stays with Django's ModelBackend."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        return user_obj.is_active and getattr(user_obj, "rol", None) == Rol.BEHEERDER

    def has_module_perms(self, user_obj, app_label):
        return self.has_perm(user_obj, app_label)
