from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backup.services import BackupFout, maak_backup


class Command(BaseCommand):
    help = "Maakt een backup van de database en de documenten in een nieuwe map onder DOELMAP."

    def add_arguments(self, parser):
        parser.add_argument("doelmap", type=Path)

    def handle(self, doelmap, **options):
        try:
            map_ = maak_backup(doelmap)
        except BackupFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backup gemaakt: {map_}")
