from django.core.management.base import BaseCommand

from swv.management.commands._verslag import voer_uit
from swv.models import Schoolsoort
from swv.services.scholen import importeer_vestigingen


class Command(BaseCommand):
    help = (
        "Leest DUO's 'Adressen alle vestigingen' in: schoolbesturen, scholen en de "
        "lidmaatschappen die volgen uit de postcodes. Nogmaals draaien wijzigt niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand")
        parser.add_argument(
            "--soort",
            choices=Schoolsoort.values,
            default=Schoolsoort.BAO,
            help="Soort school in het bestand (DUO publiceert per soort een bestand).",
        )

    def handle(self, bestand, soort, **options):
        voer_uit(self, importeer_vestigingen, bestand, soort=soort)
