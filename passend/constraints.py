"""A check constraint that fails names the field at fault, in Dutch, not the constraint.

Django reports a failed `CheckConstraint` as "Constraint “signaal_afgehandeld_na_ontvangst” is
violated." among the non-field errors: the API then answered with a database name in
`invalidParams`, and the pages above the form. The field at fault is the first field the
condition tests (`afgehandeld_op` in `Q(afgehandeld_op__isnull=True) |
Q(afgehandeld_op__gte=F("ontvangen_op"))`); the message names it and the fields it is compared
with, by their labels."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.text import capfirst


def _velden(conditie) -> list[str]:
    """The fields a condition refers to, in order: lookups first, then F() on the right."""
    links, rechts = [], []

    def loop(knoop):
        if isinstance(knoop, Q):
            for kind in knoop.children:
                loop(kind)
        elif isinstance(knoop, tuple):
            sleutel, waarde = knoop
            links.append(sleutel.split("__")[0])
            if isinstance(waarde, F):
                rechts.append(waarde.name.split("__")[0])

    loop(conditie)
    return list(dict.fromkeys(links + rechts))


class VeldgerichteControles(models.Model):
    class Meta:
        abstract = True

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as fouten:
            per_veld = fouten.update_error_dict({})
            algemeen = per_veld.pop(NON_FIELD_ERRORS, [])
            overig = []
            for fout in algemeen:
                veld, melding = self._veld_en_melding(fout)
                if veld:
                    per_veld.setdefault(veld, []).append(ValidationError(melding, code="past_niet"))
                else:
                    overig.append(fout)
            if overig:
                per_veld[NON_FIELD_ERRORS] = overig
            raise ValidationError(per_veld) from None

    def _veld_en_melding(self, fout: ValidationError):
        tekst = " ".join(fout.messages)
        for constraint in self._meta.constraints:
            if not isinstance(constraint, models.CheckConstraint) or constraint.name not in tekst:
                continue
            velden = [v for v in _velden(constraint.condition) if self._is_veld(v)]
            if not velden:
                return None, None
            label = self._label(velden[0])
            anderen = [self._label(v) for v in velden[1:]]
            if anderen:
                return velden[0], f"{capfirst(label)} past niet bij {' en '.join(anderen)}."
            return velden[0], f"Deze waarde van {label} is hier niet mogelijk."
        return None, None

    def _is_veld(self, naam: str) -> bool:
        try:
            self._meta.get_field(naam)
        except Exception:
            return False
        return True

    def _label(self, naam: str) -> str:
        return str(self._meta.get_field(naam).verbose_name)
