"""Every table of every dashboard, built once from the selectors: the page shows it and the
CSV and XLSX exports write it, so they cannot disagree.

A cell holds a plain value (text, number, date, None), a `Status` (shown as a badge, exported as
its label) or a `Samenwerkingsverband` (shown as a link to its page, exported as its code).
"""

import datetime
from dataclasses import dataclass, field

from ondersteuningsplan.models import Status
from rapportage import selectors
from swv import deelname
from swv.models import Samenwerkingsverband
from toezicht.models import Duur, Verzuimsoort


@dataclass
class Tabel:
    naam: str  # the export's file name and URL part
    titel: str
    kolommen: list[str]
    rijen: list[list] = field(default_factory=list)
    #: Columns (by index) that hold numbers, aligned right on the page.
    getallen: frozenset[int] = frozenset()


def exportwaarde(waarde):
    """A cell as it goes into CSV/XLSX: the same number, the text of a badge or link."""
    if isinstance(waarde, Samenwerkingsverband):
        return waarde.weergavecode
    if isinstance(waarde, Status):
        return waarde.label
    return waarde


def _datum(d: datetime.date | None) -> str:
    return f"{d:%d-%m-%Y}" if d else ""


# -- portfolio ---------------------------------------------------------------------------------


def portefeuille(regels: list[selectors.Portefeuilleregel]) -> Tabel:
    tabel = Tabel(
        "portefeuille",
        "Portefeuille, meeste risico eerst",
        [
            "SWV",
            "Naam",
            "Gemist",
            "Risico",
            "Te laat behaald",
            "Volgende mijlpaal",
            "Uiterste datum",
            "Status",
            "Ontbreekt nog",
        ],
        getallen=frozenset({2, 3, 4}),
    )
    for r in regels:
        v = r.volgende
        tabel.rijen.append(
            [
                r.swv,
                r.swv.naam,
                r.gemist,
                r.risico,
                r.te_laat,
                v.mijlpaal.naam if v else "",
                v.deadline if v else None,
                Status(v.status) if v else None,
                "; ".join(v.ontbrekend_labels) if v else "",
            ]
        )
    return tabel


# -- monitor -----------------------------------------------------------------------------------


def monitor(landelijk: selectors.LandelijkeMonitor) -> list[Tabel]:
    tabellen = []
    for groep, regels in landelijk.groepen():
        tabel = Tabel(
            f"monitor-{groep.value}",
            f"{groep.label}: aandeel samenwerkingsverbanden per stap",
            ["Stap", "po (%)", "vo (%)", "po (aantal)", "vo (aantal)"],
            [list(r) for r in regels],
            getallen=frozenset({1, 2, 3, 4}),
        )
        tabellen.append(tabel)
    tabellen.append(
        Tabel(
            "opgericht",
            "Samenwerkingsverbanden opgericht als rechtspersoon",
            ["Sector", "Opgericht", "Totaal"],
            [
                [sector.label, landelijk.opgericht[sector], landelijk.aantallen[sector]]
                for sector in selectors.SECTOREN
            ],
            getallen=frozenset({1, 2}),
        )
    )
    return tabellen


def matrix(m: selectors.Matrix) -> Tabel:
    tabel = Tabel(
        "matrix",
        "Status per samenwerkingsverband en mijlpaal",
        ["SWV", *(mp.naam for mp in m.mijlpalen)],
    )
    for swv, standen in m.rijen:
        tabel.rijen.append([swv, *(Status(s.status) if s and s.status else None for s in standen)])
    return tabel


def achterstanden(regels) -> Tabel:
    tabel = Tabel(
        "achterstanden",
        "Wie is te laat of loopt risico",
        ["SWV", "Naam", "Mijlpaal", "Uiterste datum", "Status", "Ontbreekt"],
    )
    for swv, stand in regels:
        tabel.rijen.append(
            [
                swv,
                swv.naam,
                stand.mijlpaal.naam,
                stand.deadline,
                Status(stand.status),
                "; ".join(stand.ontbrekend_labels),
            ]
        )
    return tabel


# -- pupil figures -----------------------------------------------------------------------------


