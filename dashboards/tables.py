"""Every table of every dashboard, built once from the selectors: the page shows it and the
CSV and XLSX exports write it, so they cannot disagree.

A cell holds a plain value (text, number, date, None), a `Status` (shown as a badge, exported as
its label) or a `Samenwerkingsverband` (shown as a link to its page, exported as its code).
"""

import datetime
import functools

from dashboards import selectors, vergelijking
from ondersteuningsplan import toelichtingen
from ondersteuningsplan.geschillen import Soorttelling
from ondersteuningsplan.models import Status
from ondersteuningsplan.werkagenda import Sectorstand
from passend import formatting
from passend.tables import Tabel
from swv import deelname
from swv.models import Schoolsoort
from toezicht import selectors as toezicht_selectors
from toezicht.models import Duur, Schorsingsduur, Verzuimsoort


def _datum(d: datetime.date | None) -> str:
    return formatting.datum(d)


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
            "Zonder toelichting",
            "Volgende mijlpaal",
            "Uiterste datum",
            "Status",
            "Ontbreekt nog",
            "Huidige OP-cyclus",
            "Vorige OP-cyclus",
        ],
        getallen=frozenset({2, 3, 4, 5}),
    )
    for r in regels:
        v, c = r.volgende, r.cyclus
        tabel.rijen.append(
            [
                r.swv,
                r.swv.naam,
                r.gemist,
                r.risico,
                r.te_laat,
                r.zonder_toelichting,
                v.mijlpaal.naam if v else "",
                v.deadline if v else None,
                Status(v.status) if v else None,
                "; ".join(v.ontbrekend_labels) if v else "",
                cyclustekst(c.cyclus if c else None),
                cyclustekst(c.vorige_cyclus if c else None),
            ]
        )
    return tabel


def cyclustekst(cyclus) -> str:
    """An OP cycle in a cell: "2022-2026: te laat behaald (10 maanden)"."""
    return f"{cyclus.naam}: {cyclus.uitkomst}" if cyclus else ""


# -- monitor -----------------------------------------------------------------------------------


def monitor(
    landelijk: selectors.LandelijkeMonitor,
    groep: selectors.LandelijkeMonitor | None = None,
    groepsnaam: str = "",
    toen: selectors.LandelijkeMonitor | None = None,
) -> list[Tabel]:
    """The national shares per step; with a group, its shares and counts beside them; with
    `toen`, the national shares on that other peildatum beside today's."""
    tabellen = []
    extra = [f"po {groepsnaam} (%)", f"vo {groepsnaam} (%)"] if groep else []
    extra_aantal = [f"po {groepsnaam} (aantal)", f"vo {groepsnaam} (aantal)"] if groep else []
    if toen:
        extra += [f"po op {_datum(toen.peildatum)} (%)", f"vo op {_datum(toen.peildatum)} (%)"]
    groepsregels = dict(groep.groepen()) if groep else {}
    toenregels = dict(toen.groepen()) if toen else {}
    for stapgroep, regels in landelijk.groepen():
        rijen = []
        for i, r in enumerate(regels):
            g = groepsregels[stapgroep][i] if groep else ()
            t = toenregels[stapgroep][i] if toen else ()
            rijen.append([*r[:3], *g[1:3], *t[1:3], *r[3:], *g[3:]])
        tabel = Tabel(
            f"monitor-{stapgroep.value}",
            f"{stapgroep.label}: aandeel samenwerkingsverbanden per stap",
            ["Stap", "po (%)", "vo (%)", *extra, "po (aantal)", "vo (aantal)", *extra_aantal],
            rijen,
            getallen=frozenset(range(1, 5 + len(extra) + len(extra_aantal))),
        )
        tabellen.append(tabel)
    tabellen.append(
        Tabel(
            "opgericht",
            "Samenwerkingsverbanden opgericht als rechtspersoon",
            ["Sector", "Opgericht", "Totaal"]
            + ([f"Opgericht in {groepsnaam}", f"Totaal in {groepsnaam}"] if groep else []),
            [
                [sector.label, landelijk.opgericht[sector], landelijk.aantallen[sector]]
                + ([groep.opgericht[sector], groep.aantallen[sector]] if groep else [])
                for sector in selectors.SECTOREN
            ],
            getallen=frozenset({1, 2, 3, 4}),
        )
    )
    return tabellen


