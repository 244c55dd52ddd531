from django.apps import AppConfig


class SwvConfig(AppConfig):
    name = "swv"
    verbose_name = "Samenwerkingsverbanden"

    def ready(self):
        from swv import history  # noqa: F401  registers the models with the audit log
