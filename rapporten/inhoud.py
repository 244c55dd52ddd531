"""The numbers a voortgangsrapportage is built from, as plain JSON-safe data.

`verzamel` reads everything a variant shows in a fixed number of queries (whatever the number of
SWVs) and returns dicts, lists, strings and numbers only. The PDF is rendered from this data and
nothing else, and a published report stores it beside its PDF, so the figures a report was built
from stay known when facts are corrected later.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from dashboards import vergelijking
from ondersteuningsplan import geschillen, toelichtingen, werkagenda
from ondersteuningsplan import selectors as op_selectors
from ondersteuningsplan.models import Feit, Mijlpaal, Status
from ondersteuningsplan.stappen import Groep, Stap
from passend import formatting
from rapporten.reproductie import schemaversie
from swv import deelname
from swv.models import Document, Groepering, Samenwerkingsverband, Sector
from swv.selectors import groepsleden
from toezicht import selectors as toezicht_selectors
from toezicht.models import Duur, Verzuimsoort

SECTOREN = (Sector.PO, Sector.VO)
STATUSSEN = [(s.value, s.label) for s in Status]


def _iso(datum: datetime.date | None) -> str | None:
    return datum.isoformat() if datum else None


def _monitor(peildatum, sector, swv_ids=None) -> dict:
    m = op_selectors.monitor(peildatum, sector, swv_ids)
    return {
        "aantal_swvs": m.aantal_swvs,
        "opgericht": m.aantal_opgericht,
        "stappen": [
            {
                "stap": c.stap.value,
                "label": c.stap.label,
                "groep": c.groep.value,
                "aantal": c.aantal,
                "percentage": c.percentage,
            }
            for c in m.stappen
        ],
    }


def _stand(stand) -> dict:
    return {
        "mijlpaal": stand.mijlpaal.naam,
        "code": stand.mijlpaal.code,
        "deadline": _iso(stand.deadline),
        "status": stand.status.value if stand.status else None,
        "status_label": stand.status.label if stand.status else "n.v.t.",
        "behaald_op": _iso(stand.behaald_op),
        "ontbrekend": stand.ontbrekend_labels,
        "cycli": [
            {
                "nummer": c.nummer,
                "naam": c.naam,
                "deadline": _iso(c.deadline),
                "behaald_op": _iso(c.behaald_op),
                "status": c.status.value,
                "dagen_te_laat": c.dagen_te_laat,
                "uitkomst": c.uitkomst,
            }
            for c in stand.cycli
        ],
    }


def _deelname_reeks(reeks: dict, peildatum) -> list[dict]:
    """Per teldatum on or before the peildatum, oldest first: percentages and the change since
    the previous teldatum."""
    uit, vorige = [], None
    for teldatum in sorted(d for d in reeks if d <= peildatum):
        d = reeks[teldatum]
        percentages = {
            m: (round(p, 2) if p is not None else None) for m, p in d.percentages.items()
        }
        verschil = (
            {
                m: (
                    round(p - vorige[m], 2) if p is not None and vorige.get(m) is not None else None
                )
                for m, p in percentages.items()
            }
            if vorige
            else {}
        )
        uit.append(
            {
                "teldatum": teldatum.isoformat(),
                "basis": d.basis,
                "percentages": percentages,
                "verschil": verschil,
            }
        )
        vorige = percentages
    return uit


def _maten(sector) -> list[list[str]]:
    return [[m, deelname.LABELS[m]] for m in deelname.TELLERS[sector]]


def _thuiszitters(swvs, peildatum, groepering=None) -> list[dict]:
    """The rounds that ended on or before the peildatum, from the one source of the thuiszitter
    figures (`toezicht.selectors.rondecijfers`), with how many SWVs each holds; of a group, each
    round over its members of that round."""
    uit = []
    for r in toezicht_selectors.rondecijfers(
        swvs, peildatum + datetime.timedelta(days=1), groepering=groepering
    ):
        p = r.cijfers
        uit.append(
            {
                "van": p.periode_van.isoformat(),
                "tot": p.periode_tot.isoformat(),
                "totaal": p.totaal,
                "per_soort": p.per_soort(),
                "per_duur": p.per_duur(),
                "met_aanbod": p.met_aanbod,
                "zonder_aanbod": p.zonder_aanbod,
                "lang_zonder_aanbod": p.lang_zonder_aanbod,
                "ingediend": r.ingediend,
                "verwacht": r.verwacht,
                "voorlopig": r.voorlopig,
                "verschil": r.verschil,
                "vergeleken": r.vergeleken,
            }
        )
    return uit


def _schorsingen(swvs, peildatum, groepering=None) -> list[dict]:
    """The suspensions per period that ended on or before the peildatum (ADR 0078)."""
    return [
        {
            "van": r.periode_van.isoformat(),
            "tot": r.periode_tot.isoformat(),
            "swvs": r.swvs,
            "per_duur": r.per_duur,
            "totaal": r.totaal,
        }
        for r in toezicht_selectors.schorsingen_per_periode(
            swvs, tot=peildatum + datetime.timedelta(days=1), groepering=groepering
        )
    ]


def _swv(swv) -> dict:
    return {
        "id": swv.pk,
        "code": swv.code,
        "weergavecode": swv.weergavecode,
        "naam": swv.naam,
        "sector": swv.sector,
        "experiment": swv.experiment,
    }


def labels() -> dict:
    """The fixed texts the template needs beside the numbers."""
    return {
        "statussen": STATUSSEN,
        "soorten": [[s.value, s.label] for s in Verzuimsoort],
        "duren": [[d.value, d.label] for d in Duur],
        "groepen": [[g.value, g.label] for g in Groep],
        "sectoren": [[s.value, s.label] for s in Sector],
    }


RANGTELWOORDEN = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende")


def cyclusnaam(nummer: int) -> str:
    """ "Eerste plan", "tweede plan": the OP cycles by number, as the law counts them."""
    woord = RANGTELWOORDEN[nummer - 1] if nummer <= len(RANGTELWOORDEN) else f"{nummer}e"
    return f"{woord.capitalize()} plan"


def verzamel(
    soort: str, peildatum: datetime.date, sector: str = "", swv=None, groepering=None
) -> dict:
    """The report's numbers, with the version of the milestone schedule they were computed
    with (ADR 0087)."""
    if soort == "swv":
        cijfers = _swv_rapport(swv, peildatum)
    else:
        sectoren = [sector] if sector else list(SECTOREN)
        cijfers = _landelijk_rapport(soort, peildatum, sectoren, groepering)
    return {**cijfers, "schema": schemaversie()}


def _groepen(swvs, stapdata, standen, peildatum) -> list[dict]:
    """Each group of SWVs with members on the peildatum, after all SWVs of the report: how many
    are founded, have adopted a plan and sent it, and have missed a milestone (ADR 0080). From
    the figures the report computed already, plus one query per group."""

    def cijfers(naam, ids) -> dict:
        def met(stap):
            return sum(
                1 for i in ids if stap in (stapdata.get(i) or op_selectors.Stapdata()).eerste
            )

        gemist = sum(1 for i in ids if any(Status.GEMIST in s.statussen for s in standen[i]))
        aantal = len(ids)
        regel = {"naam": naam, "swvs": aantal, "gemist": gemist}
        for sleutel, stap in (
            ("opgericht", Stap.RECHTSPERSOON_OPGERICHT),
            ("op_vastgesteld", Stap.OP_VASTGESTELD),
            ("op_inspectie", Stap.OP_AANGEBODEN_INSPECTIE),
        ):
            regel[sleutel] = met(stap)
        for sleutel in ("opgericht", "op_vastgesteld", "op_inspectie", "gemist"):
            regel[f"{sleutel}_pct"] = round(100 * regel[sleutel] / aantal, 1) if aantal else None
        return regel

    alle = [swv.pk for swv in swvs]
    regels = [cijfers("Alle samenwerkingsverbanden", alle)]
    for groep in Groepering.objects.order_by("naam"):
        ids = [i for i in groepsleden(groep, peildatum) if i in standen]
        if ids:
            regels.append(cijfers(groep.naam, ids))
    return regels


def _landelijk_rapport(soort, peildatum, sectoren, groepering=None) -> dict:
    """The national report, or a sector's; with a group, the report of its members on the
    peildatum (every chapter over them, the series of pupils and thuiszitters over the members of
    each teldatum and round), its chapter of groups still beside all SWVs (ADR 0080)."""
    alle = list(Samenwerkingsverband.objects.filter(sector__in=sectoren).order_by("sector", "code"))
    standen = op_selectors.standen(alle, peildatum)
    stapdata = op_selectors.stapdata([s.pk for s in alle], peildatum)
    ids = None  # the group's members, or None for all
    swvs = alle
    in_rapport = Samenwerkingsverband.objects.filter(sector__in=sectoren)
    if groepering is not None:
        ids = groepsleden(groepering, peildatum)
        leden = set(ids)
        swvs = [s for s in alle if s.pk in leden]
        in_rapport = in_rapport.filter(pk__in=ids)
    mijlpalen = [m for m in Mijlpaal.objects.order_by("volgorde") if m.stappen]

    tellingen = {
        (m.code, sector): dict.fromkeys(Status.values, 0) for m in mijlpalen for sector in sectoren
    }
    # Every OP cycle's outcome, by the cycle's number (each SWV's cycles have their own
    # deadlines, four years after its previous plan), so a late plan stays counted.
    cycli: dict[tuple[int, str], dict[str, int]] = {}
    for swv in swvs:
        for stand in standen[swv.pk]:
            if stand.status and (stand.mijlpaal.code, swv.sector) in tellingen:
                tellingen[(stand.mijlpaal.code, swv.sector)][stand.status.value] += 1
            for cyclus in stand.cycli:
                telling = cycli.setdefault(
                    (cyclus.nummer, swv.sector), dict.fromkeys(Status.values, 0)
                )
                telling[cyclus.status.value] += 1

    per_sector = {}
    for sector in sectoren:
        landelijk = deelname.landelijk(sector)
        reeks = (
            landelijk if groepering is None else deelname.landelijk(sector, groepering=groepering)
        )
        per_swv = deelname.per_swv(sector, ids)
        teldata = sorted(d for d in landelijk if d <= peildatum)
        laatste = teldata[-1] if teldata else None
        verevening = {}
        if laatste:
            for (swv_id, teldatum), d in per_swv.items():
                if teldatum == laatste:
                    v = deelname.verevening(d, landelijk[laatste])
                    verevening[swv_id] = (
                        {
                            "richting": v.richting,
                            "verschil": round(v.verschil, 2),
                            "zwaar": round(d.zwaar, 2),
                        }
                        if v
                        else None
                    )
        per_sector[sector] = {
            "monitor": _monitor(peildatum, sector, ids),
            "deelname": _deelname_reeks(reeks, peildatum),
            "maten": _maten(sector),
            "zwaar": deelname.ZWAAR[sector],
            "teldatum": _iso(laatste),
            "verevening": {
                richting: sum(1 for v in verevening.values() if v and v["richting"] == richting)
                for richting in ("positief", "negatief", "gelijk")
            },
            "_verevening_per_swv": verevening,
        }

    bijlage = []
    for swv in swvs:
        data = stapdata.get(swv.pk) or op_selectors.Stapdata()
        s = standen[swv.pk]
        bijlage.append(
            {
                **_swv(swv),
                "opgericht": _iso(data.eerste.get(Stap.RECHTSPERSOON_OPGERICHT)),
                "op_vastgesteld": _iso(data.eerste.get(Stap.OP_VASTGESTELD)),
                # With the outcome of every earlier OP cycle, as the portfolio counts.
                "behaald": sum(
                    x.statussen.count(Status.BEHAALD) + x.statussen.count(Status.TE_LAAT) for x in s
                ),
                "gemist": sum(x.statussen.count(Status.GEMIST) for x in s),
                "risico": sum(x.statussen.count(Status.RISICO) for x in s),
                "verevening": per_sector[swv.sector]["_verevening_per_swv"].get(swv.pk),
            }
        )
    for sector in sectoren:
        del per_sector[sector]["_verevening_per_swv"]

    experimenten = [
        {
            **_swv(swv),
            "standen": [_stand(x) for x in standen[swv.pk] if x.status],
        }
        for swv in swvs
        if swv.experiment
    ]

    return {
        "soort": soort,
        "peildatum": peildatum.isoformat(),
        "sectoren": sectoren,
        "risico_dagen": settings.MIJLPAAL_RISICO_DAGEN,
        "per_sector": per_sector,
        "mijlpalen": [
            {
                "code": m.code,
                "naam": m.naam,
                "sector": m.sector,
                "deadline": _iso(m.deadline),
                "deadline_experiment": _iso(m.deadline_experiment),
                "herhaling_jaren": m.herhaling_jaren,
                "per_sector": {
                    sector: tellingen[(m.code, sector)]
                    for sector in sectoren
                    if not m.sector or m.sector == sector
                },
            }
            for m in mijlpalen
            if not m.sector or m.sector in sectoren
        ],
        "op_cycli": [
            {"nummer": nummer, "naam": cyclusnaam(nummer), "sector": sector, "telling": telling}
            for (nummer, sector), telling in sorted(cycli.items())
        ],
        "experimenten": experimenten,
        "groep": groepering
        and {"naam": groepering.naam, "omschrijving": groepering.omschrijving, "swvs": len(swvs)},
        "groepen": _groepen(alle, stapdata, standen, peildatum),
        "werkagenda": [
            {
                "sector": w.sector,
                "swvs": w.swvs,
                "met_werkagenda": w.met_werkagenda,
                "aangevraagd": w.aangevraagd,
                "toegekend": w.toegekend,
                "bedrag_toegekend": int(w.bedrag_toegekend),
            }
            for w in werkagenda.per_sector(peildatum, swv_ids=ids)
            if w.sector in sectoren
        ],
        "geschillen": [
            {
                "soort": str(t.soort.label),
                "nog_niet_voorgelegd": t.nog_niet_voorgelegd,
                "voorgelegd": t.voorgelegd,
                "beslecht": t.beslecht,
            }
            for t in geschillen.per_soort(peildatum, in_rapport)
        ],
        "thuiszitters": _thuiszitters(
            Samenwerkingsverband.objects.filter(sector__in=sectoren)
            if len(sectoren) == 1
            else Samenwerkingsverband.objects.all(),
            peildatum,
            groepering,
        ),
        "schorsingen": _schorsingen(
            Samenwerkingsverband.objects.filter(sector__in=sectoren), peildatum, groepering
        ),
        "bijlage": bijlage,
        "labels": labels(),
    }


def _werkagenda(swv, peildatum) -> dict | None:
    stand = werkagenda.op_peildatum(swv, peildatum)
    if stand is None:
        return None
    subsidie = stand.subsidie
    return {
        "vastgesteld_op": _iso(stand.werkagenda.vastgesteld_op),
        "document": stand.werkagenda.document.naam if stand.werkagenda.document_id else "",
        "aangevraagd_op": _iso(stand.aangevraagd_op),
        "toegekend_op": _iso(stand.toegekend_op),
        "subsidie": {
            "teldatum": _iso(subsidie.teldatum),
            "leerlingen": subsidie.leerlingen,
            "bedrag": int(subsidie.bedrag),
        }
        if subsidie
        else None,
    }


def _geschillen(swv, peildatum) -> list[dict]:
    return [
        {
            "soort": str(g.geschil.get_soort_display()),
            "partij": g.partij,
            "ontstaan_op": _iso(g.geschil.ontstaan_op),
            "instantie": g.instantie_label,
            "voorgelegd_op": _iso(g.voorgelegd_op),
            "fase": g.fase,
            "uitspraak_op": _iso(g.uitspraak_op),
        }
        for g in geschillen.op_peildatum(swv, peildatum)
    ]


def _toelichtingen(swv, standen) -> list[dict]:
    """The SWV's explanations of what it missed, met late or is at risk of missing on the
    peildatum (ADR 0082), in schedule order; one query."""
    uitleg = toelichtingen.van([swv.pk])
    uit = []
    for stand in standen:
        for deel, t in toelichtingen.delen(swv.pk, stand, uitleg):
            if t is not None:
                uit.append(
                    {
                        "mijlpaal": stand.mijlpaal.naam,
                        "cyclus": deel.cyclusnaam,
                        "status_label": deel.status.label,
                        "tekst": t.tekst,
                        "verwacht_op": _iso(t.verwacht_op),
                        "document": t.document.naam if t.document_id else "",
                        "gewijzigd_op": _iso(timezone.localdate(t.gewijzigd_op)),
                    }
                )
    return uit


def _vergelijking(swv, peildatum) -> dict:
    """The profile's comparisons (ADR 0085): verevening and its direction, the heavy-support
    share beside the sector, the neighbours and SWVs of similar size, the thuiszitters per
    1,000 pupils beside the same, and whom each comparison holds."""
    v = vergelijking.vergelijk(swv, peildatum)

    def afgerond(x):
        return round(x, 2) if x is not None else None

    return {
        "vereveningszin": vergelijking.vereveningszin(v),
        "namen": [x.naam for x in v.vergelijkingen],
        "deelname": [
            {
                "teldatum": t.isoformat(),
                "eigen": afgerond(v.eigen[t].zwaar),
                "anderen": [
                    afgerond(x.reeks[t].zwaar) if t in x.reeks else None for x in v.vergelijkingen
                ],
            }
            for t in v.teldata[-5:][::-1]
        ],
        "thuiszitters": [
            {
                "periode_van": r.ronde.periode_van.isoformat(),
                "periode_tot": r.ronde.periode_tot.isoformat(),
                "stand": str(r.registratie.get_status_display())
                if r.registratie
                else "Niet ingediend",
                "totaal": r.totaal,
                "eigen": afgerond(r.eigen.per_duizend),
                "anderen": [
                    {"per_duizend": afgerond(c.per_duizend), "tekst": c.volledigheidstekst}
                    for c in r.vergelijkingen
                ],
            }
            for r in vergelijking.thuiszitters(v)
        ],
        "wie": [
            {"naam": x.naam, "uitleg": x.uitleg, "swvs": [s.weergavecode for s in x.swvs]}
            for x in v.vergelijkingen
        ],
    }


def _cijfertoelichtingen(swv, peildatum) -> list[dict]:
    """The SWV's explanations of the rounds ended before the peildatum and of the teldata on or
    before it (ADR 0086), oldest first; one query."""
    uitleg = toezicht_selectors.cijferuitleg([swv.pk])
    rijen = [
        (
            t.ronde.periode_van,
            f"Rapportageronde {formatting.periode(t.ronde.periode_van, t.ronde.periode_tot)}",
            t,
        )
        for t in uitleg.per_ronde.values()
        if t.ronde.periode_tot < peildatum
    ] + [
        (t.teldatum, f"Leerlingen en deelname op {formatting.datum_lang(t.teldatum)}", t)
        for t in uitleg.per_teldatum.values()
        if t.teldatum <= peildatum
    ]
    return [
        {
            "onderwerp": onderwerp,
            "tekst": t.tekst,
            "document": t.document.naam if t.document_id else "",
            "gewijzigd_op": _iso(timezone.localdate(t.gewijzigd_op)),
        }
        for _, onderwerp, t in sorted(rijen, key=lambda rij: rij[:2])
    ]


def _swv_rapport(swv, peildatum) -> dict:
    standen = op_selectors.standen_van(swv, peildatum)
    feiten = list(
        Feit.objects.filter(swv=swv, datum__lte=peildatum)
        .select_related("document", "ondersteuningsplan")
        .order_by("datum", "stap")
    )
    eind_van_dag = datetime.datetime.combine(
        peildatum + datetime.timedelta(days=1), datetime.time.min, tzinfo=datetime.UTC
    )
    document_ids = {f.document_id for f in feiten if f.document_id}
    documenten = Document.objects.filter(
        Q(pk__in=document_ids) | Q(geupload_op__lt=eind_van_dag), swv=swv
    ).order_by("naam")
    landelijk = deelname.landelijk(swv.sector)
    eigen = {t: d for (_, t), d in deelname.per_swv(swv.sector, swvs=[swv]).items()}
    teldata = sorted(d for d in eigen if d <= peildatum)
    laatste = teldata[-1] if teldata else None
    verevening = None
    if laatste and laatste in landelijk:
        v = deelname.verevening(eigen[laatste], landelijk[laatste])
        if v:
            verevening = {
                "richting": v.richting,
                "label": v.label,
                "verschil": round(v.verschil, 2),
                "zwaar": round(eigen[laatste].zwaar, 2),
                "landelijk": round(landelijk[laatste].zwaar, 2),
            }
    return {
        "soort": "swv",
        "peildatum": peildatum.isoformat(),
        "sectoren": [swv.sector],
        "swv": _swv(swv),
        "risico_dagen": settings.MIJLPAAL_RISICO_DAGEN,
        "standen": [_stand(s) for s in standen],
        "toelichtingen": _toelichtingen(swv, standen),
        "cycli": next((_stand(s)["cycli"] for s in standen if s.cycli), []),
        "feiten": [
            {
                "stap": f.stap,
                "label": Stap(f.stap).label,
                "datum": f.datum.isoformat(),
                "rechtsvorm": f.get_rechtsvorm_display() if f.rechtsvorm else "",
                "plan": f.ondersteuningsplan.titel if f.ondersteuningsplan_id else "",
                "document": f.document.naam if f.document_id else "",
            }
            for f in feiten
        ],
        "documenten": [
            {"naam": d.naam, "grootte": d.grootte, "geupload_op": d.geupload_op.date().isoformat()}
            for d in documenten
        ],
        "deelname": _deelname_reeks(eigen, peildatum),
        "deelname_landelijk": _deelname_reeks(landelijk, peildatum),
        "maten": _maten(swv.sector),
        "zwaar": deelname.ZWAAR[swv.sector],
        "teldatum": _iso(laatste),
        "verevening": verevening,
        "vergelijking": _vergelijking(swv, peildatum),
        "cijfertoelichtingen": _cijfertoelichtingen(swv, peildatum),
        "werkagenda": _werkagenda(swv, peildatum),
        "geschillen": _geschillen(swv, peildatum),
        "thuiszitters": _thuiszitters(Samenwerkingsverband.objects.filter(pk=swv.pk), peildatum),
        "schorsingen": _schorsingen(Samenwerkingsverband.objects.filter(pk=swv.pk), peildatum),
        "labels": labels(),
    }
