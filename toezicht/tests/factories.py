import datetime

import factory

from swv.tests.factories import SamenwerkingsverbandFactory
from toezicht import models


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Signaal

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    bron = models.Bron.OUDERS
    onderwerp = models.Onderwerp.THUISZITTER
    ontvangen_op = datetime.date(2017, 3, 1)
    omschrijving = "Een leerling zit sinds januari thuis zonder aanbod."


class RegistratieoordeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Registratieoordeel

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    periode_van = datetime.date(2017, 1, 1)
    periode_tot = datetime.date(2017, 2, 28)
    oordeel = models.Oordeel.VOLDOENDE


class KwaliteitsonderzoekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Kwaliteitsonderzoek

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    begonnen_op = datetime.date(2017, 9, 1)


class VervolgafspraakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Vervolgafspraak

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    omschrijving = "Plan van aanpak voor de thuiszitters indienen."
    gemaakt_op = datetime.date(2017, 10, 1)
    deadline = datetime.date(2018, 1, 1)


class RisicoindicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Risicoindicator

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    periode_van = datetime.date(2017, 1, 1)
    periode_tot = datetime.date(2017, 12, 31)
    indicator = models.Indicator.THUISZITTERS
    niveau = models.Risiconiveau.VERHOOGD


class RapportagerondeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Rapportageronde
        django_get_or_create = ("soort", "periode_van")

    soort = models.Rapportagesoort.THUISZITTERS

    periode_van = datetime.date(2016, 1, 1)
    periode_tot = datetime.date(2016, 2, 29)
    deadline = factory.LazyAttribute(
        lambda r: (r.periode_tot.replace(day=1) + datetime.timedelta(days=32)).replace(day=15)
    )


def ronde(van: datetime.date, tot: datetime.date, **velden) -> models.Rapportageronde:
    """The thuiszitter round of a period (made when it is not there yet)."""
    return RapportagerondeFactory(periode_van=van, periode_tot=tot, **velden)
