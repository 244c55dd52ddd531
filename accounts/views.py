from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from accounts import two_factor
from accounts.access import ALLE_ROLLEN, publiek, rollen
from accounts.audit import registreer
from accounts.filters import AuditFilter
from accounts.forms import CodeForm, InlogForm, NieuwWachtwoordForm, WachtwoordVergetenForm
from accounts.models import Auditgebeurtenis, Auditsoort, Rol

inloggen = publiek(auth_views.LoginView.as_view(authentication_form=InlogForm))


class Uitloggen(auth_views.LogoutView):
    """Logs out and says so on the login page it returns to."""

    def post(self, request, *args, **kwargs):
        was_ingelogd = request.user.is_authenticated
        antwoord = super().post(request, *args, **kwargs)
        if was_ingelogd:
            messages.success(
                request, "U bent uitgelogd. Sluit de browser op een gedeelde computer."
            )
        return antwoord


uitloggen = publiek(Uitloggen.as_view())

# Password reset by e-mail: Django's views and tokens, our templates and forms.
wachtwoord_vergeten = publiek(
    auth_views.PasswordResetView.as_view(
        form_class=WachtwoordVergetenForm,
        success_url=reverse_lazy("wachtwoord_verstuurd"),
        email_template_name="registration/password_reset_email.txt",
        subject_template_name="registration/password_reset_subject.txt",
    )
)
wachtwoord_verstuurd = publiek(auth_views.PasswordResetDoneView.as_view())
wachtwoord_herstellen = publiek(
    auth_views.PasswordResetConfirmView.as_view(
        form_class=NieuwWachtwoordForm, success_url=reverse_lazy("wachtwoord_hersteld")
    )
)
wachtwoord_hersteld = publiek(auth_views.PasswordResetCompleteView.as_view())


def geblokkeerd(request, response, credentials):
    """django-axes' answer once an account is locked: the login page with a clear message."""
    return render(
        request,
        "registration/login.html",
        {"form": InlogForm(request), "geblokkeerd": True, "next": request.POST.get("next", "")},
        status=429,
    )


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return "/start/"


@two_factor.tweestapsstap
@rollen(*ALLE_ROLLEN)
def tweestaps_view(request):
    """The second step after the password: set up the authenticator app, or type its code."""
    if request.user.is_verified():
        return redirect(_volgende(request))
    apparaat = two_factor.bevestigd_apparaat(request.user)
    instellen = apparaat is None
    if instellen:
        apparaat = two_factor.nieuw_apparaat(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegestaan, _ = apparaat.verify_is_allowed()
        if toegestaan and apparaat.verify_token(form.cleaned_data["code"]):
            if instellen:
                apparaat.confirmed = True
                apparaat.save(update_fields=["confirmed"])
                registreer(Auditsoort.TWEESTAPS_INGESTELD, request=request)
            otp_login(request, apparaat)
            return redirect(_volgende(request))
        registreer(Auditsoort.TWEESTAPS_MISLUKT, request=request)
        form.add_error(
            "code",
            "Deze code klopt niet. Typ de code die de app nu toont; hij verandert elke 30 seconden."
            if toegestaan
            else "U typte kort na elkaar een verkeerde code. Wacht even en probeer het dan opnieuw.",
        )
    context = {"form": form, "instellen": instellen, "next": _volgende(request)}
    if instellen:
        context |= {"qr": two_factor.qr_svg(apparaat), "geheim": two_factor.geheim(apparaat)}
    return render(request, "registration/tweestaps.html", context)


@rollen(Rol.BEHEERDER)
def auditlog(request):
    """The security events, newest first, for the beheerder."""
    filter = AuditFilter(request.GET or None, queryset=Auditgebeurtenis.objects.all())
    pagina = Paginator(filter.qs, 50).get_page(request.GET.get("pagina"))
    return render(request, "accounts/auditlog.html", {"filter": filter, "pagina": pagina})


@rollen(*ALLE_ROLLEN)
def start(request):
    """Every role lands where its work is; a coördinator of one SWV on that SWV's page."""
    if request.user.rol == Rol.BEHEERDER:
        return redirect("admin:index")
    if request.user.rol == Rol.ACCOUNTMANAGER:
        return redirect("dashboards:portefeuille")
    if request.user.rol == Rol.COORDINATOR:
        codes = list(request.user.samenwerkingsverbanden.values_list("code", flat=True)[:2])
        if len(codes) == 1:
            return redirect("ondersteuningsplan:overzicht", code=codes[0])
    return redirect("swv:lijst")


@publiek
def welkom(request):
    if request.user.is_authenticated:
        return redirect("start")
    return render(request, "welkom.html")
