"""Shared by the benchmarks: a PostgreSQL database of their own with the demo in it, and the
realistic scale (the demo's SWVs with twelve years of history, bench/geschiedenis.py)."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_django(naam: str = "bench"):
    """Points Django at database passend_<naam>_<checkout> (created if missing) and migrates it."""
    os.environ.setdefault("PASSEND_OMGEVING", "ci")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.settings.base")
    from passend.settings.env import checkout_id

    database = f"passend_{naam}_{checkout_id()}"
    basis = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    os.environ["DATABASE_URL"] = f"{basis}/{database}"
    import psycopg

    with psycopg.connect(f"{basis}/postgres", autocommit=True) as verbinding:
        bestaat = verbinding.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database]
        ).fetchone()
        if not bestaat:
            verbinding.execute(f'CREATE DATABASE "{database}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return database


def zorg_voor_demo():
    from django.utils import timezone

    from demo.services import heeft_demo, importeer_referentiedata, laad_demo

    importeer_referentiedata(lambda regel: None)
    if not heeft_demo():
        laad_demo(2013, timezone.localdate())


def meet(functie, herhalingen: int = 7):
    """Median and minimum wall time in milliseconds, and the queries of one run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    functie()  # warm up
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    with CaptureQueriesContext(connection) as queries:
        functie()
    return statistics.median(tijden), min(tijden), len(queries)


def voor_en_na_geschiedenis(ronde, beschrijving: str):
    """The main program of a benchmark that runs `ronde(peildatum)` over the demo and again at
    the realistic scale: the same 150 SWVs with twelve years of history (bench/geschiedenis.py).
    """
    import argparse
    import datetime

    import geschiedenis

    parser = argparse.ArgumentParser(description=beschrijving)
    parser.add_argument(
        "--peildatum", type=datetime.date.fromisoformat, default=datetime.date(2014, 5, 1)
    )
    args = parser.parse_args()
    database = start_django("bench")
    print(f"database {database}")
    zorg_voor_demo()
    ronde(args.peildatum)
    geschiedenis.vul_aan()
    ronde(args.peildatum)
