"""The OCW dashboards. Each dashboard is one function from the request's filters to its context;
the page renders it and the export view takes a table from the same context, so a download
always has the page's numbers."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.access import ALLE_ROLLEN, publiek, rollen
from accounts.models import Rol
from dashboards import kaart, profiel, publicatie, selectors, tables, vergelijking
from dashboards import openbaar as openbaar_
from dashboards.models import Publicatie
from ondersteuningsplan import geschillen, toelichtingen, werkagenda
from passend import export, formatting
from passend.charts import lijndiagram
from passend.peildatum import lees_datum
from swv import deelname
from swv import selectors as swv_selectors
from swv.models import Groepering, Samenwerkingsverband, Sector
from swv.querysets import Actie
from toezicht import selectors as toezicht_selectors
from toezicht.selectors import Weergave

#: Who reads the dashboards: the ministry, and the roles that read every SWV anyway.
LEZERS = (Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER)
PER_PAGINA = 50


class Invoerfout(Exception):
    def __init__(self, meldingen: dict[str, str]):
        self.meldingen = meldingen


def _onjuiste_keuze(request, template: str, fout: Invoerfout, **context):
    return render(
        request,
        template,
        {**context, "fouten": fout.meldingen, "paginatitel": "Onjuiste keuze"},
        status=400,
    )


def _peildatum(request) -> datetime.date:
    try:
        return lees_datum(request.GET.get("peildatum"))
    except ValidationError as fout:
        raise Invoerfout({"peildatum": fout.message_dict["peildatum"][0]}) from None


def _vergelijkdatum(request) -> datetime.date | None:
    """A second peildatum to compare with (`?vergelijk=`), or None."""
    waarde = request.GET.get("vergelijk")
    if not waarde:
        return None
    try:
        return lees_datum(waarde, "vergelijk")
    except ValidationError as fout:
        raise Invoerfout({"vergelijk": fout.message_dict["vergelijk"][0]}) from None


def _sector(request) -> str:
    waarde = request.GET.get("sector") or Sector.PO
    if waarde not in Sector.values:
        raise Invoerfout({"sector": "Kies als sector PO of VO."})
    return waarde


def _keuze(request, naam: str, opties: list, standaard):
    """A value from a fixed list (a teldatum, a period); anything else is an error."""
    waarde = request.GET.get(naam)
    if not waarde:
        return standaard
    for optie in opties:
        if str(optie) == waarde:
            return optie
    raise Invoerfout({naam: f"'{waarde}' is geen {naam} waarvoor cijfers zijn; kies uit de lijst."})


# -- the dashboards ----------------------------------------------------------------------------


def _portefeuille(request) -> dict:
    peildatum = _peildatum(request)
    groepering = _groepering(request)
    swvs = Samenwerkingsverband.objects.portefeuille(request.user).order_by("code")
    if groepering is not None:
        swvs = swvs.filter(pk__in=swv_selectors.groepsleden(groepering, peildatum))
    regels = selectors.portefeuille(swvs, peildatum)
    return {
        "paginatitel": "Portefeuille",
        "peildatum": peildatum,
        "groepering": groepering,
        "regels": regels,
        "samenvatting": {
            "gemist": sum(1 for r in regels if r.gemist),
            "risico": sum(1 for r in regels if r.risico),
            "te_laat": sum(1 for r in regels if r.te_laat),
            "zonder_toelichting": sum(1 for r in regels if r.zonder_toelichting),
        },
        "tabellen": {"portefeuille": tables.portefeuille(regels)},
    }


def _groepering(request) -> Groepering | None:
    """The group of SWVs asked for (`groep`, its id), or None for all."""
    waarde = request.GET.get("groep")
    if not waarde:
        return None
    groepering = swv_selectors.groepering_uit(waarde)
    if groepering is None:
        raise Invoerfout({"groep": "Kies een groep uit de lijst, of alle samenwerkingsverbanden."})
    return groepering


def _monitor(request) -> dict:
    peildatum = _peildatum(request)
    vergelijkdatum = _vergelijkdatum(request)
    sector = _sector(request)
    groepering = _groepering(request)
    landelijk = selectors.landelijke_monitor(peildatum)
    # the country on a second peildatum, beside today's shares (ADR 0085, issue of two moments)
    toen = selectors.landelijke_monitor(vergelijkdatum) if vergelijkdatum else None
    swvs = Samenwerkingsverband.objects.for_user(request.user).filter(sector=sector)
    groepsmonitor = None
    if groepering is not None:
        leden = swv_selectors.groepsleden(groepering, peildatum)
        swvs = swvs.filter(pk__in=leden)
        groepsmonitor = selectors.landelijke_monitor(peildatum, leden)
    matrix = selectors.matrix(swvs.order_by("code"), peildatum)
    achter = selectors.achterstanden(matrix)
    alle = {
        t.naam: t
        for t in tables.monitor(
            landelijk, groepsmonitor, groepering.naam if groepering else "", toen
        )
    }
    alle["matrix"] = tables.matrix(matrix)
    alle["achterstanden"] = tables.achterstanden(achter, lambda: toelichtingen.van(swvs))
    alle["werkagenda"] = tables.werkagenda(werkagenda.per_sector(peildatum, landelijk.aantallen))
    alle["geschillen"] = tables.geschillen(geschillen.per_soort(peildatum))
    grafieken = selectors.monitorgrafieken(landelijk)
    return {
        "paginatitel": "Landelijke monitor",
        "peildatum": peildatum,
        "vergelijkbaar": True,
        "vergelijkdatum": vergelijkdatum,
        "sector": sector,
        "groepering": groepering,
        "groepsaantal": sum(groepsmonitor.aantallen.values()) if groepsmonitor else None,
        "landelijk": landelijk,
        "opgericht": [
            (s.label, landelijk.opgericht[s], landelijk.aantallen[s]) for s in selectors.SECTOREN
        ],
        "secties": [
            (groep.label, grafiek, alle[f"monitor-{groep.value}"])
            for (groep, _), grafiek in zip(landelijk.groepen(), grafieken, strict=True)
        ],
        "tabellen": alle,
    }


def _kaart(request) -> dict:
    peildatum = _peildatum(request)
    sector = _sector(request)
    kleur = request.GET.get("kleur") or "status"
    if kleur not in kaart.KLEURINGEN:
        raise Invoerfout({"kleur": "Kleur de kaart naar status of naar verevening."})
    gekozen, mijlpalen = kaart.kies_mijlpaal(sector, peildatum, request.GET.get("mijlpaal"))
    if gekozen is None:
        raise Invoerfout({"mijlpaal": "Kies een mijlpaal uit de lijst."})
    groepering = _groepering(request)
    k = kaart.kaart(sector, peildatum, kleur, request.user, gekozen, groepering)
    return {
        "paginatitel": "Kaart van de regio's",
        "peildatum": peildatum,
        "sector": sector,
        "groepering": groepering,
        "kleur": kleur,
        "kaart": k,
        "mijlpalen": mijlpalen,
        "mijlpaal": gekozen,
        "tabellen": {"kaart": k.tabel},
    }


def _swv_keuze(request, swvs):
    """One SWV the user may read, for its own trend (`?swv=PO2707`), or None."""
    code = request.GET.get("swv")
    if not code:
        return None
    swv = swvs.filter(code=code).first()
    if swv is None:
        raise Invoerfout({"swv": f"'{code}' is geen samenwerkingsverband in deze lijst."})
    return swv


def _leerlingen(request) -> dict:
    sector = _sector(request)
    groepering = _groepering(request)
    swvs = Samenwerkingsverband.objects.for_user(request.user)
    gekozen = _swv_keuze(request, swvs.filter(sector=sector))
    landelijk = selectors.deelname_landelijk(sector)
    teldata = [r.teldatum for r in landelijk]
    teldatum = _keuze(request, "teldatum", teldata, teldata[-1] if teldata else None)
    per_swv = selectors.deelname_per_swv(sector, swvs)
    alle = {t.naam: t for t in tables.deelname_landelijk(sector, landelijk)}
    grafiek_groep = None
    per_swv_op_teldatum = per_swv
    if groepering is not None:
        # the group's series beside the country's; the table per SWV holds its members
        reeks = selectors.deelname_groep(sector, groepering)
        alle.update(
            {
                t.naam: t
                for t in tables.deelname_landelijk(
                    sector, reeks, f"Groep '{groepering.naam}'", "groep"
                )
            }
        )
        if reeks:
            grafiek_groep = selectors.deelnamegrafiek(
                sector, reeks, f"in de groep '{groepering.naam}'"
            )
        if teldatum:
            leden = set(swv_selectors.groepsleden(groepering, teldatum))
            per_swv_op_teldatum = {pk: r for pk, r in per_swv.items() if pk in leden}
    grafiek_swv = None
    if gekozen and gekozen.pk in per_swv:
        reeks = per_swv[gekozen.pk]
        alle.update(
            {
                t.naam: t
                for t in tables.deelname_landelijk(
                    sector, reeks, gekozen.weergavecode, gekozen.code.lower()
                )
            }
        )
        grafiek_swv = selectors.deelnamegrafiek(sector, reeks, gekozen.weergavecode)
    if teldatum:
        alle.update(
            {
                t.naam: t
                for t in tables.deelname_per_swv(
                    sector,
                    per_swv_op_teldatum,
                    teldatum,
                    toezicht_selectors.uitlegteksten(list(per_swv_op_teldatum), teldatum=teldatum),
                )
            }
        )
    return {
        "paginatitel": "Leerlingen en deelname",
        "sector": sector,
        "groepering": groepering,
        "gekozen": gekozen,
        "keuzelijst": swvs.filter(sector=sector).order_by("code"),
        "grafiek_groep": grafiek_groep,
        "grafiek_swv": grafiek_swv,
        "teldatum": teldatum,
        "teldata": teldata,
        "grafiek": selectors.deelnamegrafiek(sector, landelijk) if landelijk else None,
        "formules": _formules(sector),
        "tabellen": alle,
    }


def _formules(sector: str) -> list[str]:
    noemer = " + ".join(deelname.NOEMER[sector])
    return [
        f"{deelname.LABELS[maat]} = ({' + '.join(cats)}) / ({noemer})"
        for maat, cats in deelname.TELLERS[sector].items()
    ]


#: The rounds whose suspensions the thuiszitters page shows: two years.
SCHORSINGSRONDES = 12


def _thuiszitters(request) -> dict:
    swvs = Samenwerkingsverband.objects.for_user(request.user)
    groepering = _groepering(request)
    gekozen = _swv_keuze(request, swvs)
    weergave = _keuze(request, "weergave", [w for w, _ in Weergave.KEUZES], Weergave.ALLE)
    landelijk = selectors.thuiszitters(swvs, weergave=weergave)
    perioden = [r.periode_van for r in landelijk]
    periode = _keuze(request, "periode", perioden, perioden[-1] if perioden else None)
    alle = {}
    t = tables.thuiszitters_landelijk(landelijk, "landelijk")
    alle[t.naam] = t
    grafiek_groep = None
    in_groep = f"in de groep '{groepering.naam}'" if groepering else ""
    if groepering is not None:
        # the group's rounds beside the country's, each over the members of that round
        reeks = selectors.thuiszitters(swvs, weergave=weergave, groepering=groepering)
        t = tables.thuiszitters_landelijk(reeks, in_groep, "thuiszitters-groep")
        alle[t.naam] = t
        if reeks:
            grafiek_groep = selectors.thuiszittergrafiek(reeks, in_groep)
    grafiek_swv = None
    if gekozen:
        reeks = selectors.thuiszitters(swvs.filter(pk=gekozen.pk), weergave=weergave)
        t = tables.thuiszitters_landelijk(
            reeks, f"in {gekozen.weergavecode}", f"thuiszitters-{gekozen.code.lower()}"
        )
        alle[t.naam] = t
        if reeks:
            grafiek_swv = selectors.thuiszittergrafiek(reeks, f"in {gekozen.weergavecode}")
    if periode:
        in_periode = swvs
        if groepering is not None:
            periode_tot = next(r.periode_tot for r in landelijk if r.periode_van == periode)
            in_periode = swvs.filter(pk__in=swv_selectors.groepsleden(groepering, periode_tot))
        t = tables.thuiszitters_per_swv(
            selectors.thuiszitters_per_swv(in_periode, periode),
            periode,
            toezicht_selectors.uitlegteksten(in_periode, ronde__periode_van=periode),
        )
        alle[t.naam] = t
    # the suspensions of the last two years of rounds: the whole series since 2015 would cost
    # the page more than its time budget (bench/README.md); the PDF has every period
    recent = perioden[-SCHORSINGSRONDES] if len(perioden) >= SCHORSINGSRONDES else None
    t = tables.schorsingen(
        toezicht_selectors.schorsingen_per_periode(
            swvs, weergave, vanaf=recent, groepering=groepering
        ),
        SCHORSINGSRONDES,
        in_groep,
    )
    alle[t.naam] = t
    return {
        "paginatitel": "Thuiszitters",
        "groepering": groepering,
        "grafiek_groep": grafiek_groep,
        "gekozen": gekozen,
        "weergave": weergave,
        "weergaven": Weergave.KEUZES,
        "laatste": landelijk[-1] if landelijk else None,
        "keuzelijst": swvs.order_by("code"),
        "grafiek_swv": grafiek_swv,
        "periode": periode,
        "perioden": perioden,
        "grafiek": selectors.thuiszittergrafiek(landelijk) if landelijk else None,
        "tabellen": alle,
    }


DASHBOARDS = {
    "portefeuille": (_portefeuille, "dashboards/portefeuille.html"),
    "monitor": (_monitor, "dashboards/monitor.html"),
    "kaart": (_kaart, "dashboards/kaart.html"),
    "leerlingen": (_leerlingen, "dashboards/leerlingen.html"),
    "thuiszitters": (_thuiszitters, "dashboards/thuiszitters.html"),
}


def _toon(request, dashboard: str):
    maak, template = DASHBOARDS[dashboard]
    try:
        context = maak(request)
    except Invoerfout as fout:
        return _onjuiste_keuze(request, template, fout, dashboard=dashboard)
    context["dashboard"] = dashboard
    context["query"] = request.GET.urlencode()
    context["groeperingen"] = Groepering.objects.order_by("naam")  # every dashboard takes one
    # Long tables are shown a page at a time; the export has every row.
    pagina_nr = request.GET.get("pagina")
    for naam in ("matrix", "achterstanden", "portefeuille", "kaart"):
        if naam in context["tabellen"]:
            tabel = context["tabellen"][naam]
            context[f"{naam}_pagina"] = Paginator(tabel.rijen, PER_PAGINA).get_page(pagina_nr)
    return render(request, template, context)


@rollen(*LEZERS)
def portefeuille(request):
    return _toon(request, "portefeuille")


@rollen(*LEZERS)
def monitor(request):
    return _toon(request, "monitor")


@rollen(*LEZERS)
def kaartpagina(request):
    return _toon(request, "kaart")


@rollen(*LEZERS)
def leerlingen(request):
    return _toon(request, "leerlingen")


@rollen(*LEZERS)
def thuiszitters(request):
    return _toon(request, "thuiszitters")


@rollen(*LEZERS)
def exporteer(request, dashboard: str, tabel: str, formaat: str):
    if dashboard not in DASHBOARDS or formaat not in export.FORMATEN:
        raise Http404("Deze export bestaat niet.")
    maak, template = DASHBOARDS[dashboard]
    try:
        context = maak(request)
    except Invoerfout as fout:
        return _onjuiste_keuze(request, template, fout, dashboard=dashboard)
    if tabel not in context["tabellen"]:
        raise Http404("Deze tabel bestaat niet.")
    return export.antwoord(request, dashboard, context["tabellen"][tabel], formaat)


# -- one SWV's figures, for everyone who may read the SWV ------------------------------------


def _schrijft_voor(user, swv) -> bool:
    """Whether the user is a coördinator who may change this SWV."""
    return (
        user.rol == Rol.COORDINATOR
        and Samenwerkingsverband.objects.for_user(user, Actie.WIJZIGEN).filter(pk=swv.pk).exists()
    )


def _swv_leerlingen_context(request, code) -> dict:
    swv = get_object_or_404(Samenwerkingsverband.objects.for_user(request.user), code=code)
    peildatum = _peildatum(request)
    v = vergelijking.vergelijk(swv, peildatum)
    grafiek = None
    if v.teldata:
        grafiek = lijndiagram(
            f"Deelname aan {deelname.LABELS[deelname.ZWAAR[swv.sector]]} per teldatum",
            [formatting.datum(t) for t in v.teldata],
            {
                swv.weergavecode: [selectors.afgerond(v.eigen[t].zwaar, 2) for t in v.teldata],
                **{
                    x.naam: [
                        selectors.afgerond(x.reeks[t].zwaar, 2) if t in x.reeks else None
                        for t in v.teldata
                    ]
                    for x in v.vergelijkingen
                },
            },
            eenheid="%",
            id="zware-ondersteuning",
            kolomtitel="Teldatum",
        )
    uitleg = toezicht_selectors.cijferuitleg([swv.pk])
    return {
        "swv": swv,
        "actief": "leerlingen",
        "toelichtingen": [(t, uitleg.teldatum(swv.pk, t)) for t in reversed(v.teldata)],
        "mag_wijzigen": _schrijft_voor(request.user, swv),
        "peildatum": peildatum,
        "vergelijking": v,
        "vereveningszin": vergelijking.vereveningszin(v),
        "grafiek": grafiek,
        "tabellen": {t.naam: t for t in tables.deelnamevergelijking(v)},
        "query": request.GET.urlencode(),
    }


@rollen(*ALLE_ROLLEN)
def swv_profiel(request, code):
    """One SWV on one page, for everyone who may read it: what the accountmanager would
    otherwise gather from five tabs, and the PDF of it on request."""
    swv = get_object_or_404(Samenwerkingsverband.objects.for_user(request.user), code=code)
    try:
        peildatum = _peildatum(request)
        vergelijkdatum = _vergelijkdatum(request)
    except Invoerfout as fout:
        return _onjuiste_keuze(request, "dashboards/profiel.html", fout, swv=swv)
    return render(
        request,
        "dashboards/profiel.html",
        {
            "swv": swv,
            "actief": "profiel",
            "peildatum": peildatum,
            "vergelijkbaar": True,
            "vergelijkdatum": vergelijkdatum,
            "profiel": profiel.profiel(swv, peildatum, request.user, vergelijkdatum),
            # the report machinery decides again; the form shows only where it may succeed
            "mag_pdf": request.user.rol == Rol.ACCOUNTMANAGER or _schrijft_voor(request.user, swv),
        },
    )


@rollen(*ALLE_ROLLEN)
def swv_leerlingen(request, code):
    """One SWV's participation beside its sector, its neighbours and SWVs of its size, with
    verevening and its direction; for everyone who may read the SWV, its coördinator too."""
    try:
        context = _swv_leerlingen_context(request, code)
    except Invoerfout as fout:
        return _onjuiste_keuze(request, "dashboards/swv_leerlingen.html", fout)
    return render(request, "dashboards/swv_leerlingen.html", context)


@rollen(*ALLE_ROLLEN)
def swv_export(request, code, tabel: str, formaat: str):
    if formaat not in export.FORMATEN:
        raise Http404("Deze export bestaat niet.")
    try:
        context = _swv_leerlingen_context(request, code)
    except Invoerfout as fout:
        return _onjuiste_keuze(request, "dashboards/swv_leerlingen.html", fout)
    if tabel not in context["tabellen"]:
        raise Http404("Deze tabel bestaat niet.")
    return export.antwoord(
        request, f"leerlingen-{code.lower()}", context["tabellen"][tabel], formaat
    )


# -- public -------------------------------------------------------------------------------------


@publiek
def openbaar(request):
    """The country's progress, for anyone, at any peildatum (ADR 0083)."""
    try:
        peildatum = _peildatum(request)
    except Invoerfout as fout:
        return _onjuiste_keuze(request, "dashboards/openbaar.html", fout)
    return render(
        request,
        "dashboards/openbaar.html",
        {
            "peildatum": peildatum,
            "tabellen": openbaar_.tabellen(peildatum),
            "gepubliceerd": Samenwerkingsverband.objects.filter(
                pk__in=Publicatie.objects.values("swv_id")
            ).order_by("code"),
            "klein": openbaar_.KLEIN,
            "ondergrens": openbaar_.ONDERGRENS,
            "query": request.GET.urlencode(),
        },
    )


