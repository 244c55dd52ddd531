import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo.services import (
    WACHTWOORD,
    heeft_demo,
    importeer_referentiedata,
    laad_demo,
    logins,
    wis_demo,
)
from swv.services.csv_import import ImportGeweigerd


class Command(BaseCommand):
    help = (
        "Laadt de demo: de echte samenwerkingsverbanden, besturen en scholen uit de "
        "referentiedata, een gegenereerde geschiedenis van hun voortgang, leerlingtellingen, "
        "thuiszitters en demo-accounts voor elke rol. Met hetzelfde zaad steeds dezelfde gegevens."
    )

    def add_arguments(self, parser):
        parser.add_argument("--zaad", type=int, default=2013, help="Zaad van de generator.")
        parser.add_argument(
            "--opnieuw", action="store_true", help="Wis eerst wat een vorige demo maakte."
        )

    def handle(self, zaad, opnieuw, **options):
        if settings.OMGEVING == "production":
            raise CommandError("De demo hoort niet in productie.")
        try:
            importeer_referentiedata(self.stdout.write)
        except ImportGeweigerd as exc:
            raise CommandError(str(exc)) from exc
        if opnieuw:
            wis_demo()
        if heeft_demo():
            self.stdout.write("De demo staat er al (gebruik --opnieuw om hem opnieuw te maken).")
        else:
            # The demo's own accounts are recorded in the audit log, not echoed one by one.
            audit = logging.getLogger("accounts.audit")
            niveau = audit.level
            audit.setLevel(logging.WARNING)
            try:
                laad_demo(zaad, timezone.localdate())
            finally:
                audit.setLevel(niveau)
            self.stdout.write(self.style.SUCCESS("Demo geladen."))
        self.stdout.write(f"\nDemo-accounts (wachtwoord voor allemaal: {WACHTWOORD}):")
        for login in logins():
            self.stdout.write(f"  {login.gebruikersnaam:<22} {login.rol:<20} {login.toelichting}")
        if settings.TWEESTAPS_VERPLICHT:
            self.stdout.write(
                "Tweestapsverificatie staat aan: na het wachtwoord stelt elk account eerst een "
                "authenticator-app in."
            )
        else:
            self.stdout.write(
                "Tweestapsverificatie staat uit in deze demo (TWEESTAPS_VERPLICHT=false); in "
                "productie vraagt het portaal na het wachtwoord een code uit een authenticator-app."
            )
