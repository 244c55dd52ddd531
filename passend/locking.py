"""Optimistic locking: a record carries a version; a save names the version it was read at,
and is refused when someone else saved in between. Used by every service that edits a record
people may edit at the same time."""

from django.db import models, transaction

from passend.constraints import VeldgerichteControles


class Wijzigingsconflict(Exception):
    """Someone else saved the record after it was read. `actueel` is the record as it is now."""

    def __init__(self, actueel):
        super().__init__(
            "Iemand anders heeft dit gegeven intussen gewijzigd. Uw invoer is niet opgeslagen; "
            "bekijk de nieuwe stand en voer uw wijziging opnieuw in."
        )
        self.actueel = actueel


class Versiebeheer(VeldgerichteControles):
    versie = models.PositiveIntegerField("versie", default=1, editable=False)

    class Meta:
        abstract = True


def bewaar_versie(instance, verwachte_versie: int | None, **velden):
    """Writes `velden` onto the row of `instance` if it is still at `verwachte_versie`.

    The row is locked for the check, so two concurrent saves cannot both pass it. Returns the
    saved record; raises Wijzigingsconflict when the version moved on."""
    model = type(instance)
    with transaction.atomic():
        actueel = model.objects.select_for_update().get(pk=instance.pk)
        if verwachte_versie is not None and actueel.versie != verwachte_versie:
            raise Wijzigingsconflict(actueel)
        for veld, waarde in velden.items():
            setattr(actueel, veld, waarde)
        actueel.versie += 1
        actueel.save()
        return actueel
