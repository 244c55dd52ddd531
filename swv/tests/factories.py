import datetime

import factory

from swv import models


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gemeente
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n + 1000:04d}")


def _vrije_code(sector: str, n: int) -> str:
    """The n-th code of the sequence, two digits each however many SWVs a session makes (the
    code is six characters), or the next one that no SWV has yet: the sequence wraps, and a
    code a test chose itself (PO2707) must not come back as another SWV's through
    `django_get_or_create`."""
    while True:
        code = f"{sector}{10 + n // 20 % 90:02d}{n % 20 + 1:02d}"
        if not models.Samenwerkingsverband.objects.filter(code=code).exists():
            return code
        n += 1


class SamenwerkingsverbandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Samenwerkingsverband
        django_get_or_create = ["code"]
        skip_postgeneration_save = True

    sector = models.Sector.PO
    code = factory.LazyAttributeSequence(lambda o, n: _vrije_code(o.sector, n))
    naam = factory.LazyAttribute(lambda o: f"Samenwerkingsverband {o.code}")

    class Params:
        vo = factory.Trait(sector=models.Sector.VO)
        experiment_swv = factory.Trait(experiment=True)


class PostcodegebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Postcodegebied
        django_get_or_create = ["pc4"]

    pc4 = factory.Sequence(lambda n: f"{1000 + n % 9000:04d}")
    gemeente = factory.SubFactory(GemeenteFactory)


class RegiotoewijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Regiotoewijzing

    postcodegebied = factory.SubFactory(PostcodegebiedFactory)
    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    sector = factory.SelfAttribute("swv.sector")
    geldig_van = models.REGIO_INGANGSDATUM


class SchoolbestuurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Schoolbestuur
        django_get_or_create = ["bevoegd_gezag_nummer"]

    bevoegd_gezag_nummer = factory.Sequence(lambda n: f"{40000 + n:05d}")
    naam = factory.LazyAttribute(lambda o: f"Stichting {o.bevoegd_gezag_nummer}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.School
        django_get_or_create = ["vestigingsnummer"]

    brin = factory.Sequence(
        lambda n: f"{10 + n // 676 % 90:02d}{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"
    )
    vestigingsnummer = factory.LazyAttribute(lambda o: f"{o.brin}00")
    naam = factory.Sequence(lambda n: f"Basisschool De Linde {n}")
    soort = models.Schoolsoort.BAO
    sector = models.Sector.PO
    bestuur = factory.SubFactory(SchoolbestuurFactory)
    postcodegebied = factory.SubFactory(PostcodegebiedFactory)
    postcode = factory.LazyAttribute(lambda o: f"{o.postcodegebied.pc4} AB")
    plaats = "Ergens"


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Lidmaatschap

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    bestuur = factory.SubFactory(SchoolbestuurFactory)
    stemgewicht = 1


class LeerlingtellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Leerlingtelling

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    teldatum = datetime.date(2013, 10, 1)
    categorie = models.Leerlingcategorie.BAO
    aantal = 1000


def swv_met_regio(gemeente=None, pc4s=("1011",), **kwargs):
    """An SWV whose region is the given PC4 areas of one gemeente."""
    swv = SamenwerkingsverbandFactory(**kwargs)
    gemeente = gemeente or GemeenteFactory()
    for pc4 in pc4s:
        RegiotoewijzingFactory(
            swv=swv, postcodegebied=PostcodegebiedFactory(pc4=pc4, gemeente=gemeente)
        )
    return swv
