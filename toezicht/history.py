from auditlog.registry import auditlog

from toezicht import models

auditlog.register(models.Thuiszitterregistratie, exclude_fields=["versie"])
auditlog.register(models.Thuiszittertelling)
auditlog.register(models.Schorsingtelling)
for bevinding in (
    models.Signaal,
    models.Registratieoordeel,
    models.Kwaliteitsonderzoek,
    models.Vervolgafspraak,
    models.Risicoindicator,
):
    auditlog.register(bevinding, exclude_fields=["versie", "gewijzigd_op"])
auditlog.register(models.Rapportageronde)
auditlog.register(models.Risicoregel)
auditlog.register(models.Cijfertoelichting, exclude_fields=["versie", "gewijzigd_op"])
