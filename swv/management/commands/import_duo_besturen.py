from django.core.management.base import BaseCommand

from swv.management.commands._verslag import voer_uit
from swv.services.besturen import importeer_besturen


class Command(BaseCommand):
    help = (
        "Leest DUO's bestand met de adressen van de bevoegde gezagen in: de namen van de "
        "schoolbesturen. Nogmaals draaien wijzigt niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, bestand, **options):
        voer_uit(self, importeer_besturen, bestand)
