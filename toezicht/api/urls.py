from django.urls import path
from rest_framework.routers import SimpleRouter

from toezicht.api import gegevensexports, risico, views, wijzigingen

router = SimpleRouter(trailing_slash=False)
router.register(
    "thuiszitterregistraties", views.ThuiszitterregistratieViewSet, "thuiszitterregistratie"
)
router.register("rapportagerondes", views.RapportagerondeViewSet, "rapportageronde")
router.register("thuiszittercijfers", views.ThuiszittercijfersViewSet, "thuiszittercijfers")
router.register("signalen", views.SignaalViewSet, "signaal")
router.register("registratieoordelen", views.RegistratieoordeelViewSet, "registratieoordeel")
router.register("kwaliteitsonderzoeken", views.KwaliteitsonderzoekViewSet, "kwaliteitsonderzoek")
router.register("vervolgafspraken", views.VervolgafspraakViewSet, "vervolgafspraak")
router.register("risicoindicatoren", views.RisicoindicatorViewSet, "risicoindicator")
router.register("wijzigingen", wijzigingen.WijzigingenViewSet, "wijziging")
router.register("gegevensexports", gegevensexports.GegevensexportViewSet, "gegevensexport")
router.register("risicoanalyses", risico.RisicoanalyseViewSet, "risicoanalyse")

urlpatterns = [
    path(
        "samenwerkingsverbanden/<str:code>/cijfertoelichtingen",
        views.CijfertoelichtingenViewSet.as_view({"get": "list"}),
        name="swv-cijfertoelichtingen",
    ),
    *router.urls,
]
