"""Pages of the voortgangsrapportages: ask, follow progress, download, retry, publish.

Thin views: the rules are in services (who may ask, publish) and in `Rapport.objects.for_user`
(who may read). A report the user may not read looks like one that does not exist (404).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import ALLE_ROLLEN, rollen
from accounts.audit import registreer
from accounts.models import Auditsoort, Rol
from rapporten import services
from rapporten.forms import AanvraagForm, BatchForm
from rapporten.models import Batch, Herberekening, Rapport, Rapportstatus

AANVRAGERS = (Rol.ACCOUNTMANAGER, Rol.COORDINATOR)
#: Seconds between refreshes of a progress page (a <meta http-equiv="refresh">: no script).
VERVERS = 3


def rapport_voor(request, pk) -> Rapport:
    return get_object_or_404(
        Rapport.objects.for_user(request.user).select_related("swv", "batch", "groepering"), pk=pk
    )


@rollen(*ALLE_ROLLEN)
def lijst(request):
    form = AanvraagForm(gebruiker=request.user) if request.user.rol in AANVRAGERS else None
    return _lijst(request, form, BatchForm() if request.user.rol == Rol.ACCOUNTMANAGER else None)


def _lijst(request, form, batch_form, status=200):
    eigen = (
        Rapport.objects.for_user(request.user)
        .filter(aangevraagd_door=request.user)
        .select_related("swv", "groepering")[:20]
    )
    return render(
        request,
        "rapporten/lijst.html",
        {
            "paginatitel": "Voortgangsrapportages",
            "form": form,
            "batch_form": batch_form,
            "eigen": eigen,
            "gepubliceerd": Rapport.objects.gepubliceerd()
            .select_related("gepubliceerd_door")
            .annotate(
                errata=Subquery(
                    Herberekening.objects.filter(rapport=OuterRef("pk"))
                    .order_by("-berekend_op", "-pk")
                    .values("aantal")[:1]
                )
            ),
            "batches": Batch.objects.filter(aangevraagd_door=request.user)[:5]
            if batch_form
            else [],
        },
        status=status,
    )


@rollen(*AANVRAGERS)
@require_POST
def aanvragen(request):
    form = AanvraagForm(request.POST, gebruiker=request.user)
    if not form.is_valid():
        batch_form = BatchForm() if request.user.rol == Rol.ACCOUNTMANAGER else None
        return _lijst(request, form, batch_form, status=400)
    d = form.cleaned_data
    try:
        rapport = services.vraag_aan(
            request.user,
            d["soort"],
            d["peildatum"],
            d.get("sector") or "",
            d.get("swv"),
            d.get("groepering"),
        )
    except ValidationError as fout:
        form.add_error(None, fout)
        return _lijst(request, form, None, status=400)
    return redirect("rapporten:detail", pk=rapport.pk)


@rollen(*ALLE_ROLLEN)
def detail(request, pk):
    rapport = rapport_voor(request, pk)
    return render(
        request,
        "rapporten/detail.html",
        {
            "paginatitel": str(rapport),
            "rapport": rapport,
            "ververs": VERVERS if rapport.lopend else None,
            "mag_publiceren": request.user.rol == Rol.ACCOUNTMANAGER
            and rapport.soort == "landelijk"
            and rapport.status == Rapportstatus.KLAAR
            and not rapport.gepubliceerd,
            "herberekening": rapport.herberekeningen.first(),
            "mag_herberekenen": request.user.rol == Rol.ACCOUNTMANAGER
            and rapport.status == Rapportstatus.KLAAR,
            "mag_opnieuw": rapport.status == Rapportstatus.MISLUKT
            and (
                request.user.rol == Rol.ACCOUNTMANAGER
                or (request.user.rol == Rol.COORDINATOR and rapport.soort == "swv")
            ),
        },
    )


@rollen(*ALLE_ROLLEN)
def download(request, pk):
    rapport = rapport_voor(request, pk)
    if rapport.status != Rapportstatus.KLAAR or not rapport.pdf:
        raise Http404("Dit rapport is nog niet klaar.")
    registreer(
        Auditsoort.RAPPORT_DOWNLOAD,
        request=request,
        rapport_id=rapport.pk,
        swv_id=rapport.swv_id,
        peildatum=rapport.peildatum.isoformat(),
    )
    return FileResponse(
        rapport.pdf.open("rb"),
        as_attachment=True,
        filename=rapport.bestandsnaam(),
        content_type="application/pdf",
    )


@rollen(*AANVRAGERS)
@require_POST
def opnieuw(request, pk):
    rapport = rapport_voor(request, pk)
    try:
        rapport = services.opnieuw(request.user, rapport)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    return redirect("rapporten:detail", pk=rapport.pk)


@rollen(Rol.ACCOUNTMANAGER)
@require_POST
def herberekenen(request, pk):
    """Queues the recomputation of a finished report; its outcome shows on the report's page."""
    rapport = rapport_voor(request, pk)
    try:
        services.vraag_herberekening(request.user, rapport)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            "De cijfers worden opnieuw berekend. Vernieuw deze pagina over een ogenblik voor "
            "de uitkomst.",
        )
    return redirect("rapporten:detail", pk=rapport.pk)


