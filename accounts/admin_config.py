from django.contrib.admin.apps import AdminConfig


class PassendAdminConfig(AdminConfig):
    """The Django admin, open to the beheerder role only (see PassendAdminSite)."""

    default_site = "accounts.admin_site.PassendAdminSite"
