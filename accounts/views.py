from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from accounts.forms import InlogForm, NieuwWachtwoordForm, WachtwoordVergetenForm
from accounts.models import Rol
from accounts.toegang import ALLE_ROLLEN, publiek, rollen

inloggen = publiek(auth_views.LoginView.as_view(authentication_form=InlogForm))
uitloggen = publiek(auth_views.LogoutView.as_view())

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


@rollen(*ALLE_ROLLEN)
def start(request):
    """Every role lands where its work is; a coördinator of one SWV on that SWV's page."""
    if request.user.rol == Rol.BEHEERDER:
        return redirect("admin:index")
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
