"""manage.py herbereken_rapport <id>: the numbers of a report computed again from today's data
and compared with the stored ones (ADR 0087). Exit status 0 when they match, 1 when they do
not, with every differing figure."""

from django.core.management.base import BaseCommand, CommandError

from rapporten.models import Rapport, Rapportstatus
from rapporten.reproductie import herbereken

#: How many differences the command prints; the count is always given.
TOON = 50


def _kort(waarde) -> str:
    tekst = "(ontbreekt)" if waarde is None else str(waarde)
    return tekst if len(tekst) <= 80 else tekst[:77] + "..."


class Command(BaseCommand):
    help = "Berekent de cijfers van een rapport opnieuw en vergelijkt ze met de bewaarde."

    def add_arguments(self, parser):
        parser.add_argument("rapport", type=int, help="Het nummer (id) van het rapport.")

    def handle(self, *args, rapport: int, **opties):
        gekozen = Rapport.objects.select_related("swv", "groepering").filter(pk=rapport).first()
        if gekozen is None:
            raise CommandError(f"Er is geen rapport met nummer {rapport}.")
        if gekozen.status != Rapportstatus.KLAAR or not gekozen.cijfers:
            raise CommandError(
                f"Rapport {rapport} is niet klaar: er zijn geen cijfers om te vergelijken."
            )
        uitkomst = herbereken(gekozen)
        self.stdout.write(f"{gekozen} (nummer {gekozen.pk})")
        self.stdout.write(f"Controlegetal toen: {uitkomst.hash_toen}")
        self.stdout.write(f"Controlegetal nu:   {uitkomst.hash_nu}")
        if uitkomst.schema_toen and uitkomst.schema_toen != uitkomst.schema_nu:
            self.stdout.write(
                f"Het tijdschema is veranderd: versie {uitkomst.schema_toen} toen, "
                f"{uitkomst.schema_nu} nu."
            )
        if uitkomst.gelijk:
            self.stdout.write(
                self.style.SUCCESS("Gelijk: opnieuw berekend komen de cijfers overeen.")
            )
            return
        aantal = len(uitkomst.verschillen)
        self.stdout.write(
            f"Verschillen: {aantal} {'cijfer wijkt' if aantal == 1 else 'cijfers wijken'} af."
        )
        for v in uitkomst.verschillen[:TOON]:
            self.stdout.write(f"  {v.pad}: {_kort(v.toen)} -> {_kort(v.nu)}")
        if aantal > TOON:
            self.stdout.write(f"  en nog {aantal - TOON} meer.")
        raise SystemExit(1)