@rollen(Rol.ACCOUNTMANAGER)
@require_POST
def publiceren(request, pk):
    rapport = rapport_voor(request, pk)
    if request.POST.get("bevestigd") != "ja":
        messages.error(
            request,
            "Het rapport is niet gepubliceerd: vink eerst aan dat u begrijpt dat een "
            "gepubliceerd rapport niet meer verandert.",
        )
        return redirect("rapporten:detail", pk=rapport.pk)
    try:
        services.publiceer(request.user, rapport)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "Het rapport is gepubliceerd en verandert niet meer.")
    return redirect("rapporten:detail", pk=rapport.pk)


@rollen(Rol.ACCOUNTMANAGER)
@require_POST
def batch_aanvragen(request):
    form = BatchForm(request.POST)
    if not form.is_valid():
        return _lijst(request, AanvraagForm(gebruiker=request.user), form, status=400)
    batch = services.vraag_batch_aan(request.user, form.cleaned_data["peildatum"])
    return redirect("rapporten:batch", pk=batch.pk)


def _batch_voor(request, pk) -> Batch:
    return get_object_or_404(Batch, pk=pk)


@rollen(Rol.ACCOUNTMANAGER)
def batch(request, pk):
    reeks = _batch_voor(request, pk)
    tellingen = reeks.rapporten.aggregate(
        totaal=Count("pk"),
        klaar=Count("pk", filter=Q(status=Rapportstatus.KLAAR)),
        mislukt=Count("pk", filter=Q(status=Rapportstatus.MISLUKT)),
    )
    mislukte = reeks.rapporten.filter(status=Rapportstatus.MISLUKT).select_related("swv")
    return render(
        request,
        "rapporten/batch.html",
        {
            "paginatitel": str(reeks),
            "batch": reeks,
            "tellingen": tellingen,
            "mislukte": mislukte,
            "ververs": None if reeks.zip or tellingen["mislukt"] else VERVERS,
        },
    )


@rollen(Rol.ACCOUNTMANAGER)
def batch_zip(request, pk):
    reeks = _batch_voor(request, pk)
    if not reeks.zip:
        raise Http404("De ZIP is nog niet klaar.")
    registreer(
        Auditsoort.RAPPORT_DOWNLOAD,
        request=request,
        batch_id=reeks.pk,
        peildatum=reeks.peildatum.isoformat(),
    )
    return FileResponse(
        reeks.zip.open("rb"),
        as_attachment=True,
        filename=f"voortgangsrapportages-{reeks.peildatum.isoformat()}.zip",
        content_type="application/zip",
    )
