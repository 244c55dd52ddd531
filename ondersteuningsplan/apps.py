from django.apps import AppConfig


class OndersteuningsplanConfig(AppConfig):
    name = "ondersteuningsplan"
    verbose_name = "Ondersteuningsplan en mijlpalen"

    def ready(self):
        from ondersteuningsplan import history  # noqa: F401  registers the models with the audit log
