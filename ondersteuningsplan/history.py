from auditlog.registry import auditlog

from ondersteuningsplan import models

auditlog.register(models.Ondersteuningsplan, exclude_fields=["versie"])
auditlog.register(models.Feit, exclude_fields=["versie"], m2m_fields={"afgestemd_met"})
auditlog.register(models.OPRLid, exclude_fields=["versie"])
auditlog.register(models.OPRBesluit, exclude_fields=["versie"])
auditlog.register(models.OOGO, exclude_fields=["versie"])
auditlog.register(models.Werkagenda, exclude_fields=["versie"])
auditlog.register(models.Geschil, exclude_fields=["versie"])
auditlog.register(models.Mijlpaal)
auditlog.register(models.MijlpaalUitzondering)
auditlog.register(models.Toelichting, exclude_fields=["versie", "gewijzigd_op"])
