"""The server time of every page of every role (the pages of tests/rondgang.py) and of the main
API lists, beside a bare Django view measured in the same run. Prints figures; asserts nothing.

    .venv/bin/python bench/paginas.py            # the embedded default: SQLite, the demo
    .venv/bin/python bench/paginas.py --schaal   # PostgreSQL, the demo with twelve years of
                                                 # history (bench/geschiedenis.py)

Each page is timed through Django's test client in this process: the first visit (nothing of it
in a cache yet: the first request for that address in this process) and the median of five more,
with the queries of one visit.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from omgeving import ROOT, start_django, zorg_voor_demo

API = [
    "/api/v1/samenwerkingsverbanden?paginaGrootte=100",
    "/api/v1/samenwerkingsverbanden?paginaGrootte=100&peildatum=2014-02-01",
    "/api/v1/scholen?paginaGrootte=100",
    "/api/v1/leerlingtellingen?paginaGrootte=100",
    "/api/v1/deelnamepercentages?paginaGrootte=100",
    "/api/v1/monitor?peildatum=2014-02-01",
    "/api/v1/signalen?paginaGrootte=100",
    "/api/v1/vervolgafspraken?paginaGrootte=100",
]


def start_sqlite():
    """The embedded default's settings (dev: SQLite, DEBUG, caches in the process) on a SQLite
    file of the benchmark's own, created with the demo when missing."""
    os.environ["PASSEND_OMGEVING"] = "dev"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.api_settings")
    bestand = Path(tempfile.gettempdir()) / f"passend-bench-paginas-{ROOT.name}.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{bestand}"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return str(bestand)


def tijd(client, url, **extra):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # The query log is a bounded deque; once full (loading the demo fills it) its length stops
    # growing and a capture would count nothing.
    reset_queries()
    begin, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(url, **extra)
    return (
        (time.perf_counter() - begin) * 1000,
        (time.process_time() - cpu) * 1000,
        len(queries),
        antwoord.status_code,
    )


def meet(client, url, herhalingen=5, **extra):
    """The first visit's wall and CPU time, the medians of `herhalingen` more, the queries and
    the status of the first."""
    wand, cpu, queries, status = tijd(client, url, **extra)
    meer = [tijd(client, url, **extra) for _ in range(herhalingen)]
    return Meting(
        wand,
        cpu,
        statistics.median(m[0] for m in meer),
        statistics.median(m[1] for m in meer),
        queries,
        status,
    )


@dataclass
class Meting:
    eerste: float
    eerste_cpu: float
    mediaan: float
    mediaan_cpu: float
    queries: int
    status: int

    def regel(self, wie: str, adres: str, kaal: "Meting") -> str:
        return (
            f"{wie:15} {self.eerste:7.1f} {self.eerste_cpu:7.1f} {self.mediaan:7.1f} "
            f"{self.mediaan_cpu:7.1f} {self.mediaan_cpu / kaal.mediaan_cpu:6.0f} "
            f"{self.queries:4}  {self.status} {adres}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schaal", action="store_true", help="PostgreSQL, twelve years")
    args = parser.parse_args()
    if args.schaal:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.api_settings")
        os.environ["ALLOWED_HOSTS"] = "testserver"
        database = start_django("bench")
    else:
        database = start_sqlite()
    print(f"database {database}")
    zorg_voor_demo()
    if args.schaal:
        import geschiedenis

        geschiedenis.vul_aan()

    from django.test import Client

    from accounts.models import Gebruiker, Rol
    from passend.api.services import geef_token
    from rapporten.models import Batch, Rapport
    from tests.rondgang import GEBRUIKERS, PEILDATUM, paginas

    am = Gebruiker.objects.get(username=GEBRUIKERS[Rol.ACCOUNTMANAGER])
    if not Rapport.objects.exists():
        Rapport.objects.create(soort="landelijk", peildatum=PEILDATUM, aangevraagd_door=am)
    if not Batch.objects.exists():
        Batch.objects.create(peildatum=PEILDATUM, aangevraagd_door=am)

    kaal = meet(Client(), "/bench/kaal", herhalingen=21)
    print(
        "times in ms: the first visit and the median of 5 more, wall clock and CPU of this"
        " process;\nratio: median CPU over the bare view's\n"
    )
    print(f"{'':15} {'first':>7} {'cpu':>7} {'median':>7} {'cpu':>7} {'ratio':>6} {'q':>4}")
    print(kaal.regel("bare view", "/bench/kaal", kaal))
    traagste = (0, "")
    for rol, naam in GEBRUIKERS.items():
        client = Client()
        gebruiker = None
        if naam:
            gebruiker = Gebruiker.objects.get(username=naam)
            client.force_login(gebruiker)
        for pagina in paginas(gebruiker):
            meting = meet(client, pagina.url)
            traagste = max(traagste, (meting.eerste_cpu, f"{rol} {pagina.url}"))
            print(meting.regel(rol, pagina.url, kaal), flush=True)
    print(f"\nslowest first visit: {traagste[0]:.1f} ms CPU, {traagste[1]}")

    systeem, _ = Gebruiker.objects.get_or_create(username="bench-inspectie", rol=Rol.INSPECTIE)
    _, sleutel = geef_token(gebruiker=systeem, naam="bench-paginas")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {sleutel}")
    print("\nAPI lists (Inspectie token)")
    for adres in API:
        print(meet(api, adres).regel("api", adres, kaal), flush=True)


if __name__ == "__main__":
    sys.exit(main())
