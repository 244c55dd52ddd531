"""Render time and page count of the voortgangsrapportage: the national report, and the batch of
every SWV's report for one peildatum with its ZIP. The batch runs through the real service and
task code, eagerly in this process (one worker's worth of work, one report after the other).
Prints figures; asserts nothing.

    .venv/bin/python bench/rapporten.py [--peildatum 2016-12-01] [--zonder-batch]
"""

import argparse
import datetime
import os
import statistics
import tempfile
import time

from omgeving import start_django, zorg_voor_demo


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--peildatum", type=datetime.date.fromisoformat, default=datetime.date(2016, 12, 1)
    )
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument(
        "--zonder-batch", action="store_true", help="only the national report, not the batch"
    )
    args = parser.parse_args()
    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="passend-bench-rapporten-")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    database = start_django("rapporten")
    print(f"database {database}, peildatum {args.peildatum}")
    zorg_voor_demo()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import Gebruiker, Rol
    from rapporten import inhoud, pdf, services
    from rapporten.models import Batch, Rapport, Rapportstatus
    from swv.models import Samenwerkingsverband

    print(f"{Samenwerkingsverband.objects.count()} SWVs")
    verzamelen, renderen = [], []
    for _ in range(args.herhalingen):
        begin = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            cijfers = inhoud.verzamel("landelijk", args.peildatum)
        midden = time.perf_counter()
        resultaat = pdf.render(cijfers, "Voortgangsrapportage passend onderwijs")
        einde = time.perf_counter()
        verzamelen.append(midden - begin)
        renderen.append(einde - midden)
    print(
        f"national report: numbers {statistics.median(verzamelen) * 1000:7.0f} ms in "
        f"{len(queries)} queries | render {statistics.median(renderen):5.2f} s | "
        f"{resultaat.paginas} pages, {len(resultaat.pdf) / 1024:.0f} KiB "
        f"(median of {args.herhalingen})"
    )

    if args.zonder_batch:
        return
    accountmanager, _ = Gebruiker.objects.get_or_create(
        username="bench.accountmanager", defaults={"rol": Rol.ACCOUNTMANAGER}
    )
    Batch.objects.filter(peildatum=args.peildatum).delete()
    Rapport.objects.filter(peildatum=args.peildatum, soort="swv").delete()
    begin = time.perf_counter()
    batch = services.vraag_batch_aan(accountmanager, args.peildatum)
    duur = time.perf_counter() - begin
    batch.refresh_from_db()
    rapporten = list(batch.rapporten.all())
    klaar = [r for r in rapporten if r.status == Rapportstatus.KLAAR]
    paginas = [r.paginas for r in klaar]
    tijden = [(r.klaar_op - r.gestart_op).total_seconds() for r in klaar]
    print(
        f"batch of {len(rapporten)} SWV reports: {duur:5.1f} s in one process, "
        f"{len(klaar)} done, {sum(paginas)} pages ({min(paginas)}-{max(paginas)} per report), "
        f"per report median {statistics.median(tijden):.2f} s (max {max(tijden):.2f} s), "
        f"ZIP {batch.zip.size / 1024 / 1024:.1f} MiB"
    )


if __name__ == "__main__":
    main()
