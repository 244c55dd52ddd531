"""A table as the pages show it and the exports write it: built once, so page, CSV and XLSX
cannot disagree (ADR 0021)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class Tabel:
    naam: str  # the export's file name and URL part
    titel: str
    kolommen: list[str]
    #: A list, or a sequence whose rows are computed a page at a time.
    rijen: Sequence = field(default_factory=list)
    #: Columns (by index) that hold numbers, aligned right on the page.
    getallen: frozenset[int] = frozenset()
    #: Places after the decimal comma per column (by index) of decimal figures, so that one
    #: column never mixes 2,5 and 1,84; one where not given (passend.formatting).
    decimalen: Mapping[int, int] = field(default_factory=dict)


def exportwaarde(waarde):
    """A cell as it goes into CSV/XLSX: the same number, the text of a badge (a choice's label),
    an SWV by its code as people write it."""
    weergavecode = getattr(waarde, "weergavecode", None)
    if weergavecode is not None:
        return weergavecode
    label = getattr(waarde, "label", None)
    if isinstance(label, str):
        return label
    return waarde
