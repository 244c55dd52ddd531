"""The coördinator's pages: "Mijn samenwerkingsverband" with its milestones and timeline, and
the forms that keep its facts, plans, OPR and OOGO. Every write goes through services.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accounts.access import ALLE_ROLLEN, rollen
from accounts.models import Rol
from ondersteuningsplan import geschillen, selectors, services, toelichtingen, werkagenda
from ondersteuningsplan.forms import (
    FeitForm,
    FeitVerwijderenForm,
    GeschilForm,
    OndersteuningsplanForm,
    OOGOForm,
    OPRBesluitForm,
    OPRLidForm,
    ToelichtingForm,
    WerkagendaForm,
)
from ondersteuningsplan.models import (
    OOGO,
    Feit,
    Geschil,
    Geschilsoort,
    Mijlpaal,
    Ondersteuningsplan,
    OPRBesluit,
    OPRLid,
    Toelichting,
    Werkagenda,
)
from ondersteuningsplan.stappen import OP_STAPPEN, REGELS, SWV_STAPPEN, Stap
from passend.forms import formulierpagina, velden, verwerk, waarden_van
from passend.peildatum import lees_datum
from swv import selectors as swv_selectors
from swv.models import Gemeente, Samenwerkingsverband
from swv.querysets import Actie, Bereik, bereik
from swv.services.documenten import nieuw_of_huidig
from swv.views import swv_voor

SCHRIJVERS = (Rol.COORDINATOR,)


def bewerkbaar_swv(request, code) -> Samenwerkingsverband:
    """The SWV the user may change, or 404, also for a guessed code."""
    return get_object_or_404(
        Samenwerkingsverband.objects.for_user(request.user, Actie.WIJZIGEN), code=code
    )


def mag_wijzigen(user) -> bool:
    return bereik(user, Actie.WIJZIGEN) is not Bereik.NIETS


def stap_url(swv, stap: str, plan: Ondersteuningsplan | None) -> str | None:
    """Where the coördinator records a step, or None when it needs a plan that is not there."""
    regel = REGELS[Stap(stap)]
    if regel.swv_niveau:
        return reverse("ondersteuningsplan:feit", args=[swv.code, stap])
    if plan is None:
        return None
    if regel.uit_opr_besluit:
        return reverse("ondersteuningsplan:opr_besluit_nieuw", args=[swv.code, plan.pk])
    return reverse("ondersteuningsplan:plan_feit", args=[swv.code, plan.pk, stap])


def ontbrekend_item(swv, stap: str, plan: Ondersteuningsplan | None, feiten) -> tuple:
    """A missing step with where to record it. When the current plan has the step already, what
    is missing is the next plan (a new cycle): the link starts it."""
    if plan is not None and any(
        f.ondersteuningsplan_id == plan.pk and f.stap == stap for f in feiten
    ):
        return (
            f"{Stap(stap).label}: nieuw ondersteuningsplan aanmaken",
            reverse("ondersteuningsplan:plan_nieuw", args=[swv.code]),
        )
    return Stap(stap).label, stap_url(swv, stap, plan)


@rollen(*ALLE_ROLLEN)
def overzicht(request, code):
    """Mijn samenwerkingsverband: milestones as of the peildatum, what the next one lacks, the
    timeline of facts, the plans and the region."""
    swv = swv_voor(request, code)
    try:
        peildatum = lees_datum(request.GET.get("peildatum"))
    except ValidationError as fout:
        messages.error(request, fout.messages[0])
        peildatum = lees_datum(None)
    standen = selectors.standen_van(swv, peildatum)
    geschilstanden = geschillen.op_peildatum(swv, peildatum)
    plannen = list(swv.ondersteuningsplannen.order_by("-periode_van"))
    huidig_plan = plannen[0] if plannen else None
    volgende = selectors.volgende(standen)
    feiten = selectors.feiten_van(swv)
    per_stap = {f.stap: f for f in feiten if f.ondersteuningsplan_id is None}
    schrijver = mag_wijzigen(request.user)
    uitleg = toelichtingen.van([swv.pk])
    return render(
        request,
        "ondersteuningsplan/overzicht.html",
        {
            "swv": swv,
            "peildatum": peildatum,
            "standen": [
                (s, geschillen.houdt_op(s, geschilstanden), _toelichtingen(swv, s, uitleg))
                for s in standen
            ],
            "volgende": volgende,
            "volgende_opgehouden": geschillen.houdt_op(volgende, geschilstanden)
            if volgende
            else [],
            "ontbrekend": [
                ontbrekend_item(swv, s, huidig_plan, feiten) if schrijver else (Stap(s).label, None)
                for s in (volgende.ontbrekend if volgende else ())
            ],
            "cyclusstand": next((s for s in standen if s.cycli), None),
            "swv_stappen": [
                (Stap(s), per_stap.get(s), reverse("ondersteuningsplan:feit", args=[swv.code, s]))
                for s in SWV_STAPPEN
            ],
            "tijdlijn": selectors.tijdlijn(swv, feiten),
            "plannen": plannen,
            "regio": swv_selectors.regio(swv, peildatum),
            "leden": swv_selectors.leden(swv, peildatum),
            "scholen": swv_selectors.scholen(swv, peildatum),
            "werkagenda": werkagenda.op_peildatum(swv, peildatum),
            "geschillen": geschilstanden,
            "geschilsoorten": [(s.value, s.label) for s in geschillen.OP_FORMULIER],
            "mag_wijzigen": schrijver,
            "actief": "overzicht",
        },
    )


def _toelichtingen(swv, stand, uitleg) -> list[tuple]:
    """Per part of a milestone's state that asks for an explanation: the part, its explanation
    (or None) and the address of its form."""
    uit = []
    for deel, toelichting in toelichtingen.delen(swv.pk, stand, uitleg):
        code = stand.mijlpaal.code
        url = (
            reverse("ondersteuningsplan:toelichting_cyclus", args=[swv.code, code, deel.cyclus])
            if deel.cyclus
            else reverse("ondersteuningsplan:toelichting", args=[swv.code, code])
        )
        uit.append((deel, toelichting, url))
    return uit


def stap_en_feit(swv, stap: str, plan: int | None) -> tuple[Ondersteuningsplan | None, Feit | None]:
    """The plan a step belongs to (None for a step of the SWV itself) and its recorded fact, if
    any; 404 for a step without a form, a plan of another SWV, or a step asked of the wrong
    level."""
    if stap not in Stap.values or REGELS[Stap(stap)].uit_opr_besluit:
        raise Http404
    regel = REGELS[Stap(stap)]
    ondersteuningsplan = None
    if not regel.swv_niveau:
        if plan is None:
            raise Http404
        ondersteuningsplan = get_object_or_404(Ondersteuningsplan, swv=swv, pk=plan)
    elif plan is not None:
        raise Http404
    bestaand = (
        Feit.objects.filter(swv=swv, stap=stap, ondersteuningsplan=ondersteuningsplan)
        .select_related("document")
        .prefetch_related("afgestemd_met")
        .first()
    )
    return ondersteuningsplan, bestaand


def terug_van_stap(swv, ondersteuningsplan: Ondersteuningsplan | None) -> str:
    if ondersteuningsplan:
        return reverse("ondersteuningsplan:plan", args=[swv.code, ondersteuningsplan.pk])
    return reverse("ondersteuningsplan:overzicht", args=[swv.code])


def verwijder_url(swv, stap: str, ondersteuningsplan: Ondersteuningsplan | None) -> str:
    if ondersteuningsplan:
        return reverse(
            "ondersteuningsplan:plan_feit_verwijderen",
            args=[swv.code, ondersteuningsplan.pk, stap],
        )
    return reverse("ondersteuningsplan:feit_verwijderen", args=[swv.code, stap])


@rollen(*SCHRIJVERS)
def feit(request, code, stap, plan=None):
    """Record a step (or change its record): date, remark, PDF."""
    swv = bewerkbaar_swv(request, code)
    ondersteuningsplan, bestaand = stap_en_feit(swv, stap, plan)
    initial = {}
    if bestaand:
        initial = {
            "datum": bestaand.datum,
            "opmerking": bestaand.opmerking,
            "rechtsvorm": bestaand.rechtsvorm,
            "afgestemd_met": list(bestaand.afgestemd_met.all()),
            "versie": bestaand.versie,
        }
    form = FeitForm(
        request.POST or None, request.FILES or None, initial=initial, stap=stap, swv=swv
    )

    def opslaan(data):
        return services.registreer_feit(
            swv=swv,
            stap=stap,
            datum=data["datum"],
            door=request.user,
            ondersteuningsplan=ondersteuningsplan,
            opmerking=data["opmerking"],
            document=nieuw_of_huidig(
                swv, data["document"], bestaand and bestaand.document, request.user
            ),
            rechtsvorm=data.get("rechtsvorm", ""),
            afgestemd_met=data.get("afgestemd_met") or (),
            feit=bestaand,
            verwachte_versie=data["versie"],
        )

    terug = terug_van_stap(swv, ondersteuningsplan)
    return formulierpagina(
        request,
        form,
        opslaan,
        terug=terug,
        melding=f"'{Stap(stap).label}' is opgeslagen.",
        swv=swv,
        titel=Stap(stap).label,
        ondertitel=str(ondersteuningsplan) if ondersteuningsplan else None,
        document=bestaand.document if bestaand else None,
        verwijderen=verwijder_url(swv, stap, ondersteuningsplan) if bestaand else None,
    )


@rollen(*SCHRIJVERS)
def feit_verwijderen(request, code, stap, plan=None):
    """Remove a fact recorded by mistake: GET shows the fact, what its removal does to the
    milestones and whether the order rules allow it; POST, with the version shown, removes it
    through the service."""
    swv = bewerkbaar_swv(request, code)
    ondersteuningsplan, bestaand = stap_en_feit(swv, stap, plan)
    if bestaand is None:
        raise Http404
    label = Stap(stap).label
    terug = terug_van_stap(swv, ondersteuningsplan)
    form = FeitVerwijderenForm(
        request.POST if request.method == "POST" else None, initial={"versie": bestaand.versie}
    )

    def verwijder(data):
        services.verwijder_feit(bestaand, door=request.user, verwachte_versie=data["versie"])
        return bestaand

    if request.method == "POST" and verwerk(form, verwijder) is not None:
        messages.success(request, f"'{label}' is verwijderd.")
        return redirect(terug)
    conflict = getattr(form, "conflict", None)
    feit = conflict or bestaand  # after a conflict: the fact as it is now
    peildatum = lees_datum(None)
    return render(
        request,
        "ondersteuningsplan/feit_verwijderen.html",
        {
            "swv": swv,
            "feit": feit,
            "label": label,
            "plan": ondersteuningsplan,
            "form": form,
            "conflict": conflict,
            "terug": terug,
            "wijzigen": stap_url(swv, stap, ondersteuningsplan),
            "peildatum": peildatum,
            "gevolgen": selectors.gevolgen_van_verwijderen(swv, feit, peildatum),
            "bezwaren": services.verwijderfouten(
                feit, services.stapdatums(swv, ondersteuningsplan, behalve_feit=feit)
            ),
        },
        status=409 if conflict is not None else (400 if form.is_bound else 200),
    )


@rollen(*ALLE_ROLLEN)
def plan(request, code, plan):
    """One version of the OP: its steps, the OPR's decisions, OOGO per gemeente."""
    swv = swv_voor(request, code)
    ondersteuningsplan = get_object_or_404(
        Ondersteuningsplan.objects.select_related("document"), swv=swv, pk=plan
    )
    feiten = {f.stap: f for f in ondersteuningsplan.feiten.select_related("document")}
    oogo = {o.gemeente_id: o for o in ondersteuningsplan.oogo.select_related("verslag")}
    return render(
        request,
        "ondersteuningsplan/plan.html",
        {
            "swv": swv,
            "plan": ondersteuningsplan,
            "stappen": [
                (
                    Stap(s),
                    feiten.get(s),
                    reverse("ondersteuningsplan:plan_feit", args=[swv.code, plan, s]),
                )
                for s in OP_STAPPEN
            ],
            "besluiten": ondersteuningsplan.opr_besluiten.select_related("notulen")
            .prefetch_related("geschillen")
            .order_by("datum_voorgelegd"),
            "oogo": [(r.gemeente, oogo.get(r.gemeente.pk)) for r in swv_selectors.regio(swv)],
            "mag_wijzigen": mag_wijzigen(request.user),
            "actief": "plannen",
        },
    )


