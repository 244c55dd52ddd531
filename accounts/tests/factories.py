import factory

from accounts.models import Gebruiker, Rol


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@passend.example")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("geheim-wachtwoord-1")
    rol = ""

    class Params:
        beheerder = factory.Trait(rol=Rol.BEHEERDER)
        accountmanager = factory.Trait(rol=Rol.ACCOUNTMANAGER)
        inspectie = factory.Trait(rol=Rol.INSPECTIE)
        coordinator = factory.Trait(rol=Rol.COORDINATOR)

    @factory.post_generation
    def swvs(self, create, extracted, **kwargs):
        """GebruikerFactory(coordinator=True, swvs=[swv]) makes them coördinator of those."""
        if create and extracted:
            self.samenwerkingsverbanden.add(*extracted)
