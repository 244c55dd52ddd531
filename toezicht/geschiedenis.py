from auditlog.registry import auditlog

from toezicht import models

auditlog.register(models.Thuiszitterregistratie, exclude_fields=["versie"])
auditlog.register(models.Thuiszittertelling)
