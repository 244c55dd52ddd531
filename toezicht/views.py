"""The coördinator's thuiszitter counts per period, the review of the rounds, and the pages of
the Inspectie's findings: lists, a page per finding, and the Inspectie's forms, which write
through the same services as the API. Who sees which is `for_user`, the same rule as the API:
a coördinator only their own SWV."""

import datetime

from auditlog.models import LogEntry
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.access import ALLE_ROLLEN, rollen
from accounts.models import Rol
from passend import export, formatting
from passend.forms import formulierpagina, velden, verwerk, waarden_van
from swv import selectors as swv_selectors
from swv.models import Samenwerkingsverband
from swv.querysets import Actie, Bereik, bereik
from swv.services.documenten import nieuw_of_huidig
from swv.views import swv_voor
from toezicht import risico, selectors, services
from toezicht.forms import (
    BeoordelingForm,
    CijfertoelichtingForm,
    RisicofilterForm,
    RisicoregelsForm,
    Risicotoon,
    RondefilterForm,
    ThuiszittersForm,
    schorsingsveld,
    veldnaam,
)
from toezicht.lijsten import PER_PAGINA, SOORTEN, bevindingformulier, lijstfilter
from toezicht.models import (
    Cijfertoelichting,
    Indieningsstatus,
    Rapportageronde,
    Rapportagesoort,
    Registratieoordeel,
    Risicomaat,
    Risicoregel,
    Thuiszitterregistratie,
    Vervolgafspraak,
)
from toezicht.services import registreer_thuiszitters, volgende_ronde


@rollen(*ALLE_ROLLEN)
def thuiszitters(request, code):
    """The SWV's rounds, newest first: each with its deadline, its submission and the review."""
    swv = swv_voor(request, code)
    vandaag = timezone.localdate()
    registraties = {
        r.ronde_id: r
        for r in Thuiszitterregistratie.objects.filter(swv=swv).select_related("ronde")
    }
    cijfers = {c.periode_van: c for c in selectors.per_periode([swv])}
    uitleg = selectors.cijferuitleg([swv.pk])
    rijen = [
        (
            ronde,
            registraties.get(ronde.pk),
            cijfers.get(ronde.periode_van),
            uitleg.ronde(swv.pk, ronde.pk),
        )
        for ronde in Rapportageronde.objects.filter(periode_van__lte=vandaag).order_by(
            "-periode_van"
        )
    ]
    return render(
        request,
        "toezicht/thuiszitters.html",
        {
            "swv": swv,
            "rijen": rijen,
            "vandaag": vandaag,
            "mag_wijzigen": bereik(request.user, Actie.WIJZIGEN) is not Bereik.NIETS,
            "actief": "thuiszitters",
        },
    )


@rollen(Rol.COORDINATOR)
def registratie(request, code, pk=None):
    swv = swv_voor(request, code, Actie.WIJZIGEN)
    bestaand = (
        get_object_or_404(Thuiszitterregistratie.objects.select_related("ronde"), swv=swv, pk=pk)
        if pk
        else None
    )
    if bestaand:
        rondes = Rapportageronde.objects.filter(pk=bestaand.ronde_id)
    else:
        rondes = (
            Rapportageronde.objects.filter(
                periode_van__lte=timezone.localdate(), soort=Rapportagesoort.THUISZITTERS
            )
            .exclude(registraties__swv=swv)
            .order_by("-periode_van")
        )
    initial = {}
    if bestaand:
        initial = {"ronde": bestaand.ronde, "versie": bestaand.versie}
        for t in bestaand.tellingen.all():
            initial[veldnaam(t.soort, t.duur, t.met_aanbod)] = t.aantal
        for t in bestaand.schorsingen.all():
            initial[schorsingsveld(t.schoolsoort, t.duur)] = t.aantal
    elif "ronde" in request.GET:
        initial["ronde"] = request.GET["ronde"]
    form = ThuiszittersForm(request.POST or None, initial=initial, rondes=rondes, sector=swv.sector)

    def opslaan(data):
        registratie = registreer_thuiszitters(
            swv=swv,
            ronde=data["ronde"],
            aantallen=form.aantallen(),
            schorsingen=form.schorsingen(),
            door=request.user,
            opmerking=bestaand.opmerking if bestaand else "",
            registratie=bestaand,
            verwachte_versie=data["versie"],
        )
        if registratie.te_laat:
            messages.warning(
                request,
                f"Let op: de uiterste indiendatum was {registratie.ronde.deadline:%d-%m-%Y}; "
                "deze aantallen zijn te laat ingediend.",
            )
        return registratie

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("toezicht:thuiszitters", args=[swv.code]),
        melding="De thuiszitters van deze ronde zijn ingediend; de Inspectie beoordeelt ze.",
        template="toezicht/registratie.html",
        swv=swv,
        bestaand=bestaand,
        titel="Thuiszitters indienen",
        volgende=volgende_ronde(timezone.localdate()),
    )


