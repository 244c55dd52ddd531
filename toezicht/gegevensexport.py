"""The whole dataset as one file set for a data team (ADR 0076): per collection of the API its
rows as JSON lines and as CSV, exactly as the API's lists give them to the user who asked, and
a manifest with the number of rows, the size and the SHA-256 of every file, and the feed's
`volgnummer` at the start, from which `/wijzigingen?na=` continues.

The rows are read through the API's own list views in this process (the same querysets,
row-level access and serializers; no throttle, no network), a page of 1,000 at a time."""

import csv
import hashlib
import io
import json
import zipfile
from urllib.parse import urlsplit

from auditlog.models import LogEntry
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils import timezone

from swv.models import Samenwerkingsverband
from toezicht.api.collecties import COLLECTIES
from toezicht.models import Exportstatus, Gegevensexport

PAGINA = 1000


def _verzoek(gebruiker, pagina: int) -> HttpRequest:
    """A request for one page of a list, as `gebruiker`, addressed to the portal's own URL (so
    the links in the rows are the ones the API gives)."""
    adres = urlsplit(settings.PORTAAL_URL)
    verzoek = HttpRequest()
    verzoek.method = "GET"
    verzoek.GET = QueryDict(mutable=True)
    verzoek.GET.update({"pagina": str(pagina), "paginaGrootte": str(PAGINA)})
    # The portal's own address from its settings: trusted, so not checked against ALLOWED_HOSTS
    # as a visitor's Host header is.
    verzoek.get_host = lambda: adres.netloc
    verzoek._get_scheme = lambda: adres.scheme
    verzoek.user = gebruiker
    verzoek._dont_enforce_csrf_checks = True
    return verzoek


def _rijen(view, gebruiker, **kwargs):
    pagina = 1
    while True:
        antwoord = view(_verzoek(gebruiker, pagina), **kwargs).render()
        if antwoord.status_code != 200:
            raise RuntimeError(f"{antwoord.status_code}: {antwoord.content[:500]!r}")
        data = json.loads(antwoord.content)  # as the API writes it: dates, decimals, names
        yield from data["resultaten"]
        if not data["volgende"]:
            return
        pagina += 1


def _cel(waarde):
    if isinstance(waarde, dict | list):
        return json.dumps(waarde, ensure_ascii=False, sort_keys=True)
    return "" if waarde is None else waarde


def _bestanden(naam: str, rijen: list[dict]) -> dict[str, bytes]:
    jsonl = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rijen)
    buffer = io.StringIO()
    kolommen = sorted({k for r in rijen for k in r})
    schrijver = csv.writer(buffer, lineterminator="\r\n")
    schrijver.writerow(kolommen)
    for rij in rijen:
        schrijver.writerow([_cel(rij.get(k)) for k in kolommen])
    return {f"{naam}.jsonl": jsonl.encode(), f"{naam}.csv": buffer.getvalue().encode()}


def maak(export: Gegevensexport) -> Gegevensexport:
    """Builds the file set of `export` as its requester may read the data; records progress as
    it goes (per collection) and the result."""
    gebruiker = export.aangevraagd_door
    volgnummer = LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    Gegevensexport.objects.filter(pk=export.pk).update(
        status=Exportstatus.BEZIG, volgnummer=volgnummer
    )
    codes = list(
        Samenwerkingsverband.objects.for_user(gebruiker)
        .order_by("code")
        .values_list("code", flat=True)
    )
    inhoud, manifest = {}, []
    for i, collectie in enumerate(COLLECTIES, start=1):
        naam, lijst = collectie.naam, collectie.lijst.as_view({"get": "list"}, throttle_classes=[])
        if collectie.per_swv:
            rijen = [
                {"samenwerkingsverband": code, **rij}
                for code in codes
                for rij in _rijen(lijst, gebruiker, code=code)
            ]
        else:
            rijen = list(_rijen(lijst, gebruiker))
        for bestandsnaam, data in _bestanden(naam, rijen).items():
            inhoud[bestandsnaam] = data
            manifest.append(
                {
                    "bestand": bestandsnaam,
                    "collectie": naam,
                    "rijen": len(rijen),
                    "grootte": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
        Gegevensexport.objects.filter(pk=export.pk).update(voortgang=int(90 * i / len(COLLECTIES)))
    gemaakt = timezone.now()
    beschrijving = {
        "gemaaktOp": gemaakt.isoformat(),
        "peildatum": timezone.localdate(gemaakt).isoformat(),
        "volgnummer": volgnummer,
        "verder": f"/api/v1/wijzigingen?na={volgnummer}",
        "bestanden": manifest,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip:
        zip.writestr("manifest.json", json.dumps(beschrijving, ensure_ascii=False, indent=2) + "\n")
        for bestandsnaam, data in inhoud.items():
            zip.writestr(bestandsnaam, data)
    data = buffer.getvalue()
    with transaction.atomic():
        export = Gegevensexport.objects.select_for_update().get(pk=export.pk)
        export.bestand.save(f"{export.pk}.zip", ContentFile(data), save=False)
        export.grootte = len(data)
        export.sha256 = hashlib.sha256(data).hexdigest()
        export.status = Exportstatus.KLAAR
        export.voortgang = 100
        export.klaar_op = timezone.now()
        export.save()
    return export
