"""Every domain model of this app keeps its history in the audit log.

Models that belong to one SWV say so in `get_additional_data()`, so that the SWV's history page
finds their changes with one query.
"""

from auditlog.registry import auditlog

from swv import models

auditlog.register(models.Gemeente, exclude_fields=["grens"])
auditlog.register(models.Samenwerkingsverband, m2m_fields={"coordinatoren"})
auditlog.register(models.Postcodegebied)
auditlog.register(models.Regiotoewijzing)
auditlog.register(models.Schoolbestuur)
auditlog.register(models.School)
auditlog.register(models.Lidmaatschap, exclude_fields=["versie"])
auditlog.register(models.Leerlingtelling)
auditlog.register(models.Document)
auditlog.register(models.Groepering)
auditlog.register(models.Groeperingslid)
