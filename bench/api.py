"""p50/p95 latency and throughput of the main API list endpoints under concurrent load, against
gunicorn on PostgreSQL (the demo in a database of its own), beside a bare Django JSON view on the
same server.

    .venv/bin/python bench/api.py [--verzoeken 400] [--gelijktijdig 8] [--workers 4]
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from omgeving import ROOT, start_django, zorg_voor_demo

ADRESSEN = [
    "/bench/kaal",
    "/api/v1/samenwerkingsverbanden?paginaGrootte=100",
    "/api/v1/samenwerkingsverbanden?paginaGrootte=100&peildatum=2014-02-01",
    "/api/v1/scholen?paginaGrootte=100",
    "/api/v1/leerlingtellingen?paginaGrootte=100",
    "/api/v1/deelnamepercentages?paginaGrootte=100",
    "/api/v1/monitor?peildatum=2014-02-01",
    "/api/v1/signalen?paginaGrootte=100",
]


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--verzoeken", type=int, default=400)
    args.add_argument("--gelijktijdig", type=int, default=8)
    args.add_argument("--workers", type=int, default=4)
    args.add_argument("--poort", type=int, default=8193)
    opties = args.parse_args()

    database = start_django("bench")
    zorg_voor_demo()
    from accounts.models import Gebruiker, Rol
    from passend.api.services import geef_token

    systeem, _ = Gebruiker.objects.get_or_create(username="bench-inspectie", rol=Rol.INSPECTIE)
    _, sleutel = geef_token(gebruiker=systeem, naam="bench")

    env = os.environ | {
        "PASSEND_OMGEVING": "ci",
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "API_LIMIET_GEBRUIKER": "1000000/minute",
        "API_LIMIET_ANONIEM": "1000000/minute",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "passend.wsgi:application",
            "--bind",
            f"127.0.0.1:{opties.poort}",
            "--workers",
            str(opties.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    basis = f"http://127.0.0.1:{opties.poort}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(basis + "/bench/kaal", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        print(
            f"gunicorn, {opties.workers} workers, database {database}; "
            f"{opties.verzoeken} requests per endpoint, {opties.gelijktijdig} at a time"
        )
        kaal = None
        for adres in ADRESSEN:
            p50 = meet(basis + adres, sleutel, opties.verzoeken, opties.gelijktijdig, kaal)
            kaal = kaal or p50
    finally:
        server.terminate()
        server.wait(timeout=10)
    from django.core.cache import cache

    cache.delete(f"throttle_user_{systeem.pk}")  # the load above counted against the account
    print("in this process, one request at a time (Django test client), median of 21")
    for adres in ADRESSEN:
        meet_in_proces(adres, sleutel)


def meet(url, sleutel, verzoeken, gelijktijdig, kaal=None):
    """Prints p50, p95, throughput and errors (any answer but 200, or none) of one address,
    and its p50 as a ratio of the bare view's (`kaal`). Returns the p50."""
    verzoek = urllib.request.Request(url, headers={"Authorization": f"Bearer {sleutel}"})

    def een(_):
        begin = time.perf_counter()
        try:
            with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
                antwoord.read()
                goed = antwoord.status == 200
        except OSError:
            goed = False
        return (time.perf_counter() - begin) * 1000, goed

    een(0)
    begin = time.perf_counter()
    with ThreadPoolExecutor(gelijktijdig) as pool:
        uitkomsten = list(pool.map(een, range(verzoeken)))
    duur = time.perf_counter() - begin
    tijden = sorted(t for t, _ in uitkomsten)
    fouten = sum(1 for _, goed in uitkomsten if not goed)
    p50 = statistics.median(tijden)
    p95 = tijden[int(0.95 * len(tijden)) - 1]
    verhouding = f"  ratio {p50 / kaal:6.1f}" if kaal else "  baseline"
    print(
        f"  {url.split('127.0.0.1')[1].split('/', 1)[1]:<70} p50 {p50:7.1f} ms"
        f"  p95 {p95:7.1f} ms  {verzoeken / duur:7.1f} req/s  {fouten:3d} errors{verhouding}"
    )
    return p50


def meet_in_proces(adres, sleutel):
    """Wall and CPU time of one request with nothing beside it: less at the mercy of whatever
    else runs on the machine than the figures under load."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    with override_settings(ROOT_URLCONF="bench.api_urls", ALLOWED_HOSTS=["testserver"]):
        client = Client(HTTP_AUTHORIZATION=f"Bearer {sleutel}")
        assert client.get(adres).status_code == 200
        wand, cpu = [], []
        for _ in range(21):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            client.get(adres)
            wand.append((time.perf_counter() - begin) * 1000)
            cpu.append((time.process_time() - begin_cpu) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(adres)
    print(
        f"  {adres.lstrip('/'):<70} wall {statistics.median(wand):7.1f} ms"
        f"  cpu {statistics.median(cpu):7.1f} ms  {len(queries):3d} queries"
    )


if __name__ == "__main__":
    sys.exit(main())
