from django.apps import AppConfig


class ToezichtConfig(AppConfig):
    name = "toezicht"
    verbose_name = "Toezicht"

    def ready(self):
        from toezicht import (
            history,  # noqa: F401  registers the models with the audit log
            signals,  # noqa: F401  agreements that close themselves
        )
