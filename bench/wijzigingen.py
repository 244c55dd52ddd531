"""Keeping a copy up to date at the realistic scale (150 SWVs, twelve years of history, a
million audit-log rows; bench/geschiedenis.py): a full copy paged through every list (the
collections of toezicht/api/collecties.py), beside the same copy as one export (ADR 0076) and
reading a day's changes from /wijzigingen (ADR 0075); requests and wall time of each, through
Django's test client in this process. Prints figures; asserts nothing.

    .venv/bin/python bench/wijzigingen.py
"""

import datetime
import os
import time

from omgeving import start_django, zorg_voor_demo


def alles(client, adres, teller):
    rijen = []
    while adres:
        antwoord = client.get(adres)
        teller[0] += 1
        assert antwoord.status_code == 200, (adres, antwoord.status_code)
        rijen += antwoord.json()["resultaten"]
        adres = antwoord.json()["volgende"]
    return rijen


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.api_settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    print(f"database {start_django('bench')}")
    zorg_voor_demo()
    import geschiedenis

    geschiedenis.vul_aan()

    from auditlog.models import LogEntry
    from django.test import Client
    from django.utils import timezone

    from accounts.models import Gebruiker, Rol
    from ondersteuningsplan.models import Feit, Stap
    from ondersteuningsplan.services import registreer_feit
    from passend.api.services import geef_token
    from swv.models import Samenwerkingsverband
    from toezicht.api.collecties import COLLECTIES
    from toezicht.models import Signaal

    systeem, _ = Gebruiker.objects.get_or_create(username="bench-inspectie", rol=Rol.INSPECTIE)
    _, sleutel = geef_token(gebruiker=systeem, naam="bench-wijzigingen")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {sleutel}")
    print(f"{LogEntry.objects.count()} audit-log rows")

    teller, begin = [0], time.perf_counter()
    rijen = 0
    codes = Samenwerkingsverband.objects.order_by("code").values_list("code", flat=True)
    for collectie in COLLECTIES:
        for basis in (
            [f"samenwerkingsverbanden/{code}/" for code in codes] if collectie.per_swv else [""]
        ):
            adres = f"/api/v1/{basis}{collectie.naam}?paginaGrootte=1000"
            rijen += len(alles(api, adres, teller))
    print(
        f"full copy through the lists: {rijen} rows in {teller[0]} requests, "
        f"{time.perf_counter() - begin:.1f} s"
    )

    from toezicht import gegevensexport
    from toezicht.models import Gegevensexport

    begin = time.perf_counter()
    export = gegevensexport.maak(Gegevensexport.objects.create(aangevraagd_door=systeem))
    print(
        f"full copy as one export (the Celery task's work): {export.grootte / 1e6:.1f} MB ZIP, "
        f"{time.perf_counter() - begin:.1f} s; 3 requests (ask, follow, download)"
    )

    # a day's work: a remark added to ten facts, ten signalen saved again
    sinds = timezone.now()
    for feit in Feit.objects.filter(stap=Stap.WERKGROEPEN_INGERICHT).order_by("pk")[:10]:
        registreer_feit(
            swv=feit.swv,
            stap=feit.stap,
            datum=feit.datum,
            ondersteuningsplan=feit.ondersteuningsplan,
            opmerking=f"Nagekeken op {sinds:%d-%m-%Y}.",
            feit=feit,
            door=feit.swv.coordinatoren.first(),
        )
    for signaal in Signaal.objects.order_by("pk")[:10]:
        signaal.save()
    teller, begin = [0], time.perf_counter()
    stamp = sinds.isoformat().replace("+00:00", "Z")
    wijzigingen = alles(api, f"/api/v1/wijzigingen?sinds={stamp}&paginaGrootte=1000", teller)
    duur = time.perf_counter() - begin
    print(
        f"a day's changes from /wijzigingen: {len(wijzigingen)} entries in {teller[0]} requests, {duur * 1000:.0f} ms"
    )
    teller, begin = [0], time.perf_counter()
    gisteren = (timezone.now() - datetime.timedelta(days=1)).isoformat().replace("+00:00", "Z")
    alles(api, f"/api/v1/wijzigingen?sinds={gisteren}&paginaGrootte=1000", teller)
    print(
        f"  again with a day of overlap: {teller[0]} requests, {(time.perf_counter() - begin) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