@rollen(*SCHRIJVERS)
def plan_bewerken(request, code, plan=None):
    swv = bewerkbaar_swv(request, code)
    bestaand = (
        get_object_or_404(Ondersteuningsplan.objects.select_related("document"), swv=swv, pk=plan)
        if plan
        else None
    )
    namen = ("titel", "periode_van", "periode_tot")
    initial = waarden_van(bestaand, (*namen, "versie"))
    form = OndersteuningsplanForm(request.POST or None, request.FILES or None, initial=initial)
    resultaat = {}

    def opslaan(data):
        resultaat["plan"] = services.bewaar_ondersteuningsplan(
            swv=swv,
            **velden(data, namen),
            door=request.user,
            document=nieuw_of_huidig(
                swv, data["document"], bestaand and bestaand.document, request.user
            ),
            ondersteuningsplan=bestaand,
            verwachte_versie=data["versie"],
        )
        return resultaat["plan"]

    terug = LazyUrl(
        lambda: (
            reverse("ondersteuningsplan:plan", args=[swv.code, resultaat["plan"].pk])
            if "plan" in resultaat
            else reverse("ondersteuningsplan:overzicht", args=[swv.code])
        )
    )
    return formulierpagina(
        request,
        form,
        opslaan,
        terug=terug,
        melding="Het ondersteuningsplan is opgeslagen.",
        swv=swv,
        titel=f"{bestaand} wijzigen" if bestaand else "Nieuw ondersteuningsplan",
        document=bestaand.document if bestaand else None,
    )