def _cijfertoelichting(request, swv, bestaand, terug: str, ondertitel: str, **onderwerp):
    """The form of an explanation of a figure (ADR 0086): its text and an optional PDF."""
    form = CijfertoelichtingForm(
        request.POST or None,
        request.FILES or None,
        initial=waarden_van(bestaand, ("tekst", "versie")),
    )
    huidig = bestaand.document if bestaand else None

    def opslaan(data):
        return services.leg_cijfertoelichting_vast(
            swv=swv,
            tekst=data["tekst"],
            document=nieuw_of_huidig(swv, data["document"], huidig, request.user),
            door=request.user,
            toelichting=bestaand,
            verwachte_versie=data["versie"],
            **onderwerp,
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=terug,
        melding="De toelichting is opgeslagen.",
        swv=swv,
        titel="Toelichting",
        ondertitel=ondertitel,
        document=huidig,
    )


@rollen(Rol.COORDINATOR)
def rondetoelichting(request, code, ronde):
    """The SWV's explanation of a reporting round: its thuiszitters, or why it was late or not
    submitted."""
    swv = swv_voor(request, code, Actie.WIJZIGEN)
    ronde = get_object_or_404(
        Rapportageronde,
        pk=ronde,
        soort=Rapportagesoort.THUISZITTERS,
        periode_tot__lt=timezone.localdate(),
    )
    bestaand = (
        Cijfertoelichting.objects.filter(swv=swv, ronde=ronde).select_related("document").first()
    )
    return _cijfertoelichting(
        request,
        swv,
        bestaand,
        terug=reverse("toezicht:thuiszitters", args=[swv.code]),
        ondertitel=f"Rapportageronde {formatting.periode(ronde.periode_van, ronde.periode_tot)}",
        ronde=ronde,
    )


@rollen(Rol.COORDINATOR)
def deelnametoelichting(request, code, teldatum):
    """The SWV's explanation of its pupils and deelname on a teldatum it has counts for."""
    swv = swv_voor(request, code, Actie.WIJZIGEN)
    try:
        dag = datetime.date.fromisoformat(teldatum)
    except ValueError:
        raise Http404 from None
    if not swv.leerlingtellingen.filter(teldatum=dag).exists():
        raise Http404
    bestaand = (
        Cijfertoelichting.objects.filter(swv=swv, teldatum=dag).select_related("document").first()
    )
    return _cijfertoelichting(
        request,
        swv,
        bestaand,
        terug=reverse("swvcijfers:leerlingen", args=[swv.code]) + "#kop-toelichtingen",
        ondertitel=f"Leerlingen en deelname op {formatting.datum_lang(dag)}",
        teldatum=dag,
    )


# -- the Inspectie's review of the rounds ------------------------------------------------------


