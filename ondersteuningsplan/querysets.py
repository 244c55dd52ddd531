import datetime

from django.db.models import Q

from swv.querysets import SwvGebondenQuerySet


class ViaOndersteuningsplanQuerySet(SwvGebondenQuerySet):
    """Records that belong to an SWV through its ondersteuningsplan."""

    swv_pad = "ondersteuningsplan__swv"


class OndersteuningsplanQuerySet(SwvGebondenQuerySet):
    def bestaand_op(self, peildatum: datetime.date):
        """The plans that existed on the peildatum: their period had begun, or a step of them
        (a fact or its submission to the OPR) was dated on or before it."""
        return self.filter(
            Q(periode_van__lte=peildatum)
            | Q(feiten__datum__lte=peildatum)
            | Q(opr_besluiten__datum_voorgelegd__lte=peildatum)
        ).distinct()
