from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backup.services import BackupFout, herstel_backup


class Command(BaseCommand):
    help = (
        "Zet een backup terug in een lege database en een lege documentenmap, en controleert "
        "daarna elke tabel en elk document tegen de backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("backupmap", type=Path)

    def handle(self, backupmap, **options):
        if not (backupmap / "manifest.json").is_file():
            raise CommandError(f"{backupmap} is geen backup (manifest.json ontbreekt).")
        try:
            manifest = herstel_backup(backupmap)
        except BackupFout as exc:
            raise CommandError(str(exc)) from exc
        rijen = sum(manifest["tabellen"].values())
        self.stdout.write(
            f"Hersteld: {rijen} rijen in {len(manifest['tabellen'])} tabellen en "
            f"{len(manifest['documenten'])} documenten, alles gecontroleerd."
        )
