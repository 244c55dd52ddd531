"""Shared by the benchmarks: a PostgreSQL database of their own with the demo in it, and
synthetic copies of the SWVs to measure at a hundred times the country."""

import os
import re
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


def vermenigvuldig(factor: int) -> int:
    """Adds synthetic SWVs until there are `factor` times as many as the real ones, each a copy
    of a real SWV's facts, plans and OPR decisions under a code of its own. Idempotent."""
    from django.db import connection, transaction

    from ondersteuningsplan.models import Feit, Ondersteuningsplan, OPRBesluit
    from swv.models import Samenwerkingsverband

    echt_code = r"^(PO|VO)(2\d|3[01])\d\d$"
    echt = list(Samenwerkingsverband.objects.filter(code__regex=echt_code))
    doel = len(echt) * factor
    if Samenwerkingsverband.objects.count() >= doel:
        return Samenwerkingsverband.objects.count()
    bezet = set(Samenwerkingsverband.objects.values_list("code", flat=True))

    def vrije_codes(sector):
        # Outside the real codes' range, so a second run still knows which SWVs are real.
        return (
            c
            for n in range(1000, 10000)
            if (c := f"{sector}{n:04d}") not in bezet and not re.match(echt_code, c)
        )

    vrij = {sector: vrije_codes(sector) for sector in ("PO", "VO")}
    feiten = {}
    for feit in Feit.objects.filter(swv__in=echt):
        feiten.setdefault(feit.swv_id, []).append(feit)
    plannen = {}
    for plan in Ondersteuningsplan.objects.filter(swv__in=echt).prefetch_related("opr_besluiten"):
        plannen.setdefault(plan.swv_id, []).append(plan)

    with transaction.atomic():
        kopieen = Samenwerkingsverband.objects.bulk_create(
            [
                Samenwerkingsverband(
                    code=next(vrij[s.sector]), sector=s.sector, naam=f"Synthetisch {s.naam}"
                )
                for _ in range(factor - 1)
                for s in echt
            ],
            batch_size=5000,
        )
        bron = [s for _ in range(factor - 1) for s in echt]
        nieuwe_plannen, plan_bron = [], []
        for kopie, origineel in zip(kopieen, bron, strict=True):
            for plan in plannen.get(origineel.pk, []):
                nieuwe_plannen.append(
                    Ondersteuningsplan(
                        swv=kopie,
                        titel=plan.titel,
                        periode_van=plan.periode_van,
                        periode_tot=plan.periode_tot,
                    )
                )
                plan_bron.append(plan)
        Ondersteuningsplan.objects.bulk_create(nieuwe_plannen, batch_size=5000)
        plan_van = {}
        besluiten = []
        for nieuw, oud in zip(nieuwe_plannen, plan_bron, strict=True):
            plan_van[(nieuw.swv_id, oud.pk)] = nieuw
            besluiten += [
                OPRBesluit(
                    ondersteuningsplan=nieuw,
                    datum_voorgelegd=b.datum_voorgelegd,
                    besluit=b.besluit,
                    datum_besluit=b.datum_besluit,
                )
                for b in oud.opr_besluiten.all()
            ]
        OPRBesluit.objects.bulk_create(besluiten, batch_size=5000)
        Feit.objects.bulk_create(
            [
                Feit(
                    swv=kopie,
                    stap=f.stap,
                    datum=f.datum,
                    rechtsvorm=f.rechtsvorm,
                    ondersteuningsplan=plan_van.get((kopie.pk, f.ondersteuningsplan_id)),
                )
                for kopie, origineel in zip(kopieen, bron, strict=True)
                for f in feiten.get(origineel.pk, [])
            ],
            batch_size=10000,
        )
    # Fresh statistics, as autovacuum would gather them on a real server: without them the
    # planner takes the bulk-loaded tables for small ones.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return Samenwerkingsverband.objects.count()


def voor_en_na_vermenigvuldigen(ronde, beschrijving: str):
    """The main program of a benchmark that runs `ronde(peildatum)` over the demo and again over
    `--factor` times as many SWVs."""
    import argparse
    import datetime

    parser = argparse.ArgumentParser(description=beschrijving)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument(
        "--peildatum", type=datetime.date.fromisoformat, default=datetime.date(2014, 5, 1)
    )
    args = parser.parse_args()
    database = start_django("bench")
    print(f"database {database}")
    zorg_voor_demo()
    ronde(args.peildatum)
    vermenigvuldig(args.factor)
    ronde(args.peildatum)