def _deelnamekolommen(sector: str) -> list[str]:
    maten = list(deelname.TELLERS[sector])
    return [
        *(f"{deelname.LABELS[m]} (%)" for m in maten),
        *(f"{deelname.LABELS[m]}: verschil met vorige teldatum (procentpunt)" for m in maten),
        *(f"{deelname.LABELS[m]}: verschil met eerste teldatum (procentpunt)" for m in maten),
    ]


def _deelnamecellen(sector: str, r: selectors.Deelnameregel) -> list:
    maten = list(deelname.TELLERS[sector])
    return [
        *(r.percentages[m] for m in maten),
        *(r.t_o_v_vorige[m] for m in maten),
        *(r.t_o_v_eerste[m] for m in maten),
    ]


def deelname_landelijk(sector: str, regels: list[selectors.Deelnameregel]) -> Tabel:
    kolommen = ["Teldatum", "Leerlingen in de basis", *_deelnamekolommen(sector)]
    return Tabel(
        f"deelname-landelijk-{sector.lower()}",
        f"Deelnamepercentages {sector.lower()} landelijk per teldatum",
        kolommen,
        [[r.teldatum, r.basis, *_deelnamecellen(sector, r)] for r in regels],
        getallen=frozenset(range(1, len(kolommen))),
    )


def deelname_per_swv(
    sector: str, per_swv: dict[int, list[selectors.Deelnameregel]], teldatum: datetime.date
) -> Tabel:
    kolommen = [
        "SWV",
        "Leerlingen in de basis",
        *_deelnamekolommen(sector),
        "Verevening",
        "Verschil zware ondersteuning met landelijk (procentpunt)",
    ]
    tabel = Tabel(
        f"deelname-swv-{sector.lower()}",
        f"Deelnamepercentages {sector.lower()} per samenwerkingsverband op {_datum(teldatum)}",
        kolommen,
        getallen=frozenset(range(1, len(kolommen) - 2)) | {len(kolommen) - 1},
    )
    for regels in per_swv.values():
        r = next((r for r in regels if r.teldatum == teldatum), None)
        if r is None:
            continue
        tabel.rijen.append(
            [
                r.swv,
                r.basis,
                *_deelnamecellen(sector, r),
                r.verevening.richting if r.verevening else None,
                round(r.verevening.verschil, 2) if r.verevening else None,
            ]
        )
    return tabel


# -- thuiszitters ------------------------------------------------------------------------------


def _thuiszitterkolommen() -> list[str]:
    return [
        "Totaal",
        *(Verzuimsoort(s).label for s in Verzuimsoort.values),
        *(Duur(d).label for d in Duur.values),
        "Met aanbod",
        "Zonder aanbod",
        "3 maanden of langer zonder aanbod",
    ]


def _thuiszittercellen(r: selectors.Thuiszitterregel) -> list:
    return [
        r.totaal,
        *(r.per_soort[s] for s in Verzuimsoort.values),
        *(r.per_duur[d] for d in Duur.values),
        r.met_aanbod,
        r.zonder_aanbod,
        r.lang_zonder_aanbod,
    ]


def thuiszitters_landelijk(regels: list[selectors.Thuiszitterregel], wie: str) -> Tabel:
    kolommen = ["Periode van", "Periode tot en met", *_thuiszitterkolommen(), "Verschil totaal"]
    return Tabel(
        "thuiszitters-perioden",
        f"Thuiszitters {wie} per periode",
        kolommen,
        [
            [r.periode_van, r.periode_tot, *_thuiszittercellen(r), r.verschil]
            for r in reversed(regels)
        ],
        getallen=frozenset(range(2, len(kolommen))),
    )


def thuiszitters_per_swv(regels: list[selectors.Thuiszitterregel], van: datetime.date) -> Tabel:
    kolommen = ["SWV", *_thuiszitterkolommen()]
    return Tabel(
        "thuiszitters-swv",
        f"Thuiszitters per samenwerkingsverband in de periode vanaf {_datum(van)}",
        kolommen,
        [[r.swv, *_thuiszittercellen(r)] for r in regels],
        getallen=frozenset(range(1, len(kolommen))),
    )
