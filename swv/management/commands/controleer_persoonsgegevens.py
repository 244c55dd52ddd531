"""Lists every stored text that the guard against personal data would now refuse, so that the
beheerder can clean it: texts stored before the guard existed, or before it learned a new form.
Shows where each is (model, id, field) and what kind of data it holds, never the text itself."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from passend.fields import VrijeRegelField, VrijeTekstField
from passend.persoonsgegevens import controleer


def bewaakte_velden():
    for model in apps.get_models():
        velden = [
            veld.name
            for veld in model._meta.concrete_fields
            if isinstance(veld, VrijeTekstField | VrijeRegelField)
        ]
        if velden:
            yield model, velden


class Command(BaseCommand):
    help = (
        "Zoekt in alle opgeslagen teksten naar persoonsgegevens (burgerservicenummer, "
        "leerlingnummer, geboortedatum, e-mailadres, telefoonnummer) die het portaal nu zou "
        "weigeren. Toont per tekst het model, het id en het veld, niet de tekst zelf. Eindigt "
        "met een fout als er iets gevonden is."
    )

    def handle(self, **options):
        gevonden = 0
        for model, velden in bewaakte_velden():
            rijen = model._base_manager.values_list("pk", *velden).order_by("pk")
            for pk, *waarden in rijen.iterator(chunk_size=2000):
                for veld, waarde in zip(velden, waarden, strict=True):
                    treffers = controleer(waarde)
                    if treffers:
                        gevonden += 1
                        soorten = ", ".join(dict.fromkeys(t.melding for t in treffers))
                        self.stdout.write(
                            f"{model._meta.app_label}.{model.__name__} {pk} {veld}: {soorten}"
                        )
        if gevonden:
            raise CommandError(
                f"{gevonden} teksten met mogelijke persoonsgegevens gevonden; pas ze aan in het "
                "beheer."
            )
        self.stdout.write("Geen teksten gevonden die het portaal nu zou weigeren.")