def werkagenda(standen: list[Sectorstand]) -> Tabel:
    return Tabel(
        "werkagenda",
        "Werkagenda en subsidie voor samenwerkingsverbanden in oprichting (2012)",
        [
            "Sector",
            "Met werkagenda",
            "Subsidie aangevraagd",
            "Subsidie toegekend",
            "Toegekend bedrag (€)",
            "Totaal",
        ],
        [
            [
                s.label,
                s.met_werkagenda,
                s.aangevraagd,
                s.toegekend,
                s.bedrag_toegekend,
                s.swvs,
            ]
            for s in standen
        ],
        getallen=frozenset({1, 2, 3, 4, 5}),
        decimalen={4: 0},
    )


def geschillen(tellingen: list[Soorttelling]) -> Tabel:
    return Tabel(
        "geschillen",
        "Geschillen per soort",
        [
            "Soort",
            "Open, nog niet voorgelegd",
            "Open, voorgelegd",
            "Beslecht",
            "Totaal",
        ],
        [
            [t.soort.label, t.nog_niet_voorgelegd, t.voorgelegd, t.beslecht, t.totaal]
            for t in tellingen
        ]
        + [
            [
                "Alle soorten",
                sum(t.nog_niet_voorgelegd for t in tellingen),
                sum(t.voorgelegd for t in tellingen),
                sum(t.beslecht for t in tellingen),
                sum(t.totaal for t in tellingen),
            ]
        ],
        getallen=frozenset({1, 2, 3, 4}),
    )


def matrix(m: selectors.Matrix) -> Tabel:
    """A recurring milestone (a new OP) shows its current cycle; a column beside the statuses
    holds the previous cycle's outcome, which the status of the current one would hide."""
    cyclisch = [i for i, mp in enumerate(m.mijlpalen) if mp.herhaling_jaren]

    def rij(r):
        cellen = [Status(s.status) if s and s.status else None for s in r[1]]
        vorige = [cyclustekst(r[1][i].vorige_cyclus if r[1][i] else None) for i in cyclisch]
        return [r[0], *cellen, *vorige]

    return Tabel(
        "matrix",
        "Status per samenwerkingsverband en mijlpaal",
        [
            "SWV",
            *(
                f"{mp.naam} (huidige OP-cyclus)" if mp.herhaling_jaren else mp.naam
                for mp in m.mijlpalen
            ),
            *(f"{m.mijlpalen[i].naam}: vorige OP-cyclus" for i in cyclisch),
        ],
        m.rijen.map(rij),
    )


def achterstanden(regels: selectors.Reeks, uitleg=dict) -> Tabel:
    """Who is late, with the SWV's own explanation of each row, or that there is none yet
    (ADR 0082). `uitleg` gives the explanations by `toelichtingen.sleutel`; it is called once,
    when the first row is read, so a page or export that does not show the list does not pay
    for it."""
    gelezen = functools.cache(uitleg)

    def toelichting(swv, stand) -> str:
        t = gelezen().get(toelichtingen.sleutel(swv.pk, stand))
        if t is None:
            return "Nog geen toelichting"
        verwacht = f" (verwacht behaald op {_datum(t.verwacht_op)})" if t.verwacht_op else ""
        return f"{t.tekst}{verwacht}"

    return Tabel(
        "achterstanden",
        "Wie is te laat of loopt risico",
        ["SWV", "Naam", "Mijlpaal", "Uiterste datum", "Status", "Ontbreekt", "Toelichting"],
        regels.map(
            lambda regel: [
                regel[0],
                regel[0].naam,
                (
                    f"{regel[1].mijlpaal.naam} (OP-cyclus {regel[1].cyclus.naam})"
                    if regel[1].cyclus
                    else regel[1].mijlpaal.naam
                ),
                regel[1].deadline,
                Status(regel[1].status),
                "; ".join(regel[1].ontbrekend_labels),
                toelichting(*regel),
            ]
        ),
    )


# -- pupil figures -----------------------------------------------------------------------------