@rollen(Rol.INSPECTIE, Rol.ACCOUNTMANAGER, Rol.BEHEERDER)
def rondes(request):
    """Completeness and timeliness of every round that has ended, for the SWVs the reader
    follows (an accountmanager: the portfolio)."""
    filter = RondefilterForm(request.GET or None, gebruiker=request.user)
    swvs = filter.samenwerkingsverbanden(request.user)
    regels = list(reversed(selectors.volledigheid(swvs, selectors.rondes())))
    return render(
        request,
        "toezicht/rondes.html",
        {"paginatitel": "Rapportagerondes thuiszitters", "regels": regels, "filter": filter},
        status=400 if filter.is_bound and not filter.is_valid() else 200,
    )


@rollen(Rol.INSPECTIE, Rol.ACCOUNTMANAGER, Rol.BEHEERDER)
def ronde(request, pk):
    """One round: every SWV's submission and its review, and who has not submitted."""
    gekozen = get_object_or_404(Rapportageronde, pk=pk)
    filter = RondefilterForm(request.GET or None, gebruiker=request.user)
    swvs = filter.samenwerkingsverbanden(request.user)
    registraties = (
        Thuiszitterregistratie.objects.for_user(request.user)
        .filter(ronde=gekozen, swv__in=swvs)
        .select_related("swv", "ingediend_door", "beoordeeld_door", "ronde")
        .order_by("swv__code")
    )
    (stand,) = selectors.volledigheid(swvs, [gekozen])
    uitleg = selectors.cijferuitleg(swvs, ronde=gekozen)
    return render(
        request,
        "toezicht/ronde.html",
        {
            "paginatitel": f"Ronde {formatting.periode(gekozen.periode_van, gekozen.periode_tot)}",
            "filter": filter,
            "ronde": gekozen,
            "stand": stand,
            "registraties": [(r, uitleg.ronde(r.swv_id, gekozen.pk)) for r in registraties],
            "ontbrekend": [
                (s, uitleg.ronde(s.pk, gekozen.pk)) for s in selectors.niet_ingediend(swvs, gekozen)
            ],
            "mag_beoordelen": request.user.heeft_rol(Rol.INSPECTIE),
        },
    )


@rollen(Rol.INSPECTIE, Rol.ACCOUNTMANAGER, Rol.BEHEERDER)
def inzending(request, pk):
    """One submission: its counts, its history of review, and (for the Inspectie) the review."""
    registratie = get_object_or_404(
        Thuiszitterregistratie.objects.for_user(request.user).select_related(
            "swv", "ronde", "ingediend_door", "beoordeeld_door"
        ),
        pk=pk,
    )
    mag_beoordelen = request.user.heeft_rol(Rol.INSPECTIE)
    form = BeoordelingForm(
        request.POST or None, initial={"versie": registratie.versie}, prefix="beoordeling"
    )
    if request.method == "POST":
        if not mag_beoordelen:
            raise PermissionDenied("Alleen de Inspectie beoordeelt ingediende aantallen.")

        def opslaan(data):
            actie = data["actie"]
            if actie == "accepteer":
                return services.accepteer(
                    registratie,
                    door=request.user,
                    oordeel=data["oordeel"],
                    toelichting=data["reden"],
                    verwachte_versie=data["versie"],
                )
            stap = services.stuur_terug if actie == "stuur_terug" else services.heropen
            return stap(
                registratie, door=request.user, reden=data["reden"], verwachte_versie=data["versie"]
            )

        if verwerk(form, opslaan) is not None:
            messages.success(request, "De beoordeling is vastgelegd.")
            return redirect(reverse("bevindingen:inzending", args=[registratie.pk]))
    oordeel = Registratieoordeel.objects.filter(
        swv=registratie.swv, periode_van=registratie.periode_van
    ).first()
    return render(
        request,
        "toezicht/inzending.html",
        {
            "paginatitel": f"Thuiszitters {registratie.swv.weergavecode}, "
            f"{registratie.periode_van:%d-%m-%Y} t/m {registratie.periode_tot:%d-%m-%Y}",
            "registratie": registratie,
            "cijfers": selectors.Periodecijfers(
                registratie.periode_van,
                registratie.periode_tot,
                {(t.soort, t.duur, t.met_aanbod): t.aantal for t in registratie.tellingen.all()},
            ),
            "schorsingen": registratie.schorsingen.order_by("pk"),
            "oordeel": oordeel,
            "form": form,
            "mag_beoordelen": mag_beoordelen,
            "status": Indieningsstatus,
        },
        status=400 if request.method == "POST" else 200,
    )


