"""The realistic scale: the demo's 150 SWVs with twelve years of history, as the portal will
hold them around 2026. The demo already has the years of facts, three and more OP cycles per
SWV and the two-monthly thuiszitter counts since November 2015; this adds what daily use
piles up beside them: thousands of signalen over the years and an audit log of a million
rows (every SWV's changes, spread over twelve years). Bulk inserts, and COPY for the audit log
on PostgreSQL. Idempotent: a second run adds nothing.
"""

import datetime
import json
import random

SIGNALEN_PER_SWV = 25
AUDITREGELS = 1_000_000
BEGIN = datetime.datetime(2014, 1, 1, tzinfo=datetime.UTC)
EIND = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)


def vul_aan(schrijf=print) -> dict[str, int]:
    from auditlog.models import LogEntry
    from django.db import connection

    from accounts.models import Gebruiker
    from toezicht.models import Signaal

    inspecteur = Gebruiker.objects.get(username="inspectie")
    if Signaal.objects.count() < 150 * SIGNALEN_PER_SWV // 2:
        _signalen(inspecteur)
    if LogEntry.objects.count() < AUDITREGELS:
        _auditlog(AUDITREGELS - LogEntry.objects.count())
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would gather them on a real server.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    uit = {"signalen": Signaal.objects.count(), "auditregels": LogEntry.objects.count()}
    schrijf(", ".join(f"{n} {naam}" for naam, n in uit.items()))
    return uit


def _signalen(inspecteur):
    from demo import bevindingen
    from swv.models import Samenwerkingsverband
    from toezicht.models import Bron, Onderwerp, Signaal, Uitkomst

    nieuw = []
    for swv in Samenwerkingsverband.objects.order_by("code"):
        rng = random.Random(f"bench:{swv.code}:signalen")
        for _ in range(SIGNALEN_PER_SWV):
            ontvangen = bevindingen.tussen(rng, datetime.date(2014, 8, 1), EIND.date())
            onderwerp = rng.choice(list(Onderwerp))
            uitkomst = rng.choices(list(Uitkomst), weights=(5, 3, 2))[0]
            nieuw.append(
                Signaal(
                    swv=swv,
                    vastgelegd_door=inspecteur,
                    bron=rng.choice(list(Bron)),
                    onderwerp=onderwerp,
                    ontvangen_op=ontvangen,
                    afgehandeld_op=None
                    if uitkomst == Uitkomst.NIET_OPGELOST
                    else ontvangen + datetime.timedelta(days=rng.randint(7, 90)),
                    uitkomst=uitkomst,
                    omschrijving=bevindingen.SIGNAALTEKSTEN[onderwerp],
                )
            )
    Signaal.objects.bulk_create(nieuw, batch_size=2000)


def _auditlog(aantal: int):
    """Changes to the SWVs' facts: an update of a fact's date and remark, by its coördinator."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from accounts.models import Gebruiker
    from ondersteuningsplan.models import Feit

    soort = ContentType.objects.get_for_model(Feit).pk
    feiten = list(Feit.objects.values_list("pk", "swv_id", "stap"))
    coordinatoren = dict(
        Gebruiker.objects.filter(username__startswith="coord.").values_list(
            "samenwerkingsverbanden", "pk"
        )
    )
    rng = random.Random("bench:auditlog")
    spanne = (EIND - BEGIN).total_seconds()

    def regels():
        for _ in range(aantal):
            pk, swv_id, stap = rng.choice(feiten)
            wanneer = BEGIN + datetime.timedelta(seconds=rng.random() * spanne)
            wijziging = {
                "opmerking": ["", "Bijgewerkt na overleg"],
                "datum": ["2014-01-01", "2014-02-01"],
            }
            yield (
                soort,
                str(pk),
                pk,
                f"{stap} ({pk})",
                LogEntry.Action.UPDATE,
                json.dumps(wijziging),
                "",
                coordinatoren.get(swv_id),
                wanneer,
                json.dumps({"swv_id": swv_id}),
            )

    kolommen = (
        "content_type_id",
        "object_pk",
        "object_id",
        "object_repr",
        "action",
        "changes",
        "changes_text",
        "actor_id",
        "timestamp",
        "additional_data",
    )
    tabel = LogEntry._meta.db_table
    if connection.vendor == "postgresql":
        opdracht = f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(opdracht) as copy:
            for regel in regels():
                copy.write_row(regel)
        return
    plaatsen = ", ".join(["%s"] * len(kolommen))
    with connection.cursor() as cursor:
        rijen = list(regels())
        for begin in range(0, len(rijen), 50_000):
            cursor.executemany(
                f"INSERT INTO {tabel} ({', '.join(kolommen)}) VALUES ({plaatsen})",
                rijen[begin : begin + 50_000],
            )
