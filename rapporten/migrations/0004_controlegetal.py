"""The content hash of a report's numbers (ADR 0087), also for the reports made before it: a
published report stays as it was, and its numbers get the hash they always had."""

import hashlib
import json

from django.db import migrations, models


def _hash(cijfers) -> str:
    # the same canonical JSON as rapporten.reproductie.inhoudshash, written out here so that
    # this migration keeps its meaning when that module changes
    tekst = json.dumps(
        cijfers, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(tekst.encode()).hexdigest()


def vul(apps, schema_editor):
    Rapport = apps.get_model("rapporten", "Rapport")
    for pk, cijfers in Rapport.objects.filter(cijfers__isnull=False).values_list("pk", "cijfers"):
        # update(): a published report refuses save() (ADR 0041); its numbers do not change
        Rapport.objects.filter(pk=pk).update(inhoudshash=_hash(cijfers))


class Migration(migrations.Migration):
    dependencies = [
        ("rapporten", "0003_rapport_van_een_groep"),
    ]

    operations = [
        migrations.AddField(
            model_name="rapport",
            name="inhoudshash",
            field=models.CharField(
                blank=True,
                help_text="SHA-256 van de cijfers in canonieke JSON (ADR 0087).",
                max_length=64,
                verbose_name="controlegetal",
            ),
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