#: The overview shows each kind's newest rows; its list page has them all, paged.
PER_SECTIE = 10


@rollen(*ALLE_ROLLEN)
def bevindingen(request):
    """Every kind of finding for the SWVs the reader may see (or one SWV): how many there are,
    the newest few, a link to the whole list, and the overdue agreements."""
    user = request.user
    swvs = Samenwerkingsverband.objects.for_user(user).order_by("code")
    code = request.GET.get("samenwerkingsverband") or ""
    swv = get_object_or_404(swvs, code=code) if code else None
    vandaag = timezone.localdate()
    secties = []
    for soort in SOORTEN.values():
        rijen = soort.rijen(user)
        if swv is not None:
            rijen = rijen.filter(swv=swv)
        nieuwste = list(rijen.order_by(*soort.volgorde)[:PER_SECTIE])
        totaal = rijen.count() if len(nieuwste) == PER_SECTIE else len(nieuwste)
        secties.append(
            {
                "soort": soort,
                "aantal": soort.aantal(totaal),
                # a caption only when the table holds part of the kind; else its heading names it
                "bijschrift": (
                    f"{soort.titel}: de nieuwste {len(nieuwste)} van {soort.aantal(totaal)}"
                    if totaal > len(nieuwste)
                    else ""
                ),
                "rijen": soort.regels(nieuwste),
            }
        )
    verlopen = Vervolgafspraak.objects.for_user(user).filter(
        Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gt=vandaag), deadline__lt=vandaag
    )
    if swv is not None:
        verlopen = verlopen.filter(swv=swv)
    return render(
        request,
        "toezicht/bevindingen.html",
        {
            "paginatitel": f"Bevindingen van de Inspectie{f' — {swv.weergavecode}' if swv else ''}",
            "swvs": swvs.only("code", "naam", "sector"),
            "swv": swv,
            "secties": secties,
            "verlopen": verlopen.count(),
        },
    )


def _lijst(request, soort: str):
    """The chosen kind's rows as the filter narrows and sorts them, with the filter."""
    gekozen = SOORTEN[soort]
    swvs = Samenwerkingsverband.objects.for_user(request.user).order_by("code")
    filter = lijstfilter(
        request.GET or None, soort=gekozen, swvs=swvs.only("code", "naam", "sector")
    )
    rijen = filter.toepassen(gekozen.rijen(request.user), timezone.localdate())
    return gekozen, filter, rijen


@rollen(*ALLE_ROLLEN)
def bevindingenlijst(request, soort: str):
    """One kind of finding, all of it: paged, with its count, narrowed and sorted as chosen,
    each row leading to the finding's own page."""
    return _lijstpagina(request, *_lijst(request, soort))


def _lijstpagina(request, gekozen, filter, rijen):
    pagina = Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "toezicht/bevindingenlijst.html",
        {
            "paginatitel": gekozen.titel,
            "soort": gekozen,
            "filter": filter,
            "pagina": pagina,
            "rijen": gekozen.regels(pagina),
            "totaal": gekozen.aantal(pagina.paginator.count),
            "query": request.GET.urlencode(),
            "mag_vastleggen": request.user.heeft_rol(Rol.INSPECTIE),
        },
        status=400 if filter.is_bound and not filter.is_valid() else 200,
    )


