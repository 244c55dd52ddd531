from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from accounts.toegang import ALLE_ROLLEN, rollen
from swv import selectors
from swv.models import Samenwerkingsverband

LEZERS = ALLE_ROLLEN


def swv_voor(request, code):
    """The SWV the user may read, or 404: a guessed code of another SWV looks like none."""
    return get_object_or_404(Samenwerkingsverband.objects.for_user(request.user), code=code)


@rollen(*LEZERS)
def lijst(request):
    swvs = Samenwerkingsverband.objects.for_user(request.user).order_by("code")
    sector = request.GET.get("sector")
    if sector in ("PO", "VO"):
        swvs = swvs.filter(sector=sector)
    return render(
        request,
        "swv/lijst.html",
        {"swvs": swvs, "sector": sector, "paginatitel": "Samenwerkingsverbanden"},
    )


@rollen(*LEZERS)
def detail(request, code):
    swv = swv_voor(request, code)
    return render(
        request,
        "swv/detail.html",
        {
            "swv": swv,
            "regio": selectors.regio(swv),
            "leden": selectors.leden(swv),
            "scholen": selectors.scholen(swv),
        },
    )


@rollen(*LEZERS)
def geschiedenis(request, code):
    swv = swv_voor(request, code)
    pagina = Paginator(selectors.geschiedenis(swv), 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "swv/geschiedenis.html",
        {"swv": swv, "pagina": pagina, "regels": selectors.wijzigingen(pagina)},
    )
