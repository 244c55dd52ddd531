"""Reading a PDF the way a person would: its text (pdftotext), its facts (pdfinfo, pdffonts)."""

import subprocess
import tempfile
from pathlib import Path


def _pdf_bestand(pdf: bytes) -> Path:
    bestand = Path(tempfile.mkstemp(suffix=".pdf")[1])
    bestand.write_bytes(pdf)
    return bestand


def tekst(pdf: bytes, layout: bool = True) -> str:
    bestand = _pdf_bestand(pdf)
    try:
        opties = ["-layout"] if layout else []
        uit = subprocess.run(
            ["pdftotext", *opties, str(bestand), "-"], capture_output=True, check=True
        )
        return uit.stdout.decode()
    finally:
        bestand.unlink()


def info(pdf: bytes) -> dict[str, str]:
    bestand = _pdf_bestand(pdf)
    try:
        uit = subprocess.run(["pdfinfo", str(bestand)], capture_output=True, check=True).stdout
        regels = [r.split(":", 1) for r in uit.decode().splitlines() if ":" in r]
        return {k.strip(): v.strip() for k, v in regels}
    finally:
        bestand.unlink()


def fonts(pdf: bytes) -> list[list[str]]:
    bestand = _pdf_bestand(pdf)
    try:
        uit = subprocess.run(["pdffonts", str(bestand)], capture_output=True, check=True).stdout
        return [r.split() for r in uit.decode().splitlines()[2:]]
    finally:
        bestand.unlink()
