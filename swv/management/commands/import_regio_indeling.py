import datetime

from django.core.management.base import BaseCommand

from swv.management.commands._verslag import voer_uit
from swv.models import REGIO_INGANGSDATUM
from swv.services.regio import importeer_regio_indeling


class Command(BaseCommand):
    help = (
        "Leest de regio-indeling (pc4,gemeente,po_swv,vo_swv) in: gemeenten, "
        "samenwerkingsverbanden en hun postcodegebieden. Nogmaals draaien wijzigt niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand")
        parser.add_argument(
            "--geldig-van",
            type=datetime.date.fromisoformat,
            default=REGIO_INGANGSDATUM,
            help="Datum waarop een gewijzigde indeling ingaat (JJJJ-MM-DD); standaard 2013-01-01.",
        )

    def handle(self, bestand, geldig_van, **options):
        voer_uit(self, importeer_regio_indeling, bestand, geldig_van=geldig_van)
