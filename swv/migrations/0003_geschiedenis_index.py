"""An index for an SWV's history page: the audit log filtered on the SWV in `additional_data`
(`swv.selectors.geschiedenis`), newest first. Without it PostgreSQL scans the whole audit log,
about a second at a million rows (bench/README.md); with it half a millisecond. PostgreSQL
only: the embedded default's SQLite log stays small, and django-auditlog's own model cannot
declare the expression index."""

from django.db import migrations

NAAM = "swv_geschiedenis_swv_tijd"


def maak(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAAM} ON auditlog_logentry "
            "((additional_data -> 'swv_id'), timestamp DESC, id DESC)"
        )


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAAM}")


class Migration(migrations.Migration):
    dependencies = [
        ("swv", "0002_invoer_bewaakt"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(maak, verwijder, elidable=False)]
