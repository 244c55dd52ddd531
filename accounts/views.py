from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render

from accounts.forms import InlogForm
from accounts.models import Rol
from accounts.toegang import ALLE_ROLLEN, publiek, rollen

inloggen = publiek(auth_views.LoginView.as_view(authentication_form=InlogForm))
uitloggen = publiek(auth_views.LogoutView.as_view())


@rollen(*ALLE_ROLLEN)
def start(request):
    """Every role lands where its work is."""
    if request.user.rol == Rol.BEHEERDER:
        return redirect("admin:index")
    return redirect("swv:lijst")


@publiek
def welkom(request):
    if request.user.is_authenticated:
        return redirect("start")
    return render(request, "welkom.html")
