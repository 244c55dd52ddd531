"""Every page of every role, found in the URL conf and filled in from the demo data.

`paginas(gebruiker)` walks the URL conf, skips the API (its own generic tests walk every
endpoint) and the Django admin's inner pages, fills each address's parameters with rows the
demo holds (the user's own SWV for a coördinator) and says which status the role should get:
200 where the view's `rollen` name the role, 403 where they do not. A page the walk cannot
fill in must be named in `OVERGESLAGEN` with the reason, so a new page is crawled or fails the
crawl test. Used by `tests/test_rondgang.py` and by `bench/paginas.py`.
"""

import datetime
from dataclasses import dataclass

from django.contrib import admin
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.access import PUBLIEK, toegestane_rollen
from accounts.models import Rol
from toezicht.lijsten import SOORTEN

#: Demo logins, one per role (see demo.services.logins); None is a visitor who is not logged in.
GEBRUIKERS = {
    "anoniem": None,
    Rol.COORDINATOR: "coordinator",
    Rol.ACCOUNTMANAGER: "am.midden",
    Rol.INSPECTIE: "inspectie",
    Rol.BEHEERDER: "beheerder",
}

#: A past peildatum: the dashboards' first visit for it draws every chart anew.
PEILDATUM = datetime.date(2014, 5, 1)

#: URL names the walk does not open, and why.
OVERGESLAGEN = {
    "logout": "logs out (POST)",
    "password_reset_confirm": "needs a token from an e-mail",
    "tweestaps": "only in the middle of a login with a second step",
    "rapporten:pdf": "a download of a rendered file",
    "rapporten:batch_zip": "a download of a rendered file",
    "rapporten:opnieuw": "an action (POST)",
    "rapporten:publiceren": "an action (POST)",
    "rapporten:herberekenen": "an action (POST)",
    "rapporten:batch_aanvragen": "an action (POST)",
    "rapporten:aanvragen": "an action (POST)",
    "swv:document": "a download of an uploaded file",
}

#: Where a role's answer is not what the view's roles alone say, and why.
UITZONDERINGEN = {
    # The welcome and start pages send a logged-in user on to their own first page.
    **{(naam, rol): 302 for naam in ("welkom", "start") for rol in Rol.values},
    # An unpublished national report: a coördinator reads only their own SWVs' reports.
    ("rapporten:detail", Rol.COORDINATOR): 404,
}

#: Query strings that make a page do its real work (a past peildatum, the other sector).
EXTRA = {
    "dashboards:portefeuille": [f"?peildatum={PEILDATUM}"],
    "dashboards:monitor": [f"?peildatum={PEILDATUM}&sector=PO", "?sector=VO"],
    "dashboards:kaart": [f"?peildatum={PEILDATUM}&sector=PO", "?sector=VO&kleur=verevening"],
    "dashboards:leerlingen": ["?sector=PO", "?sector=VO"],
    "dashboards:thuiszitters": [""],
}

#: The dashboards' exports that are pages in all but their format.
EXPORTS = [
    ("monitor", "matrix", "xlsx"),
    ("monitor", "achterstanden", "csv"),
    ("portefeuille", "portefeuille", "csv"),
]


@dataclass(frozen=True)
class Pagina:
    naam: str
    url: str
    verwacht: int


def url_namen() -> dict[str, object]:
    """Every named page of the URL conf outside the API and the admin, with its view."""
    uit = {}

    def loop(patronen, prefix, namespace):
        for patroon in patronen:
            if isinstance(patroon, URLResolver):
                ns = patroon.namespace or namespace
                if ns in ("api", "admin"):
                    continue
                loop(patroon.url_patterns, prefix + str(patroon.pattern), ns)
            elif isinstance(patroon, URLPattern) and patroon.name:
                naam = f"{namespace}:{patroon.name}" if namespace else patroon.name
                uit[naam] = patroon.callback

    loop(get_resolver().url_patterns, "", None)
    return uit


