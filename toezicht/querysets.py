from accounts.models import Rol
from swv.querysets import Actie, SwvGebondenQuerySet


class ViaRegistratieQuerySet(SwvGebondenQuerySet):
    swv_pad = "registratie__swv"


class BevindingQuerySet(SwvGebondenQuerySet):
    """The Inspectie's findings: read by whoever may read the SWV (a coördinator sees what
    concerns their own SWV); written by the Inspectie only, for every SWV."""

    def for_user(self, user, actie: Actie = Actie.LEZEN):
        if actie == Actie.LEZEN:
            return super().for_user(user, actie)
        if user is not None and user.is_authenticated and user.heeft_rol(Rol.INSPECTIE):
            return self
        return self.none()
