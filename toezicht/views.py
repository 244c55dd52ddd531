"""The coördinator's thuiszitter counts per period."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from accounts.models import Rol
from accounts.toegang import ALLE_ROLLEN, rollen
from passend.forms import formulierpagina
from swv.querysets import Actie, Bereik, bereik
from swv.views import swv_voor
from toezicht import selectors
from toezicht.forms import ThuiszittersForm, veldnaam
from toezicht.models import Thuiszitterregistratie
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
