import datetime

import factory

from ondersteuningsplan import models
from ondersteuningsplan.stappen import Stap
from swv.tests.factories import SamenwerkingsverbandFactory


class OndersteuningsplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Ondersteuningsplan

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    titel = "Ondersteuningsplan 2014-2018"
    periode_van = datetime.date(2014, 8, 1)
    periode_tot = datetime.date(2018, 7, 31)


class FeitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Feit

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    stap = Stap.HOOFDLIJNENNOTITIE_OPGESTELD
    datum = datetime.date(2013, 1, 15)


class OPRBesluitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OPRBesluit

    ondersteuningsplan = factory.SubFactory(OndersteuningsplanFactory)
    datum_voorgelegd = datetime.date(2014, 1, 10)

    class Params:
        instemming = factory.Trait(
            besluit=models.Besluit.INSTEMMING,
            datum_besluit=factory.LazyAttribute(
                lambda o: o.datum_voorgelegd + datetime.timedelta(days=30)
            ),
        )


class SwvFactory(SamenwerkingsverbandFactory):
    """An SWV with the facts of a trait: SwvFactory(opgericht=True), SwvFactory(laat_opgericht=True)."""

    class Params:
        opgericht = factory.Trait(
            oprichting=factory.RelatedFactory(
                FeitFactory,
                "swv",
                stap=Stap.RECHTSPERSOON_OPGERICHT,
                datum=datetime.date(2013, 10, 15),
                rechtsvorm=models.Rechtsvorm.STICHTING,
            )
        )
        laat_opgericht = factory.Trait(
            oprichting=factory.RelatedFactory(
                FeitFactory,
                "swv",
                stap=Stap.RECHTSPERSOON_OPGERICHT,
                datum=datetime.date(2013, 11, 20),
                rechtsvorm=models.Rechtsvorm.VERENIGING,
            )
        )