class LazyUrl:
    """A url computed when it is used (after saving), for redirect() and templates."""

    def __init__(self, maak):
        self.maak = maak

    def __str__(self):
        return self.maak()

    def get_absolute_url(self):
        return self.maak()


@rollen(*SCHRIJVERS)
def opr_besluit(request, code, plan, besluit=None):
    swv = bewerkbaar_swv(request, code)
    ondersteuningsplan = get_object_or_404(Ondersteuningsplan, swv=swv, pk=plan)
    bestaand = (
        get_object_or_404(
            OPRBesluit.objects.select_related("notulen"),
            ondersteuningsplan=ondersteuningsplan,
            pk=besluit,
        )
        if besluit
        else None
    )
    namen = (
        "datum_voorgelegd",
        "besluit",
        "datum_besluit",
        "toelichting",
    )
    initial = waarden_van(bestaand, (*namen, "versie"))
    form = OPRBesluitForm(request.POST or None, request.FILES or None, initial=initial)

    def opslaan(data):
        return services.registreer_opr_besluit(
            ondersteuningsplan=ondersteuningsplan,
            door=request.user,
            **velden(data, namen),
            notulen=nieuw_of_huidig(
                swv, data["notulen"], bestaand and bestaand.notulen, request.user
            ),
            opr_besluit=bestaand,
            verwachte_versie=data["versie"],
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("ondersteuningsplan:plan", args=[swv.code, plan]),
        melding="Het besluit van de ondersteuningsplanraad is opgeslagen.",
        swv=swv,
        titel="Besluit van de ondersteuningsplanraad",
        ondertitel=str(ondersteuningsplan),
        document=bestaand.notulen if bestaand else None,
    )


