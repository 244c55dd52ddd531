"""Reading published CSV files as they are: encoding, delimiter and header checks."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path


class ImportGeweigerd(Exception):
    """The file as a whole is wrong (wrong columns, not a CSV); nothing is imported."""


@dataclass
class Importverslag:
    """What an import did, line by line where a line needed a word."""

    bestand: str
    telling: dict[str, int] = field(default_factory=dict)
    meldingen: list[str] = field(default_factory=list)
    #: Lines left out because they are wrong. The command line imports the rest; the import
    #: page applies a file only when this is empty (all or nothing).
    fouten: list[str] = field(default_factory=list)

    def tel(self, wat: str, aantal: int = 1):
        self.telling[wat] = self.telling.get(wat, 0) + aantal

    def meld(self, regel: int | None, tekst: str):
        self.meldingen.append(f"regel {regel}: {tekst}" if regel else tekst)

    def weiger(self, regel: int | None, tekst: str):
        """A line that is not imported because it is wrong: a note, and an error."""
        self.meld(regel, tekst)
        self.fouten.append(self.meldingen[-1])

    @property
    def gewijzigd(self) -> bool:
        """Whether the import changed anything: a second run of the same file says no."""
        return any(
            aantal
            for wat, aantal in self.telling.items()
            if wat.endswith(("aangemaakt", "bijgewerkt", "beëindigd", "verwijderd"))
        )

    def als_dict(self) -> dict:
        return {
            "bestand": self.bestand,
            "telling": dict(self.telling),
            "meldingen": list(self.meldingen),
            "fouten": list(self.fouten),
        }

    def regels(self) -> list[str]:
        lines = [f"Import van {self.bestand}"]
        lines += [f"  {wat}: {aantal}" for wat, aantal in sorted(self.telling.items())]
        if self.meldingen:
            lines.append(f"  {len(self.meldingen)} melding(en):")
            lines += [f"    {m}" for m in self.meldingen]
        return lines


def lees_tekst(pad: Path) -> str:
    """Published files come in UTF-8 (with or without BOM) or, like DUO's, in Windows-1252."""
    try:
        data = pad.read_bytes()
    except OSError as exc:
        raise ImportGeweigerd(f"Het bestand {pad} is niet te lezen: {exc.strerror}.") from exc
    if b"\x00" in data[:4096]:
        raise ImportGeweigerd(f"{pad.name} is geen tekstbestand (CSV).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def lees_csv(
    pad: Path, vereist: set[str], verslag: Importverslag, delimiter: str = ","
) -> list[tuple[int, dict]]:
    """The rows of a CSV as (line number, row), after checking that every required column is
    there. Header names are compared without surrounding spaces and case; a row with another
    number of fields than the header is reported and left out."""
    tekst = lees_tekst(pad)
    reader = csv.reader(io.StringIO(tekst, newline=""), delimiter=delimiter)
    try:
        header = [kolom.strip().lower() for kolom in next(reader)]
    except StopIteration:
        raise ImportGeweigerd(f"{pad.name} is leeg.") from None
    ontbrekend = sorted(vereist - set(header))
    if ontbrekend:
        gevonden = ", ".join(header[:8]) + (" …" if len(header) > 8 else "")
        raise ImportGeweigerd(
            f"{pad.name} heeft niet de verwachte kolommen; ontbrekend: {', '.join(ontbrekend)}. "
            f"Gevonden: {gevonden or 'geen'}. Er is niets ingelezen."
        )
    rows = []
    for waarden in reader:
        regel = reader.line_num
        if not any(w.strip() for w in waarden):
            continue
        if len(waarden) != len(header):
            verslag.weiger(
                regel, f"{len(waarden)} velden in plaats van {len(header)}; overgeslagen"
            )
            continue
        rows.append((regel, dict(zip(header, (w.strip() for w in waarden), strict=True))))
    return rows
