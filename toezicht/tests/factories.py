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
