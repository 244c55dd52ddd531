"""The report's charts, drawn by the dashboards' chart module (`passend.charts`) so that
page and PDF show the same drawing, but from the report's own stored numbers (`cijfers`), so
that a published report's charts are those of the day it was made."""

import datetime

from passend.charts import Grafiek, lijndiagram, staafdiagram

GROEPEN = {
    "bestuur": "Bestuurlijke inrichting",
    "ondersteuningsplan": "Ondersteuningsplan",
    "overleg": "Overleg en instemming",
}
TOTALEN = ("so", "vso")


def _d(iso: str) -> str:
    return f"{datetime.date.fromisoformat(iso):%d-%m-%Y}"


def monitor(cijfers: dict) -> dict[str, Grafiek]:
    """Per group of steps, the share of SWVs per sector that passed each step, as the
    dashboard's monitor draws it."""
    datum = _d(cijfers["peildatum"])
    uit = {}
    for groep, label in GROEPEN.items():
        stappen = [
            s
            for s in cijfers["per_sector"][cijfers["sectoren"][0]]["monitor"]["stappen"]
            if s["groep"] == groep
        ]
        reeksen = {
            sector.lower(): [
                next(
                    x["percentage"]
                    for x in cijfers["per_sector"][sector]["monitor"]["stappen"]
                    if x["stap"] == s["stap"]
                )
                for s in stappen
            ]
            for sector in cijfers["sectoren"]
        }
        uit[groep] = staafdiagram(
            f"{label}: aandeel samenwerkingsverbanden per stap op {datum}",
            [s["label"] for s in stappen],
            reeksen,
            maximum=100,
            id=f"monitor-{groep}",
            kolomtitel="Stap",
        )
    return uit


def deelname(sector: str, reeks: list[dict], maten: list[list[str]], wie: str) -> Grafiek | None:
    if not reeks:
        return None
    return lijndiagram(
        f"Deelnamepercentages {sector.lower()} {wie} per teldatum",
        [_d(r["teldatum"]) for r in reeks],
        {
            label: [r["percentages"][maat] for r in reeks]
            for maat, label in maten
            if maat not in TOTALEN
        },
        eenheid="%",
        id=f"deelname-{sector.lower()}-{wie.replace(' ', '-').lower()}",
        kolomtitel="Teldatum",
    )


def thuiszitters(perioden: list[dict], wie: str) -> Grafiek | None:
    if len(perioden) < 2:
        return None
    return lijndiagram(
        f"Thuiszitters {wie} per periode",
        [f"{datetime.date.fromisoformat(p['van']):%m-%Y}" for p in perioden],
        {
            # A round not every SWV submitted yet stands apart, as on the dashboard.
            "totaal": [None if p.get("voorlopig") else p["totaal"] for p in perioden],
            "totaal, voorlopig": [p["totaal"] if p.get("voorlopig") else None for p in perioden],
            "absoluut verzuim": [p["per_soort"]["absoluut"] for p in perioden],
            "relatief verzuim": [p["per_soort"]["relatief"] for p in perioden],
            "vrijstelling": [p["per_soort"]["vrijstelling"] for p in perioden],
            "3 maanden of langer zonder aanbod": [p["lang_zonder_aanbod"] for p in perioden],
        },
        id="grafiek-thuiszitters",
        kolomtitel="Periode",
    )


def voor_rapport(cijfers: dict) -> dict:
    if cijfers["soort"] == "swv":
        swv = cijfers["swv"]
        return {
            "deelname": deelname(
                swv["sector"], cijfers["deelname"], cijfers["maten"], swv["weergavecode"]
            ),
            "thuiszitters": thuiszitters(cijfers["thuiszitters"], swv["weergavecode"]),
        }
    uit = monitor(cijfers)
    for sector in cijfers["sectoren"]:
        gegevens = cijfers["per_sector"][sector]
        uit[f"deelname_{sector}"] = deelname(
            sector, gegevens["deelname"], gegevens["maten"], "landelijk"
        )
    uit["thuiszitters"] = thuiszitters(cijfers["thuiszitters"], "landelijk")
    return uit