@rollen(*ALLE_ROLLEN)
def bevindingenexport(request, soort: str, formaat: str):
    """The whole list as the filter narrows and sorts it, as CSV or XLSX; a wrong choice gets
    the list page with its message, not a file."""
    if formaat not in export.FORMATEN:
        raise Http404("Dit formaat bestaat niet.")
    gekozen, filter, rijen = _lijst(request, soort)
    if filter.is_bound and not filter.is_valid():
        return _lijstpagina(request, gekozen, filter, rijen)
    return export.antwoord(request, "bevindingen", gekozen.tabel(rijen), formaat)


@rollen(*ALLE_ROLLEN)
def bevinding(request, soort: str, pk: int):
    """One finding: every field, its text, who recorded it, and its history."""
    gekozen = SOORTEN[soort]
    gevonden = get_object_or_404(gekozen.rijen(request.user), pk=pk)
    entries = (
        LogEntry.objects.get_for_object(gevonden)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )
    return render(
        request,
        "toezicht/bevinding.html",
        {
            "paginatitel": f"{gekozen.enkelvoud.capitalize()}: {gevonden.swv.weergavecode}",
            "soort": gekozen,
            "bevinding": gevonden,
            "velden": gekozen.gegevens(gevonden),
            "teksten": gekozen.teksten(gevonden),
            "geschiedenis": swv_selectors.wijzigingen(entries),
            "mag_vastleggen": request.user.heeft_rol(Rol.INSPECTIE),
        },
    )


@rollen(Rol.INSPECTIE)
def bevinding_vastleggen(request, soort: str, pk: int | None = None):
    """The Inspectie records a finding, or changes one, through the same services as the API:
    the same checks, the same guard against pupils' data, and an edit conflict keeps the input."""
    gekozen = SOORTEN[soort]
    bestaand = (
        get_object_or_404(gekozen.model.objects.for_user(request.user, Actie.WIJZIGEN), pk=pk)
        if pk
        else None
    )
    namen = gekozen.formuliervelden
    initial = waarden_van(bestaand, (*namen, "versie"))
    if bestaand is None and request.GET.get("samenwerkingsverband"):
        initial["swv"] = Samenwerkingsverband.objects.filter(
            code=request.GET["samenwerkingsverband"]
        ).first()
    form = bevindingformulier(gekozen, request.POST or None, initial=initial)

    def opslaan(data):
        if bestaand is None:
            return services.leg_bevinding_vast(
                gekozen.model, door=request.user, **velden(data, namen)
            )
        return services.wijzig_bevinding(
            bestaand, door=request.user, verwachte_versie=data["versie"], **velden(data, namen)
        )

    naam = gekozen.enkelvoud.capitalize()
    return formulierpagina(
        request,
        form,
        opslaan,
        terug=(
            reverse(f"bevindingen:{soort}-detail", args=[bestaand.pk])
            if bestaand
            else reverse(f"bevindingen:{soort}")
        ),
        verder=lambda bewaard: reverse(f"bevindingen:{soort}-detail", args=[bewaard.pk]),
        melding=f"{naam} is opgeslagen.",
        template="toezicht/bevindingformulier.html",
        paginatitel=f"{naam} wijzigen" if bestaand else f"{naam} vastleggen",
        soort=gekozen,
    )


# -- the yearly risk analysis (ADR 0074) ---------------------------------------------------------


def _risicofilter(request):
    vandaag = timezone.localdate()
    jaren = list(range(vandaag.year, risico.EERSTE_JAAR - 1, -1))
    filter = RisicofilterForm(request.GET or None, jaren=jaren)
    analyse = risico.analyse(filter.keuze("jaar"), vandaag=vandaag)
    profielen = analyse.profielen
    if sector := filter.keuze("sector"):
        profielen = [p for p in profielen if p.swv.sector == sector]
    toon = filter.keuze("toon")
    if toon == Risicotoon.KWART:
        profielen = [p for p in profielen if p.hoogste_kwart]
    elif toon == Risicotoon.ONDERZOEK:
        profielen = [p for p in profielen if p.vier_jaar_niet_onderzocht]
    return filter, analyse, profielen