KORT = {
    "sbo": "sbo",
    "so_cl1": "so cl. 1",
    "so_cl2": "so cl. 2",
    "so_cl34": "so cl. 3+4",
    "so": "so",
    "lwoo": "lwoo",
    "pro": "pro",
    "vso_cl1": "vso cl. 1",
    "vso_cl2": "vso cl. 2",
    "vso_cl34": "vso cl. 3+4",
    "vso": "vso",
}
#: The three views of a deelname series: the percentages, and their change in percentage
#: points against the previous and against the first teldatum.
WEERGAVEN = {
    "percentages": ("deelnamepercentages (%)", "percentages"),
    "vorige": ("verschil met de vorige teldatum (procentpunt)", "t_o_v_vorige"),
    "eerste": ("verschil met de eerste teldatum (procentpunt)", "t_o_v_eerste"),
}


def deelname_landelijk(
    sector: str,
    regels: list[selectors.Deelnameregel],
    wie: str = "Landelijk",
    naam: str = "landelijk",
) -> list[Tabel]:
    """Three tables per sector (or for one SWV, or a group): percentages per teldatum, and the
    two kinds of change."""
    maten = list(deelname.TELLERS[sector])
    tabellen = []
    for weergave, (titel, veld) in WEERGAVEN.items():
        basis = ["Leerlingen in de basis"] if weergave == "percentages" else []
        kolommen = ["Teldatum", *basis, *(KORT[m] for m in maten)]
        tabellen.append(
            Tabel(
                f"deelname-{naam}-{weergave}-{sector.lower()}",
                f"{wie}, {sector.lower()}: {titel}",
                kolommen,
                [
                    [
                        r.teldatum,
                        *([r.basis] if basis else []),
                        *(getattr(r, veld)[m] for m in maten),
                    ]
                    for r in reversed(regels)
                ],
                getallen=frozenset(range(1, len(kolommen))),
                decimalen=dict.fromkeys(range(1, len(kolommen)), 2),
            )
        )
    return tabellen


def deelname_per_swv(
    sector: str,
    per_swv: dict[int, list[selectors.Deelnameregel]],
    teldatum: datetime.date,
    uitleg: dict[int, str] | None = None,
) -> list[Tabel]:
    """Three tables per sector for one teldatum; the percentages with verevening and the SWV's
    explanation of that teldatum (ADR 0086)."""
    uitleg = uitleg or {}
    maten = list(deelname.TELLERS[sector])
    op_teldatum = [r for regels in per_swv.values() for r in regels if r.teldatum == teldatum]
    tabellen = []
    for weergave, (titel, veld) in WEERGAVEN.items():
        extra = weergave == "percentages"
        kolommen = [
            "SWV",
            *(["Leerlingen in de basis"] if extra else []),
            *(KORT[m] for m in maten),
            *(
                [
                    "Verevening",
                    "Zware ondersteuning t.o.v. landelijk (procentpunt)",
                    "Toelichting van het SWV",
                ]
                if extra
                else []
            ),
        ]
        getallen = frozenset(range(1, len(kolommen) - (3 if extra else 0))) | (
            {len(kolommen) - 2} if extra else frozenset()
        )
        tabel = Tabel(
            f"deelname-swv-{weergave}-{sector.lower()}",
            f"Per samenwerkingsverband, {sector.lower()}, {_datum(teldatum)}: {titel}",
            kolommen,
            getallen=frozenset(getallen),
            decimalen=dict.fromkeys(getallen, 2),
        )
        for r in op_teldatum:
            rij = [r.swv, *([r.basis] if extra else []), *(getattr(r, veld)[m] for m in maten)]
            if extra:
                rij += [
                    r.verevening.richting if r.verevening else None,
                    round(r.verevening.verschil, 2) if r.verevening else None,
                    uitleg.get(r.swv.pk, ""),
                ]
            tabel.rijen.append(rij)
        tabellen.append(tabel)
    return tabellen


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


def thuiszitters_landelijk(
    regels: list[selectors.Thuiszitterregel], wie: str, naam: str = "thuiszitters-perioden"
) -> Tabel:
    kolommen = [
        "Periode van",
        "Periode tot en met",
        "Stand",
        *_thuiszitterkolommen(),
        "Verschil totaal (dezelfde SWV's)",
        "Vergeleken SWV's",
    ]
    return Tabel(
        naam,
        f"Thuiszitters {wie} per periode",
        kolommen,
        [
            [
                r.periode_van,
                r.periode_tot,
                r.stand,
                *_thuiszittercellen(r),
                r.verschil,
                r.vergeleken if r.verschil is not None else None,
            ]
            for r in reversed(regels)
        ],
        getallen=frozenset(range(3, len(kolommen))),
    )


