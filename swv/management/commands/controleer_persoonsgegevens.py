"""Lists every stored text that the guard against personal data would now refuse, so that the
beheerder can clean it: texts stored before the guard existed, or before it learned a new form.
Shows where each is (model, id, field) and what kind of data it holds, never the text itself.
Uploaded documents are read again as an upload is (ADR 0069): the pages are named."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from passend.fields import VrijeRegelField, VrijeTekstField
from passend.persoonsgegevens import controleer
from swv.models import Document
from swv.services.documenten import persoonsgegevens_in_pdf, waar_in_pdf


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
        "weigeren, ook in de tekst van geüploade documenten. Toont per tekst het model, het id "
        "en het veld, niet de tekst zelf. Eindigt met een fout als er iets gevonden is."
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
        gevonden += self.documenten()
        if gevonden:
            raise CommandError(
                f"{gevonden} teksten met mogelijke persoonsgegevens gevonden; pas ze aan in het "
                "beheer."
            )
        self.stdout.write("Geen teksten gevonden die het portaal nu zou weigeren.")

    def documenten(self) -> int:
        gevonden = 0
        for document in Document.objects.order_by("pk").iterator(chunk_size=100):
            try:
                with document.bestand.open("rb") as bestand:
                    paginas, soorten = persoonsgegevens_in_pdf(bestand.read())
            except Exception as fout:
                self.stdout.write(f"swv.Document {document.pk} bestand: niet te lezen ({fout})")
                gevonden += 1
                continue
            if soorten:
                gevonden += 1
                self.stdout.write(
                    f"swv.Document {document.pk} bestand: {', '.join(soorten)} "
                    f"{waar_in_pdf(paginas)}"
                )
        return gevonden
