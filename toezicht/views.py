"""The coördinator's thuiszitter counts per period, and the read-only pages of the Inspectie's
findings. The findings are written through the API only; who sees which is `for_user`, the same
rule as the API: a coördinator only their own SWV."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from accounts.access import ALLE_ROLLEN, rollen
from accounts.models import Rol
from passend.forms import formulierpagina
from swv.models import Samenwerkingsverband
from swv.querysets import Actie, Bereik, bereik
from swv.views import swv_voor
from toezicht import selectors
from toezicht.forms import ThuiszittersForm, veldnaam
from toezicht.models import (
    Afspraakstatus,
    Kwaliteitsonderzoek,
    Registratieoordeel,
    Risicoindicator,
    Signaal,
    Thuiszitterregistratie,
    Vervolgafspraak,
)
from toezicht.services import registreer_thuiszitters


@rollen(*ALLE_ROLLEN)
def thuiszitters(request, code):
    swv = swv_voor(request, code)
    registraties = {r.periode_van: r for r in Thuiszitterregistratie.objects.filter(swv=swv)}
    perioden = [
        (cijfers, registraties.get(cijfers.periode_van))
        for cijfers in reversed(selectors.per_periode([swv]))
    ]
    return render(
        request,
        "toezicht/thuiszitters.html",
        {
            "swv": swv,
            "perioden": perioden,
            "mag_wijzigen": bereik(request.user, Actie.WIJZIGEN) is not Bereik.NIETS,
            "actief": "thuiszitters",
        },
    )


@rollen(Rol.COORDINATOR)
def registratie(request, code, pk=None):
    swv = swv_voor(request, code, Actie.WIJZIGEN)
    bestaand = get_object_or_404(Thuiszitterregistratie, swv=swv, pk=pk) if pk else None
    initial = {}
    if bestaand:
        initial = {
            "periode_van": bestaand.periode_van,
            "periode_tot": bestaand.periode_tot,
            "versie": bestaand.versie,
        }
        for t in bestaand.tellingen.all():
            initial[veldnaam(t.soort, t.duur, t.met_aanbod)] = t.aantal
    form = ThuiszittersForm(request.POST or None, initial=initial)

    def opslaan(data):
        return registreer_thuiszitters(
            swv=swv,
            periode_van=data["periode_van"],
            periode_tot=data["periode_tot"],
            aantallen=form.aantallen(),
            door=request.user,
            opmerking=bestaand.opmerking if bestaand else "",
            registratie=bestaand,
            verwachte_versie=data["versie"],
        )

    return formulierpagina(
        request,
        form,
        opslaan,
        terug=reverse("toezicht:thuiszitters", args=[swv.code]),
        melding="De thuiszitters van deze periode zijn opgeslagen.",
        template="toezicht/registratie.html",
        swv=swv,
        titel="Thuiszitters per periode",
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