def schorsingen(
    regels: list[toezicht_selectors.Schorsingsregel], rondes: int, wie: str = ""
) -> Tabel:
    soorten = [s for s in Schoolsoort if any(s in r.per_soort for r in regels)]
    kolommen = [
        "Periode van",
        "Periode tot en met",
        "Samenwerkingsverbanden",
        *(Schorsingsduur(d).label for d in Schorsingsduur.values),
        *(s.label for s in soorten),
        "Totaal",
    ]
    return Tabel(
        "schorsingen-perioden",
        f"Schorsingen van meer dan één dag{f' {wie}' if wie else ''} per periode, de laatste "
        f"{rondes} rondes",
        kolommen,
        [
            [
                r.periode_van,
                r.periode_tot,
                r.swvs,
                *(r.per_duur.get(d, 0) for d in Schorsingsduur.values),
                *(r.per_soort.get(s, 0) for s in soorten),
                r.totaal,
            ]
            for r in reversed(regels)
        ],
        getallen=frozenset(range(2, len(kolommen))),
    )


def thuiszitters_per_swv(
    regels: list[selectors.Thuiszitterregel],
    van: datetime.date,
    uitleg: dict[int, str] | None = None,
) -> Tabel:
    """Each SWV's counts in one period, with its explanation of the round (ADR 0086)."""
    uitleg = uitleg or {}
    kolommen = ["SWV", *_thuiszitterkolommen(), "Toelichting van het SWV"]
    return Tabel(
        "thuiszitters-swv",
        f"Thuiszitters per samenwerkingsverband in de periode vanaf {_datum(van)}",
        kolommen,
        [[r.swv, *_thuiszittercellen(r), uitleg.get(r.swv.pk, "")] for r in regels],
        getallen=frozenset(range(1, len(kolommen) - 1)),
    )


def deelnamevergelijking(v: vergelijking.Deelnamevergelijking) -> list[Tabel]:
    """One SWV's participation beside its comparisons: every measure on the last teldatum, and
    the heavy-support share with verevening per teldatum."""
    if v.teldatum is None:
        return []
    sector = v.swv.sector
    namen = [x.naam for x in v.vergelijkingen]
    eigen = v.eigen[v.teldatum]
    anderen = [x.reeks.get(v.teldatum) for x in v.vergelijkingen]
    kolommen = ["Maat", v.swv.weergavecode, *namen]
    rijen = [["Leerlingen in de basis", eigen.basis, *(d.basis if d else None for d in anderen)]]
    for maat in deelname.TELLERS[sector]:
        rijen.append(
            [
                f"{deelname.LABELS[maat]} (%)",
                selectors.afgerond(eigen.percentages[maat], 2),
                *(selectors.afgerond(d.percentages[maat], 2) if d else None for d in anderen),
            ]
        )
    getallen = frozenset(range(1, len(kolommen)))
    op_teldatum = Tabel(
        "deelname-vergeleken",
        f"{v.swv.weergavecode} en zijn vergelijkingen op {formatting.datum_lang(v.teldatum)}",
        kolommen,
        rijen,
        getallen=getallen,
        decimalen=dict.fromkeys(getallen, 2),
    )
    zwaar = deelname.LABELS[deelname.ZWAAR[sector]]
    kolommen = [
        "Teldatum",
        v.swv.weergavecode,
        *namen,
        "Verschil met landelijk (procentpunt)",
        "Verevening",
    ]
    rijen = []
    for t in reversed(v.teldata):
        verevening = v.verevening(t)
        rijen.append(
            [
                t,
                selectors.afgerond(v.eigen[t].zwaar, 2),
                *(
                    selectors.afgerond(x.reeks[t].zwaar, 2) if t in x.reeks else None
                    for x in v.vergelijkingen
                ),
                round(verevening.verschil, 2) if verevening else None,
                verevening.label if verevening else "",
            ]
        )
    getallen = frozenset(range(1, len(kolommen) - 1))
    per_teldatum = Tabel(
        "zware-ondersteuning",
        f"Deelname aan {zwaar} (%) per teldatum, met de verevening",
        kolommen,
        rijen,
        getallen=getallen,
        decimalen=dict.fromkeys(getallen, 2),
    )
    return [op_teldatum, per_teldatum]
