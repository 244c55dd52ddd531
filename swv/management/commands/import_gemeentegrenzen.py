from django.core.management.base import BaseCommand

from swv.management.commands._verslag import voer_uit
from swv.services.gemeenten import importeer_gemeentegrenzen


class Command(BaseCommand):
    help = "Leest de gemeentegrenzen (GeoJSON van CBS/PDOK) in: CBS-code en grens per gemeente."

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, bestand, **options):
        voer_uit(self, importeer_gemeentegrenzen, bestand)
