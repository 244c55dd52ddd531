"""Row-level access: which samenwerkingsverbanden a user may read or change.

`Samenwerkingsverband.objects.for_user(user)` is the one rule; every model that belongs to an SWV
derives its own `for_user` from it through `swv_pad`, the lookup path to its SWV. Pages and API
use these methods and nothing else.
"""

import datetime
import enum

from django.db import models
from django.db.models import Q

from accounts.models import Rol


class Actie(enum.StrEnum):
    LEZEN = "lezen"
    WIJZIGEN = "wijzigen"


class Bereik(enum.Enum):
    ALLES = "alles"
    EIGEN = "eigen"
    NIETS = "niets"


_LEZEN_ALLES = {Rol.BEHEERDER, Rol.ACCOUNTMANAGER, Rol.INSPECTIE}


def bereik(user, actie: Actie = Actie.LEZEN) -> Bereik:
    """How far a user reaches: every SWV, their own SWVs (coördinator), or none."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Bereik.NIETS
    if user.rol == Rol.COORDINATOR:
        return Bereik.EIGEN
    if actie == Actie.LEZEN and user.rol in _LEZEN_ALLES:
        return Bereik.ALLES
    return Bereik.NIETS


class SamenwerkingsverbandQuerySet(models.QuerySet):
    def for_user(self, user, actie: Actie = Actie.LEZEN):
        match bereik(user, actie):
            case Bereik.ALLES:
                return self
            case Bereik.EIGEN:
                return self.filter(coordinatoren=user)
            case _:
                return self.none()

    def portefeuille(self, user):
        """The SWVs a user follows: an accountmanager their own portfolio, the other roles
        what they may read."""
        swvs = self.for_user(user)
        if user.is_authenticated and user.rol == Rol.ACCOUNTMANAGER:
            return swvs.filter(accountmanager=user)
        return swvs


class SwvGebondenQuerySet(models.QuerySet):
    """For models that belong to one SWV; `swv_pad` is the lookup to it."""

    swv_pad = "swv"

    def for_user(self, user, actie: Actie = Actie.LEZEN):
        match bereik(user, actie):
            case Bereik.ALLES:
                return self
            case Bereik.EIGEN:
                return self.filter(**{f"{self.swv_pad}__coordinatoren": user})
            case _:
                return self.none()

    def van_swv(self, swv):
        return self.filter(**{self.swv_pad: swv})


class ReferentieQuerySet(models.QuerySet):
    """Public reference data (gemeenten): readable by every role, changed only by the beheerder
    in the admin."""

    def for_user(self, user, actie: Actie = Actie.LEZEN):
        if actie == Actie.LEZEN and bereik(user, actie) is not Bereik.NIETS:
            return self
        return self.none()


class SchoolQuerySet(models.QuerySet):
    """A coördinator sees the schools in the regions of their own SWVs; the other roles all."""

    def for_user(self, user, actie: Actie = Actie.LEZEN):
        if actie != Actie.LEZEN:
            return self.none()
        match bereik(user, actie):
            case Bereik.ALLES:
                return self
            case Bereik.EIGEN:
                from swv.models import Regiotoewijzing

                eigen_gebieden = Regiotoewijzing.objects.filter(swv__coordinatoren=user)
                return self.filter(
                    pk__in=self.model.objects.filter(
                        postcodegebied__in=eigen_gebieden.values("postcodegebied"),
                        sector__in=eigen_gebieden.values("sector"),
                    ).values("pk")
                )
            case _:
                return self.none()

    def in_swv(self, swv, peildatum: datetime.date | None = None):
        from swv.models import Regiotoewijzing

        gebieden = Regiotoewijzing.objects.filter(swv=swv)
        if peildatum is not None:
            gebieden = gebieden.geldig_op(peildatum)
        return self.filter(sector=swv.sector, postcodegebied__in=gebieden.values("postcodegebied"))


class GroeperingQuerySet(models.QuerySet):
    """Every role reads the groups (a coördinator only its own SWVs among their members, by
    `Groeperingslid.objects.for_user`); only the beheerder changes them, in the admin."""

    def for_user(self, user, actie: Actie = Actie.LEZEN):
        return self if actie == Actie.LEZEN else self.none()


class SchoolbestuurQuerySet(models.QuerySet):
    """A coördinator sees the boards that are members of their SWVs; the other roles all."""

    def met_schoolnaam(self):
        """What a board without a name is shown by (its first school and how many more), in
        the same query, so a list of boards does not ask once per board."""
        return self.annotate(
            eerste_school=models.Min("scholen__naam"),
            aantal_scholen_totaal=models.Count("scholen", distinct=True),
        )

    def for_user(self, user, actie: Actie = Actie.LEZEN):
        if actie != Actie.LEZEN:
            return self.none()
        match bereik(user, actie):
            case Bereik.ALLES:
                return self
            case Bereik.EIGEN:
                return self.filter(
                    pk__in=self.model.objects.filter(
                        lidmaatschappen__swv__coordinatoren=user
                    ).values("pk")
                )
            case _:
                return self.none()


class RegioQuerySet(SwvGebondenQuerySet):
    def geldig_op(self, peildatum: datetime.date):
        return self.filter(geldig_van__lte=peildatum).filter(
            Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=peildatum)
        )
