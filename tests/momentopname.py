"""Data that is costly to build (the national reference data, the 150-SWV demo) is built once
per test session and kept as a copy of the rows of every table; a test that asks for it gets
those rows put back with PostgreSQL's COPY, which takes a fraction of a second instead of the
seconds (or minutes, on a busy machine) that building it again costs.

The copy is made inside a transaction that is then rolled back, so the test database itself
stays empty for every other test. Putting it back happens inside the test's own transaction
(rolled back after the test) or, for a transactional test, in a transaction of its own that the
test's final flush removes again.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings

#: The demo's "today" in the tests, so that its history does not move with the calendar.
DEMO_VANDAAG = datetime.date(2026, 11, 24)
SNELLE_WACHTWOORDEN = ["django.contrib.auth.hashers.MD5PasswordHasher"]
GEEN_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def zet_mijlpaalschema_terug() -> None:
    """A transactional test ends by emptying every table, also the milestone schedule and the
    risk analysis's first rules that data migrations load; this puts them back where missing."""
    import importlib

    from ondersteuningsplan.models import Mijlpaal
    from toezicht.models import Risicoregel

    if not Mijlpaal.objects.exists():
        # every data migration of the schedule, in order: 0003 gives the new OP its first
        # deadline; without it a transactional test reads a schedule no database has
        importlib.import_module("ondersteuningsplan.migrations.0002_mijlpalen").laad(apps, None)
        importlib.import_module("ondersteuningsplan.migrations.0003_cycli").eerste_termijn(
            apps, None
        )
    if not Risicoregel.objects.exists():
        importlib.import_module("toezicht.migrations.0007_risicoregels").laad_regels(apps, None)


def _tabellen() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


@dataclass(frozen=True)
class Momentopname:
    """The rows of every table of the portal, as COPY text."""

    rijen: dict[str, bytes]

    @classmethod
    def van(cls, bouw: Callable[[], object]) -> "Momentopname":
        """Runs `bouw` in a transaction, copies every table and rolls back. Passwords are
        hashed the tests' fast way and nothing is kept in the cache, as in each test."""
        rijen = {}
        with (
            override_settings(PASSWORD_HASHERS=SNELLE_WACHTWOORDEN, CACHES=GEEN_CACHE),
            transaction.atomic(),
        ):
            zet_mijlpaalschema_terug()  # session fixtures set up before the per-test ones
            bouw()
            with connection.cursor() as cursor:
                for tabel in _tabellen():
                    with cursor.cursor.copy(f'COPY "{tabel}" TO STDOUT') as copy:
                        rijen[tabel] = b"".join(bytes(blok) for blok in copy)
            transaction.set_rollback(True)
        return cls(rijen)

    def zet_terug(self) -> None:
        """Replaces the content of every table by the copy, and moves the id sequences past
        the copied rows so that what the test adds gets fresh ids."""
        modellen = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in self.rijen
        ]
        with transaction.atomic(), connection.cursor() as cursor:
            # Check what the test wrote before now, then defer the foreign keys again (Django
            # makes them DEFERRABLE) so that the tables may be filled in any order. DELETE, not
            # TRUNCATE: on tables that are nearly empty it is many times faster.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            # The rows were copied from a consistent database, every table at once: checking
            # their foreign keys again took 0.8 s of the demo's 1.8 s. As the database's owner
            # (the tests' postgres account), the replica role skips those checks for the copy.
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            eigenaar = cursor.fetchone()[0]
            if eigenaar:
                cursor.execute("SET LOCAL session_replication_role = replica")
            for tabel in self.rijen:
                cursor.execute(f'DELETE FROM "{tabel}"')
            for tabel, data in self.rijen.items():
                if data:
                    with cursor.cursor.copy(f'COPY "{tabel}" FROM STDIN') as copy:
                        copy.write(data)
            if eigenaar:
                cursor.execute("SET LOCAL session_replication_role = origin")
            for sql in connection.ops.sequence_reset_sql(no_style(), modellen):
                cursor.execute(sql)