@rollen(Rol.INSPECTIE)
def risicoanalyse(request):
    """Every SWV of a year ranked by its risk score: each indicator's value, which count, the
    quarter with the highest risk marked and who has not been investigated for four years."""
    return _risicopagina(request, *_risicofilter(request))


def _risicopagina(request, filter, analyse, profielen):
    return render(
        request,
        "toezicht/risicoanalyse.html",
        {
            "paginatitel": f"Risicoanalyse {analyse.jaar}",
            "filter": filter,
            "analyse": analyse,
            "profielen": profielen,
            "maten": [
                (
                    risico.KOP[maat],
                    risico.kort(maat, analyse.regels[maat].drempel),
                    analyse.regels[maat],
                )
                for maat in Risicomaat
            ],
            "query": request.GET.urlencode(),
        },
        status=400 if filter.is_bound and not filter.is_valid() else 200,
    )


@rollen(Rol.INSPECTIE)
def risicoanalyse_export(request, formaat: str):
    if formaat not in export.FORMATEN:
        raise Http404("Dit formaat bestaat niet.")
    filter, analyse, profielen = _risicofilter(request)
    if filter.is_bound and not filter.is_valid():
        return _risicopagina(request, filter, analyse, profielen)
    return export.antwoord(request, "risicoanalyse", risico.tabel(analyse, profielen), formaat)


@rollen(Rol.INSPECTIE)
def risicoprofiel(request, jaar: int, code: str):
    """One SWV in a year's analysis: every indicator with its value, threshold, weight, where
    the value comes from and why it counts, and the score explained."""
    vandaag = timezone.localdate()
    if not risico.EERSTE_JAAR <= jaar <= vandaag.year:
        raise Http404("Voor dit jaar is er geen risicoanalyse.")
    swv = get_object_or_404(Samenwerkingsverband.objects.for_user(request.user), code=code)
    analyse = risico.analyse(jaar, vandaag=vandaag)
    profiel = analyse.van(swv)
    return render(
        request,
        "toezicht/risicoprofiel.html",
        {
            "paginatitel": f"Risicoanalyse {jaar}: {swv.weergavecode}",
            "analyse": analyse,
            "profiel": profiel,
            "swv": swv,
            "aantal": len(analyse.profielen),
        },
    )


@rollen(Rol.INSPECTIE)
def risicoregels(request):
    """The thresholds and weights in force, their history, and the form to set new ones from a
    day on."""
    vandaag = timezone.localdate()
    in_werking = risico.regels_op(vandaag)
    initial = {"geldig_vanaf": vandaag}
    for maat, regel in in_werking.items():
        initial[f"drempel_{maat}"] = int(regel.drempel) if maat in risico.GETELD else regel.drempel
        initial[f"gewicht_{maat}"] = regel.gewicht
    form = RisicoregelsForm(request.POST or None, initial=initial, maten=list(Risicomaat))

    def opslaan(data):
        return services.stel_risicoregels_vast(
            door=request.user, geldig_vanaf=data["geldig_vanaf"], regels=form.regels()
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("bevindingen:risicoanalyse"),
        melding="De drempels en gewichten zijn opgeslagen.",
        verder=lambda _: reverse("bevindingen:risicoregels"),
        template="toezicht/risicoregels.html",
        titel="Drempels en gewichten van de risicoanalyse",
        paginatitel="Drempels en gewichten van de risicoanalyse",
        in_werking=[
            (Risicomaat(m), in_werking[m], risico.kort(m, in_werking[m].drempel))
            for m in Risicomaat
            if m in in_werking
        ],
        eerder=[
            (Risicomaat(r.maat), r, risico.kort(r.maat, r.drempel))
            for r in sorted(
                Risicoregel.objects.select_related("vastgelegd_door"),
                key=lambda r: (-r.geldig_vanaf.toordinal(), list(Risicomaat).index(r.maat)),
            )
        ],
    )
