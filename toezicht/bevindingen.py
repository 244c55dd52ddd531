"""Read-only pages of the Inspectie's findings. The findings are written through the API only;
who sees which is `for_user`, the same rule as the API: a coördinator only their own SWV."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from accounts.toegang import ALLE_ROLLEN, rollen
from swv.models import Samenwerkingsverband
from toezicht.models import (
    Afspraakstatus,
    Kwaliteitsonderzoek,
    Registratieoordeel,
    Risicoindicator,
    Signaal,
    Vervolgafspraak,
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
