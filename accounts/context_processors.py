from django.urls import reverse

from accounts.models import Rol


def navigatie(request):
    """The main menu of the signed-in user's role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigatie": []}
    items = []
    if user.heeft_rol(Rol.COORDINATOR):
        # One item, not two that lead to the same page: a coördinator sees only their own SWV
        # (`start` opens it, or the list of them for the rare coördinator of more than one).
        items.append(("Mijn samenwerkingsverband", reverse("start")))
    if user.heeft_rol(Rol.ACCOUNTMANAGER, Rol.INSPECTIE):
        items.append(("Samenwerkingsverbanden", reverse("swv:lijst")))
    if user.heeft_rol(Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE):
        items.append(("Rapporten", reverse("rapporten:lijst")))
    if user.heeft_rol(Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER):
        items.append(("Dashboards", reverse("dashboards:portefeuille")))
    if user.heeft_rol(Rol.COORDINATOR, Rol.ACCOUNTMANAGER, Rol.INSPECTIE):
        items.append(("Bevindingen", reverse("bevindingen:bevindingen")))
    if user.heeft_rol(Rol.INSPECTIE):
        items.append(("Risicoanalyse", reverse("bevindingen:risicoanalyse")))
    if user.heeft_rol(Rol.ACCOUNTMANAGER, Rol.INSPECTIE, Rol.BEHEERDER):
        items.append(("Rapportagerondes", reverse("bevindingen:rondes")))
    if user.heeft_rol(Rol.BEHEERDER):
        items.append(("Beheer", reverse("admin:index")))
        items.append(("Auditlog", reverse("auditlog")))
    return {"navigatie": items}