@rollen(*SCHRIJVERS)
def oogo(request, code, plan, gemeente):
    swv = bewerkbaar_swv(request, code)
    ondersteuningsplan = get_object_or_404(Ondersteuningsplan, swv=swv, pk=plan)
    gemeente = get_object_or_404(
        Gemeente.objects.filter(pk__in=services.gemeenten_van(swv)), pk=gemeente
    )
    bestaand = (
        OOGO.objects.filter(ondersteuningsplan=ondersteuningsplan, gemeente=gemeente)
        .select_related("verslag")
        .first()
    )
    namen = (
        "status",
        "datum_gepland",
        "datum_gehouden",
        "datum_uitkomst",
        "toelichting",
    )
    initial = waarden_van(bestaand, (*namen, "versie"))
    form = OOGOForm(request.POST or None, request.FILES or None, initial=initial)

    def opslaan(data):
        return services.registreer_oogo(
            ondersteuningsplan=ondersteuningsplan,
            gemeente=gemeente,
            door=request.user,
            **velden(data, namen),
            verslag=nieuw_of_huidig(
                swv, data["verslag"], bestaand and bestaand.verslag, request.user
            ),
            oogo=bestaand,
            verwachte_versie=data["versie"],
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("ondersteuningsplan:plan", args=[swv.code, plan]),
        melding=f"Het OOGO met {gemeente} is opgeslagen.",
        swv=swv,
        titel=f"OOGO met {gemeente}",
        ondertitel=str(ondersteuningsplan),
        document=bestaand.verslag if bestaand else None,
    )


