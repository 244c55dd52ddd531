from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts en rollen"

    def ready(self):
        from accounts import geschiedenis  # noqa: F401  registers the models with the audit log
