"""A table of a dashboard or list as CSV or XLSX, with the numbers the page shows; every download is
recorded in the audit log."""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from accounts.audit import registreer
from passend.tables import Tabel, exportwaarde

FORMATEN = {
    "csv": "text/csv; charset=utf-8",
    "csv-internationaal": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

#: The file name's ending per format.
EXTENSIES = {"csv": "csv", "csv-internationaal": "csv", "xlsx": "xlsx"}


def _nederlands(waarde) -> str:
    """A cell as Dutch Excel reads it: a decimal comma, no thousands separator (Excel would take
    a point for one), dates as dd-mm-jjjj."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float | Decimal):
        return str(waarde).replace(".", ",")
    if isinstance(waarde, datetime.date):
        return f"{waarde:%d-%m-%Y}"
    return str(waarde)


def _internationaal(waarde):
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return waarde


def als_csv(tabel: Tabel, internationaal: bool = False) -> bytes:
    """CSV in UTF-8 with a byte-order mark (so Excel reads the accents). By default as Dutch
    Excel opens it with a double click: `;` between fields, decimal commas, dd-mm-jjjj dates.
    `internationaal`: RFC 4180 with commas, decimal points and ISO dates, for programs."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter="," if internationaal else ";", lineterminator="\r\n")
    cel = _internationaal if internationaal else _nederlands
    schrijver.writerow(tabel.kolommen)
    for rij in tabel.rijen:
        schrijver.writerow([cel(exportwaarde(c)) for c in rij])
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
    if formaat == "xlsx":
        inhoud = als_xlsx(tabel)
    else:
        inhoud = als_csv(tabel, internationaal=formaat == "csv-internationaal")
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
    naam = f"{tabel.naam}-internationaal" if formaat == "csv-internationaal" else tabel.naam
    response["Content-Disposition"] = f'attachment; filename="{naam}.{EXTENSIES[formaat]}"'
    return response