@rollen(*ALLE_ROLLEN)
def opr(request, code):
    """The members of the ondersteuningsplanraad, by geleding: the current ones, or with
    `?alle=ja` also those whose term has ended or not yet begun."""
    swv = swv_voor(request, code)
    alle = request.GET.get("alle") == "ja"
    return render(
        request,
        "ondersteuningsplan/opr.html",
        {
            "swv": swv,
            "alle": alle,
            "leden": selectors.opr_leden(swv, None if alle else lees_datum(None)),
            "mag_wijzigen": mag_wijzigen(request.user),
            "actief": "opr",
        },
    )


@rollen(*SCHRIJVERS)
def opr_lid(request, code, lid=None):
    swv = bewerkbaar_swv(request, code)
    bestaand = get_object_or_404(OPRLid, swv=swv, pk=lid) if lid else None
    namen = ("geleding", "naam", "school", "begin_termijn", "einde_termijn")
    initial = waarden_van(bestaand, (*namen, "versie"))
    form = OPRLidForm(request.POST or None, initial=initial, swv=swv)

    def opslaan(data):
        return services.registreer_opr_lid(
            swv=swv,
            door=request.user,
            **velden(data, namen),
            lid=bestaand,
            verwachte_versie=data["versie"],
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("ondersteuningsplan:opr", args=[swv.code]),
        melding="Het lid van de ondersteuningsplanraad is opgeslagen.",
        swv=swv,
        titel="Lid van de ondersteuningsplanraad",
    )


@rollen(*SCHRIJVERS)
def werkagenda_vastleggen(request, code):
    """The werkagenda of 2012 and its subsidy request (ondersteuningsplan/werkagenda.py)."""
    swv = bewerkbaar_swv(request, code)
    bestaand = Werkagenda.objects.filter(swv=swv).select_related("document").first()
    namen = ("vastgesteld_op", "subsidie_aangevraagd_op", "subsidie_toegekend_op")
    form = WerkagendaForm(
        request.POST or None,
        request.FILES or None,
        initial=waarden_van(bestaand, (*namen, "versie")),
    )

    def opslaan(data):
        return services.leg_werkagenda_vast(
            swv=swv,
            door=request.user,
            **velden(data, namen),
            document=nieuw_of_huidig(
                swv, data["document"], bestaand and bestaand.document, request.user
            ),
            verwachte_versie=data["versie"],
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("ondersteuningsplan:overzicht", args=[swv.code]) + "#kop-werkagenda",
        melding="De werkagenda is opgeslagen.",
        swv=swv,
        titel="Werkagenda",
        ondertitel="Proces en planning naar de inrichting, het ondersteuningsplan en een personeelsplan",
        document=bestaand.document if bestaand else None,
    )


