from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts en rollen"

    def ready(self):
        from accounts import history, signals  # noqa: F401  connect the audit logs

        self._axes_in_het_nederlands()

    @staticmethod
    def _axes_in_het_nederlands():
        """django-axes names its records in English, with the raw UTC time ("Access Log for
        anna @ 2026-12-07 04:35:06+00:00"), and the admin shows that name in its lists, labels
        and page titles. The names are not translatable in django-axes, so they are given here."""
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        from passend.formatting import tijdstip

        AccessLog.__str__ = lambda log: (
            f"Aanmelding van {log.username} op {tijdstip(log.attempt_time)}"
        )
        AccessAttempt.__str__ = lambda poging: (
            f"Mislukte aanmeldingen van {poging.username} sinds {tijdstip(poging.attempt_time)}"
        )
        AccessFailureLog.__str__ = lambda fout: (
            f"Mislukte aanmelding van {fout.username} op {tijdstip(fout.attempt_time)}"
            + (" (geblokkeerd)" if fout.locked_out else "")
        )
