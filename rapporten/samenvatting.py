"""The summary of a report in sentences, from its numbers, in the manner of the ministry's own
voortgangsrapportages ("87% van de samenwerkingsverbanden in po en vo heeft ...")."""

import datetime

from django.utils.formats import date_format

from passend import formatting


def _datum(iso: str) -> str:
    return date_format(datetime.date.fromisoformat(iso), "j F Y")


def _pcts(cijfers, stap) -> str:
    delen = []
    for sector in cijfers["sectoren"]:
        m = cijfers["per_sector"][sector]["monitor"]
        pct = next(s["percentage"] for s in m["stappen"] if s["stap"] == stap)
        delen.append(f"{pct}% ({sector.lower()})")
    return " en ".join(delen)


def samenvatting(cijfers: dict) -> list[str]:
    if cijfers["soort"] == "swv":
        return _swv(cijfers)
    peil = _datum(cijfers["peildatum"])
    opgericht = {s: cijfers["per_sector"][s]["monitor"]["opgericht"] for s in cijfers["sectoren"]}
    totaal = {s: cijfers["per_sector"][s]["monitor"]["aantal_swvs"] for s in cijfers["sectoren"]}
    alineas = [
        f"Per {peil} heeft {_pcts(cijfers, 'hoofdlijnennotitie_opgesteld')} van de "
        "samenwerkingsverbanden een hoofdlijnennotitie over de bestuurlijke inrichting "
        f"opgesteld; bij {_pcts(cijfers, 'hoofdlijnennotitie_geaccordeerd')} is die "
        f"geaccordeerd door alle besturen. {_pcts(cijfers, 'concept_statuten').capitalize()} "
        "heeft concept-statuten opgesteld. "
        + "; ".join(
            f"{opgericht[s]} van de {totaal[s]} samenwerkingsverbanden in het {s.lower()} "
            "zijn opgericht als rechtspersoon"
            for s in cijfers["sectoren"]
        )
        + ".",
        f"Een concept-ondersteuningsplan is gereed bij {_pcts(cijfers, 'concept_op_gereed')}; "
        f"het plan is voorgelegd aan de ondersteuningsplanraad bij "
        f"{_pcts(cijfers, 'voorgelegd_opr')}, die heeft ingestemd bij "
        f"{_pcts(cijfers, 'akkoord_opr')}. Vastgesteld is het plan bij "
        f"{_pcts(cijfers, 'op_vastgesteld')}, aangeboden aan de inspectie bij "
        f"{_pcts(cijfers, 'op_aangeboden_inspectie')}.",
    ]
    gemist = sum(s["gemist"] for s in cijfers["bijlage"])
    risico = sum(s["risico"] for s in cijfers["bijlage"])
    alineas.append(
        f"Over alle mijlpalen samen: {gemist} keer is een uiterste datum verstreken zonder dat "
        f"de mijlpaal was behaald, {risico} keer staat een mijlpaal op risico."
    )
    alineas.extend(_thuiszitters(cijfers, "registreerden de samenwerkingsverbanden"))
    if cijfers.get("groep"):
        alineas.insert(0, _groep(cijfers))
    return alineas


def _groep(cijfers) -> str:
    groep = cijfers["groep"]
    tekst = groep["omschrijving"].rstrip(".")
    omschrijving = f" ({tekst[:1].lower()}{tekst[1:]})" if tekst else ""
    leden = formatting.aantal(groep["swvs"], "samenwerkingsverband", "samenwerkingsverbanden")
    return (
        f"Dit rapport gaat over de groep {groep['naam']}{omschrijving}: {leden} per "
        f"{_datum(cijfers['peildatum'])}. De cijfers over leerlingen en thuiszitters tellen per "
        "teldatum en per periode de samenwerkingsverbanden die toen in de groep zaten; het "
        "hoofdstuk over groepen zet de groep naast alle samenwerkingsverbanden."
    )


def _thuiszitters(cijfers, wie) -> list[str]:
    if not cijfers["thuiszitters"]:
        return []
    laatste = cijfers["thuiszitters"][-1]
    return [
        f"In de laatste periode voor de peildatum ({_datum(laatste['van'])} tot en met "
        f"{_datum(laatste['tot'])}) {wie} {laatste['totaal']} thuiszitters, van wie "
        f"{laatste['lang_zonder_aanbod']} drie maanden of langer zonder aanbod."
    ]


def _swv(cijfers: dict) -> list[str]:
    swv = cijfers["swv"]
    standen = [s for s in cijfers["standen"] if s["status"]]
    behaald = [s for s in standen if s["status"] in ("behaald", "te_laat")]
    open_ = [s for s in standen if s["status"] in ("open", "risico", "gemist")]
    alineas = [
        f"{swv['naam']} ({swv['weergavecode']}) heeft per {_datum(cijfers['peildatum'])} "
        f"{len(behaald)} van de {len(standen)} mijlpalen behaald"
        + (
            f", waarvan {sum(1 for s in behaald if s['status'] == 'te_laat')} te laat"
            if any(s["status"] == "te_laat" for s in behaald)
            else ""
        )
        + f". Er zijn {len(cijfers['feiten'])} stappen vastgelegd."
    ]
    gemist = [s["mijlpaal"] for s in open_ if s["status"] == "gemist"]
    if gemist:
        alineas.append("Gemist: " + "; ".join(gemist) + ".")
    risico = [s["mijlpaal"] for s in open_ if s["status"] == "risico"]
    if risico:
        alineas.append("Op risico: " + "; ".join(risico) + ".")
    if cijfers["verevening"]:
        alineas.append(f"Verevening: {cijfers['verevening']['label']}.")
    alineas.extend(_thuiszitters(cijfers, "registreerde het samenwerkingsverband"))
    return alineas


def overleg(cijfers: dict) -> list[dict]:
    """The consultation steps as rows of shares per sector."""
    rijen = {}
    for sector in cijfers["sectoren"]:
        for s in cijfers["per_sector"][sector]["monitor"]["stappen"]:
            if s["groep"] != "overleg":
                continue
            rij = rijen.setdefault(s["stap"], {"label": s["label"], "cellen": []})
            rij["cellen"].append(
                {
                    "aantal": s["aantal"],
                    "totaal": cijfers["per_sector"][sector]["monitor"]["aantal_swvs"],
                    "percentage": s["percentage"],
                }
            )
    return list(rijen.values())
