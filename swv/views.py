from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from accounts.access import ALLE_ROLLEN, rollen
from accounts.models import Rol
from passend.forms import formulierpagina
from swv import selectors
from swv.downloads import als_download
from swv.forms import LidToevoegenForm, LidWijzigenForm
from swv.models import Document, Lidmaatschap, Samenwerkingsverband, School, Schoolbestuur
from swv.querysets import Actie, Bereik, bereik
from swv.services.leden import voeg_lid_toe, wijzig_lidmaatschap

LEZERS = ALLE_ROLLEN
SCHRIJVERS = (Rol.COORDINATOR,)


def swv_voor(request, code, actie: Actie = Actie.LEZEN):
    """The SWV the user may read (or change), or 404: a guessed code of another SWV looks like
    none."""
    return get_object_or_404(Samenwerkingsverband.objects.for_user(request.user, actie), code=code)


@rollen(*LEZERS)
def lijst(request):
    swvs = Samenwerkingsverband.objects.for_user(request.user).order_by("code")
    sector = request.GET.get("sector")
    if sector in ("PO", "VO"):
        swvs = swvs.filter(sector=sector)
    return render(
        request,
        "swv/lijst.html",
        {
            "swvs": swvs,
            "sector": sector,
            "kiezen": request.user.rol == Rol.COORDINATOR,
            "paginatitel": "Samenwerkingsverbanden",
        },
    )


@rollen(*LEZERS)
def geschiedenis(request, code):
    swv = swv_voor(request, code)
    pagina = Paginator(selectors.geschiedenis(swv), 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "swv/geschiedenis.html",
        {
            "swv": swv,
            "pagina": pagina,
            "regels": selectors.wijzigingen(pagina),
            "actief": "geschiedenis",
        },
    )


@rollen(*LEZERS)
def leden(request, code):
    """The member boards and their voting weights, with the way to add one."""
    swv = swv_voor(request, code)
    return render(
        request,
        "swv/leden.html",
        {
            "swv": swv,
            "leden": selectors.leden(swv),
            "mag_wijzigen": bereik(request.user, Actie.WIJZIGEN) is not Bereik.NIETS,
            "actief": "leden",
        },
    )


@rollen(*SCHRIJVERS)
def lid_toevoegen(request, code):
    swv = swv_voor(request, code, Actie.WIJZIGEN)
    vandaag = timezone.localdate()
    lopend = Lidmaatschap.objects.filter(swv=swv, bestuur=OuterRef("pk")).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gt=vandaag)
    )
    besturen = (
        Schoolbestuur.objects.filter(pk__in=School.objects.in_swv(swv, vandaag).values("bestuur"))
        .exclude(Exists(lopend))
        .met_schoolnaam()
        .order_by("naam", "eerste_school")
    )
    form = LidToevoegenForm(
        request.POST or None, besturen=besturen, initial={"begindatum": vandaag}
    )
    return formulierpagina(
        request,
        form,
        lambda data: voeg_lid_toe(swv=swv, door=request.user, **data),
        terug=reverse("swv:leden", args=[swv.code]),
        melding="Het bestuur is als lid toegevoegd.",
        swv=swv,
        titel="Lid toevoegen",
    )


@rollen(*SCHRIJVERS)
def lid_wijzigen(request, code, lid):
    swv = swv_voor(request, code, Actie.WIJZIGEN)
    lidmaatschap = get_object_or_404(
        Lidmaatschap.objects.select_related("bestuur"), swv=swv, pk=lid
    )
    form = LidWijzigenForm(
        request.POST or None,
        initial={
            "stemgewicht": lidmaatschap.stemgewicht,
            "einddatum": lidmaatschap.einddatum,
            "versie": lidmaatschap.versie,
        },
    )
    return formulierpagina(
        request,
        form,
        lambda data: wijzig_lidmaatschap(
            lidmaatschap,
            door=request.user,
            stemgewicht=data["stemgewicht"],
            einddatum=data["einddatum"],
            verwachte_versie=data["versie"],
        ),
        terug=reverse("swv:leden", args=[swv.code]),
        melding=f"Het lidmaatschap van {lidmaatschap.bestuur} is opgeslagen.",
        swv=swv,
        titel=f"Lidmaatschap van {lidmaatschap.bestuur}",
    )


@rollen(*LEZERS)
def document(request, code, pk):
    """A PDF of an SWV, for the roles that may read that SWV; another SWV's document is 404."""
    swv = swv_voor(request, code)
    doc = get_object_or_404(Document.objects.for_user(request.user), swv=swv, pk=pk)
    antwoord = als_download(doc)
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord
