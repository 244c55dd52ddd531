from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts en rollen"

    def ready(self):
        from accounts import history, signals  # noqa: F401  connect the audit logs
