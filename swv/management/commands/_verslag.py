"""Shared by the import commands: run an import, print its report, refuse cleanly."""

from pathlib import Path

from django.core.management.base import CommandError

from swv.services.csv_import import ImportGeweigerd


def voer_uit(command, importeer, pad: str, **opties):
    bestand = Path(pad)
    if not bestand.is_file():
        raise CommandError(f"Bestand niet gevonden: {bestand}")
    try:
        verslag = importeer(bestand, **opties)
    except ImportGeweigerd as exc:
        raise CommandError(f"Geweigerd: {exc}") from exc
    for regel in verslag.regels():
        command.stdout.write(regel)
    if not verslag.gewijzigd:
        command.stdout.write("  Niets gewijzigd: de gegevens waren al gelijk aan het bestand.")
    return verslag