@rollen(*SCHRIJVERS)
def toelichting(request, code, mijlpaal, cyclus=0):
    """The SWV's explanation of a milestone it missed, met late or is at risk of missing, or of
    one OP cycle (ondersteuningsplan/toelichtingen.py, ADR 0082)."""
    swv = bewerkbaar_swv(request, code)
    mijlpaal = get_object_or_404(Mijlpaal, code=mijlpaal)
    bestaand = (
        Toelichting.objects.filter(swv=swv, mijlpaal=mijlpaal, cyclus=cyclus)
        .select_related("document")
        .first()
    )
    namen = ("tekst", "verwacht_op")
    form = ToelichtingForm(
        request.POST or None,
        request.FILES or None,
        initial=waarden_van(bestaand, (*namen, "versie")),
    )

    def opslaan(data):
        return services.leg_toelichting_vast(
            swv=swv,
            mijlpaal=mijlpaal,
            cyclus=cyclus,
            door=request.user,
            **velden(data, namen),
            document=nieuw_of_huidig(
                swv, data["document"], bestaand and bestaand.document, request.user
            ),
            toelichting=bestaand,
            verwachte_versie=data["versie"],
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("ondersteuningsplan:overzicht", args=[swv.code]) + "#kop-mijlpalen",
        melding="De toelichting is opgeslagen.",
        swv=swv,
        titel="Toelichting",
        ondertitel=mijlpaal.naam + (f" (OP-cyclus {cyclus})" if cyclus else ""),
        document=bestaand.document if bestaand else None,
    )


@rollen(*SCHRIJVERS)
def geschil(request, code, soort=None, pk=None):
    """A dispute: recorded with its kind and party, then kept up to date with the body it was
    put to and the ruling (ondersteuningsplan/geschillen.py)."""
    swv = bewerkbaar_swv(request, code)
    bestaand = None
    if pk is not None:
        bestaand = get_object_or_404(
            Geschil.objects.select_related("oogo__gemeente", "opr_besluit", "bestuur"),
            swv=swv,
            pk=pk,
        )
        soort = bestaand.soort
    elif soort not in geschillen.OP_FORMULIER:
        raise Http404
    namen = (
        "ontstaan_op",
        "instantie",
        "voorgelegd_op",
        "uitspraak",
        "uitspraak_op",
        "toelichting",
    )
    form = GeschilForm(
        request.POST or None,
        initial=waarden_van(bestaand, (*namen, "versie")) or {"instantie": "", "uitspraak": ""},
        soort=soort,
        swv=swv,
        nieuw=bestaand is None,
    )

    def opslaan(data):
        partij = {}
        if bestaand is None:
            naam = GeschilForm.PARTIJ[soort]
            partij = {naam: data[naam]}
        return services.leg_geschil_vast(
            swv=swv,
            door=request.user,
            soort=soort,
            **partij,
            **velden(data, namen),
            geschil=bestaand,
            verwachte_versie=data["versie"],
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("ondersteuningsplan:overzicht", args=[swv.code]) + "#kop-geschillen",
        melding="Het geschil is opgeslagen.",
        swv=swv,
        titel=f"Geschil: {Geschilsoort(soort).label.lower()}"
        if soort != Geschilsoort.OOGO
        else "Geschil: OOGO met een gemeente",
        ondertitel=geschillen.stand(bestaand, bestaand.ontstaan_op).partij if bestaand else None,
    )
