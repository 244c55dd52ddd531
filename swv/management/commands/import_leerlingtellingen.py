from django.core.management.base import BaseCommand

from swv.management.commands._verslag import voer_uit
from swv.services.leerlingtellingen import importeer_leerlingtellingen


class Command(BaseCommand):
    help = (
        "Leest leerlingtellingen in uit een CSV met de kolommen swv,teldatum,categorie,aantal "
        "(categorie: bao, sbo, so_cl1, so_cl2, so_cl34, vo, lwoo, pro, vso_cl1, vso_cl2, "
        "vso_cl34). Een bestand met een foute regel wordt helemaal geweigerd; nogmaals draaien "
        "wijzigt niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand")

    def handle(self, bestand, **options):
        voer_uit(self, importeer_leerlingtellingen, bestand)
