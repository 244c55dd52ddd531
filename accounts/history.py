from auditlog.registry import auditlog

from accounts.models import Gebruiker

auditlog.register(Gebruiker, exclude_fields=["password", "last_login"])
