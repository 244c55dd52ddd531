"""A dashboard table as CSV or XLSX, with the numbers the page shows; every download is
recorded in the audit log."""

import csv
import datetime
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from accounts.audit import registreer
from dashboards.tables import Tabel, exportwaarde

FORMATEN = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def als_csv(tabel: Tabel) -> bytes:
    """RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the accents), ISO dates and
    a decimal point: a file for programs first."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, lineterminator="\r\n")
    schrijver.writerow(tabel.kolommen)
    for rij in tabel.rijen:
        schrijver.writerow(["" if (w := exportwaarde(c)) is None else w for c in rij])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def als_xlsx(tabel: Tabel) -> bytes:
    """One sheet, a bold header row, numbers as numbers and dates as dates."""
    boek = Workbook()
    blad = boek.active
    blad.title = tabel.naam[:31]
    blad.append(tabel.kolommen)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in tabel.rijen:
        blad.append([exportwaarde(c) for c in rij])
    for kolom in blad.iter_cols(min_row=2):
        for cel in kolom:
            if isinstance(cel.value, datetime.date):
                cel.number_format = "dd-mm-yyyy"
    blad.freeze_panes = "A2"
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


def antwoord(request, dashboard: str, tabel: Tabel, formaat: str) -> HttpResponse:
    inhoud = als_csv(tabel) if formaat == "csv" else als_xlsx(tabel)
    registreer(
        "export",
        request=request,
        dashboard=dashboard,
        tabel=tabel.naam,
        formaat=formaat,
        filters=request.GET.dict(),
        rijen=len(tabel.rijen),
    )
    response = HttpResponse(inhoud, content_type=FORMATEN[formaat])
    response["Content-Disposition"] = f'attachment; filename="{tabel.naam}.{formaat}"'
    return response