@publiek
def openbaar_download(request, tabel: str, formaat: str):
    """A public table as CSV (as Dutch Excel opens it) or JSON."""
    if formaat not in openbaar_.FORMATEN:
        raise Http404("Deze download bestaat niet.")
    try:
        peildatum = _peildatum(request)
    except Invoerfout as fout:
        return _onjuiste_keuze(request, "dashboards/openbaar.html", fout)
    gekozen = openbaar_.tabellen(peildatum).get(tabel)
    if gekozen is None:
        raise Http404("Deze tabel bestaat niet.")
    return _download(gekozen, formaat, f"{tabel}-{peildatum}", peildatum)


def _download(tabel, formaat: str, bestandsnaam: str, peildatum: datetime.date):
    if formaat == "csv":
        antwoord = HttpResponse(export.als_csv(tabel), content_type=export.FORMATEN["csv"])
    else:
        antwoord = JsonResponse(
            {
                "titel": tabel.titel,
                "peildatum": peildatum.isoformat(),
                "kolommen": tabel.kolommen,
                "rijen": [[openbaar_.json_waarde(w) for w in rij] for rij in tabel.rijen],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}.{formaat}"'
    return antwoord


def _gepubliceerd(code: str):
    """The newest publication of the SWV, or 404: an SWV that published nothing has no public
    page."""
    publicatie_ = Publicatie.objects.filter(swv__code=code).order_by("-gepubliceerd_op").first()
    if publicatie_ is None:
        raise Http404("Dit samenwerkingsverband heeft nog geen cijfers gepubliceerd.")
    return publicatie_


def _publieke_context(inhoud: dict) -> dict:
    return {
        "c": inhoud,
        "tabellen": {t["naam"]: publicatie.als_tabel(t) for t in inhoud["tabellen"]},
        "klein": openbaar_.KLEIN,
        "ondergrens": openbaar_.ONDERGRENS,
        "termijn": settings.PUBLICATIE_TERMIJN_WEKEN,
    }


@publiek
def openbaar_swv(request, code):
    """What an SWV has published, as it published it (ADR 0084)."""
    gekozen = _gepubliceerd(code)
    return render(
        request,
        "dashboards/openbaar_swv.html",
        {**_publieke_context(gekozen.inhoud), "publicatie": gekozen},
    )


@publiek
def openbaar_swv_download(request, code, tabel: str, formaat: str):
    if formaat not in openbaar_.FORMATEN:
        raise Http404("Deze download bestaat niet.")
    gekozen = _gepubliceerd(code)
    tabellen = _publieke_context(gekozen.inhoud)["tabellen"]
    if tabel not in tabellen:
        raise Http404("Deze tabel bestaat niet.")
    return _download(tabellen[tabel], formaat, f"{code.lower()}-{tabel}", gekozen.peildatum)


@rollen(Rol.COORDINATOR)
def publiceren(request, code):
    """The coördinator's preview of the SWV's public figures as they are now, and the step that
    publishes them."""
    swv = get_object_or_404(
        Samenwerkingsverband.objects.for_user(request.user, Actie.WIJZIGEN), code=code
    )
    if request.method == "POST":
        publicatie.publiceer(swv, door=request.user)
        messages.success(request, "De cijfers zijn gepubliceerd.")
        return redirect("swvcijfers:publiceren", code=swv.code)
    return render(
        request,
        "dashboards/publiceren.html",
        {
            **_publieke_context(publicatie.inhoud(swv, timezone.localdate())),
            "swv": swv,
            "actief": "publiceren",
            "laatste": publicatie.laatste(swv),
        },
    )