def _argumenten(gebruiker):
    """Per URL name, the keyword arguments to open it for this user, from the demo data."""
    from ondersteuningsplan.models import (
        OOGO,
        Feit,
        Geschil,
        Ondersteuningsplan,
        OPRBesluit,
        OPRLid,
    )
    from rapporten.models import Batch, Rapport
    from swv.models import Lidmaatschap, Samenwerkingsverband
    from toezicht.models import Rapportageronde, Thuiszitterregistratie

    if gebruiker is not None and gebruiker.rol == Rol.COORDINATOR:
        swv = gebruiker.samenwerkingsverbanden.order_by("code").first()
    else:
        swv = Samenwerkingsverband.objects.get(code="PO2707")
    code = {"code": swv.code}
    plan = _eerste(Ondersteuningsplan.objects.filter(swv=swv).order_by("periode_van"))
    feit = _eerste(Feit.objects.filter(swv=swv, ondersteuningsplan=None).order_by("datum"))
    planfeit = _eerste(Feit.objects.filter(ondersteuningsplan=plan).order_by("datum"))
    besluit = _eerste(OPRBesluit.objects.filter(ondersteuningsplan=plan).order_by("pk"))
    oogo = _eerste(OOGO.objects.filter(ondersteuningsplan=plan).order_by("pk"))
    opr_lid = _eerste(OPRLid.objects.filter(swv=swv).order_by("pk"))
    # the SWV's own dispute, or, where it has none, another's (refused as a guessed id)
    geschil = Geschil.objects.filter(swv=swv).order_by("pk").first() or _eerste(
        Geschil.objects.order_by("pk")
    )
    lid = _eerste(Lidmaatschap.objects.filter(swv=swv).order_by("pk"))
    registratie = _eerste(Thuiszitterregistratie.objects.filter(swv=swv).order_by("-periode_van"))
    ronde = _eerste(Rapportageronde.objects.order_by("-periode_van"))
    afgelopen = _eerste(
        Rapportageronde.objects.filter(periode_tot__lt=datetime.date.today()).order_by(
            "-periode_van"
        )
    )
    rapport = _eerste(Rapport.objects.order_by("pk"))
    batch = _eerste(Batch.objects.order_by("pk"))
    bevindingen = {}
    for soort in SOORTEN.values():
        # the first finding the user may read; a coördinator whose SWV has none of this kind
        # opens another SWV's, which must be refused as a guessed id (see `paginas`)
        leesbaar = soort.rijen(gebruiker).order_by("pk").first() if gebruiker else None
        bevinding = leesbaar or _eerste(soort.model.objects.order_by("pk"))
        bevindingen[f"bevindingen:{soort.slug}-detail"] = {"pk": bevinding.pk}
        bevindingen[f"bevindingen:{soort.slug}-wijzigen"] = {"pk": bevinding.pk}
        bevindingen[f"bevindingen:{soort.slug}-export"] = {"formaat": "csv"}
    return bevindingen | {
        "swv:geschiedenis": code,
        "swv:leden": code,
        "swv:lid_toevoegen": code,
        "swv:lid_wijzigen": code | {"lid": lid.pk},
        "ondersteuningsplan:overzicht": code,
        "ondersteuningsplan:feit": code | {"stap": feit.stap},
        "ondersteuningsplan:feit_verwijderen": code | {"stap": feit.stap},
        "ondersteuningsplan:plan_nieuw": code,
        "ondersteuningsplan:plan": code | {"plan": plan.pk},
        "ondersteuningsplan:plan_wijzigen": code | {"plan": plan.pk},
        "ondersteuningsplan:plan_feit": code | {"plan": plan.pk, "stap": planfeit.stap},
        "ondersteuningsplan:plan_feit_verwijderen": code | {"plan": plan.pk, "stap": planfeit.stap},
        "ondersteuningsplan:opr_besluit_nieuw": code | {"plan": plan.pk},
        "ondersteuningsplan:opr_besluit": code | {"plan": plan.pk, "besluit": besluit.pk},
        "ondersteuningsplan:oogo": code | {"plan": plan.pk, "gemeente": oogo.gemeente_id},
        "ondersteuningsplan:opr": code,
        "ondersteuningsplan:opr_nieuw": code,
        "ondersteuningsplan:opr_lid_nieuw": code,
        "ondersteuningsplan:opr_lid": code | {"lid": opr_lid.pk},
        "ondersteuningsplan:werkagenda": code,
        "ondersteuningsplan:geschil_nieuw": code | {"soort": "opr"},
        "ondersteuningsplan:geschil": code | {"pk": geschil.pk},
        "ondersteuningsplan:toelichting": code | {"mijlpaal": "rechtspersoon"},
        "ondersteuningsplan:toelichting_cyclus": code | {"mijlpaal": "nieuw-op", "cyclus": 1},
        "toezicht:thuiszitters": code,
        "swvcijfers:leerlingen": code,
        "swvcijfers:profiel": code,
        "toezicht:rondetoelichting": code | {"ronde": afgelopen.pk},
        "toezicht:deelnametoelichting": code | {"teldatum": "2015-10-01"},
        "openbaar:download": {"tabel": "mijlpalen", "formaat": "csv"},
        "openbaar:swv": code,
        "openbaar:swv_download": code | {"tabel": "thuiszitters", "formaat": "json"},
        "swvcijfers:publiceren": code,
        "swvcijfers:export": code | {"tabel": "zware-ondersteuning", "formaat": "csv"},
        "toezicht:registratie_nieuw": code,
        "toezicht:registratie": code | {"pk": registratie.pk},
        "bevindingen:ronde": {"pk": ronde.pk},
        "bevindingen:inzending": {"pk": registratie.pk},
        "rapporten:detail": {"pk": rapport.pk},
        "rapporten:batch": {"pk": batch.pk},
        "bevindingen:risicoanalyse-export": {"formaat": "csv"},
        "bevindingen:risicoprofiel": code | {"jaar": PEILDATUM.year},
    }


