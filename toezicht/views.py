"""The coördinator's thuiszitter counts per period, and the read-only pages of the Inspectie's
findings. The findings are written through the API only; who sees which is `for_user`, the same
rule as the API: a coördinator only their own SWV."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.access import ALLE_ROLLEN, rollen
from accounts.models import Rol
from passend import formatting
from passend.forms import formulierpagina, verwerk
from swv.models import Samenwerkingsverband
from swv.querysets import Actie, Bereik, bereik
from swv.views import swv_voor
from toezicht import selectors, services
from toezicht.forms import BeoordelingForm, RondefilterForm, ThuiszittersForm, veldnaam
from toezicht.models import (
    Afspraakstatus,
    Indieningsstatus,
    Kwaliteitsonderzoek,
    Rapportageronde,
    Rapportagesoort,
    Registratieoordeel,
    Risicoindicator,
    Signaal,
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
    rijen = [
        (ronde, registraties.get(ronde.pk), cijfers.get(ronde.periode_van))
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
    elif "ronde" in request.GET:
        initial["ronde"] = request.GET["ronde"]
    form = ThuiszittersForm(request.POST or None, initial=initial, rondes=rondes)

    def opslaan(data):
        registratie = registreer_thuiszitters(
            swv=swv,
            ronde=data["ronde"],
            aantallen=form.aantallen(),
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
    return render(
        request,
        "toezicht/ronde.html",
        {
            "paginatitel": f"Ronde {formatting.periode(gekozen.periode_van, gekozen.periode_tot)}",
            "filter": filter,
            "ronde": gekozen,
            "stand": stand,
            "registraties": registraties,
            "ontbrekend": selectors.niet_ingediend(swvs, gekozen),
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
            "oordeel": oordeel,
            "form": form,
            "mag_beoordelen": mag_beoordelen,
            "status": Indieningsstatus,
        },
        status=400 if request.method == "POST" else 200,
    )


#: Each section shows the most recent rows; the API has the full, paged collections.
PER_SECTIE = 50


@rollen(*ALLE_ROLLEN)
def bevindingen(request):
    user = request.user
    swvs = Samenwerkingsverband.objects.for_user(user).order_by("code")
    code = request.GET.get("samenwerkingsverband") or ""
    swv = get_object_or_404(swvs, code=code) if code else None
    vandaag = timezone.localdate()

    def rijen(model, *volgorde):
        queryset = model.objects.for_user(user).select_related("swv", "vastgelegd_door")
        if swv is not None:
            queryset = queryset.filter(swv=swv)
        return list(queryset.order_by(*volgorde)[:PER_SECTIE])

    afspraken = rijen(Vervolgafspraak, "deadline", "pk")
    return render(
        request,
        "toezicht/bevindingen.html",
        {
            "paginatitel": f"Bevindingen van de Inspectie{f' — {swv.weergavecode}' if swv else ''}",
            "swvs": swvs.only("code", "naam", "sector"),
            "swv": swv,
            "vandaag": vandaag,
            "verlopen": [a for a in afspraken if a.is_verlopen(vandaag)],
            "afspraken": afspraken,
            "signalen": rijen(Signaal, "-ontvangen_op", "-pk"),
            "oordelen": rijen(Registratieoordeel, "-periode_van", "swv__code"),
            "onderzoeken": rijen(Kwaliteitsonderzoek, "-begonnen_op", "swv__code"),
            "indicatoren": rijen(Risicoindicator, "-periode_van", "swv__code", "indicator"),
            "open": Afspraakstatus.OPEN,
        },
    )