def _eerste(queryset):
    rij = queryset.first()
    assert rij is not None, f"the crawl needs a {queryset.model.__name__} in the database"
    return rij


def verwacht(naam, view, rol) -> int:
    """200 where the view lets the role in, 403 where not; a visitor is sent to the login."""
    if (naam, rol) in UITZONDERINGEN:
        return UITZONDERINGEN[naam, rol]
    toegestaan = toegestane_rollen(view)
    if toegestaan == PUBLIEK or (rol and rol in (toegestaan or ())):
        return 200
    return 302 if rol is None else 403


def paginas(gebruiker) -> list[Pagina]:
    """The pages to open as `gebruiker` (None: not logged in), in the order of the URL conf."""
    argumenten = _argumenten(gebruiker)
    rol = gebruiker.rol if gebruiker else None
    uit = []
    for naam, view in url_namen().items():
        if naam in OVERGESLAGEN:
            continue
        if naam == "dashboards:export":
            for dashboard, tabel, formaat in EXPORTS:
                url = reverse(
                    naam, kwargs={"dashboard": dashboard, "tabel": tabel, "formaat": formaat}
                )
                uit.append(
                    Pagina(
                        f"{naam} {tabel}.{formaat}",
                        url + f"?peildatum={PEILDATUM}",
                        verwacht(naam, view, rol),
                    )
                )
            continue
        kwargs = argumenten.get(naam, {})
        url = reverse(naam, kwargs=kwargs)
        status = verwacht(naam, view, rol)
        if status == 200 and naam.endswith("-detail") and naam.startswith("bevindingen:"):
            soort = SOORTEN[naam.removeprefix("bevindingen:").removesuffix("-detail")]
            if not soort.rijen(gebruiker).filter(pk=kwargs["pk"]).exists():
                status = 404  # another SWV's finding, for a coördinator
        if status == 200 and naam == "ondersteuningsplan:geschil":
            from ondersteuningsplan.models import Geschil

            if not Geschil.objects.filter(pk=kwargs["pk"], swv__code=kwargs["code"]).exists():
                status = 404  # another SWV's dispute, for a coördinator
        for query in EXTRA.get(naam, [""]):
            uit.append(Pagina(naam + (f" {query}" if query else ""), url + query, status))
    # The admin (/beheer/): its index and every registered model's list and add form; only
    # the beheerder is staff, everyone else is sent to the admin's login.
    admin_status = 200 if rol == Rol.BEHEERDER else 302
    uit.append(Pagina("admin:index", reverse("admin:index"), admin_status))
    verzoek = RequestFactory().get("/")
    verzoek.user = gebruiker
    for model, model_admin in admin.site._registry.items():
        for actie in ("changelist", "add"):
            naam = f"admin:{model._meta.app_label}_{model._meta.model_name}_{actie}"
            status = admin_status
            if rol == Rol.BEHEERDER and actie == "add":
                # Logs (the audit log, axes) are read-only: no add form.
                status = 200 if model_admin.has_add_permission(verzoek) else 403
            elif rol not in (None, Rol.BEHEERDER) and model._meta.model_name == "importopdracht":
                # The import pages refuse a logged-in non-beheerder outright (swv/admin.py).
                status = 403
            uit.append(Pagina(naam, reverse(naam), status))
    return uit
