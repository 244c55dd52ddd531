from django.urls import path
from rest_framework.routers import SimpleRouter

from ondersteuningsplan.api import views

router = SimpleRouter(trailing_slash=False)
router.register("samenwerkingsverbanden", views.SamenwerkingsverbandViewSet, "samenwerkingsverband")

LIJST = {"get": "list"}
SWV = "samenwerkingsverbanden/<str:code>"

urlpatterns = [
    path(f"{SWV}/mijlpalen", views.MijlpalenViewSet.as_view(LIJST), name="swv-mijlpalen"),
    path(f"{SWV}/feiten", views.FeitenViewSet.as_view(LIJST), name="swv-feiten"),
    path(
        f"{SWV}/ondersteuningsplannen",
        views.OndersteuningsplannenViewSet.as_view(LIJST),
        name="swv-ondersteuningsplannen",
    ),
    path(
        f"{SWV}/opr-besluiten", views.OPRBesluitenViewSet.as_view(LIJST), name="swv-opr-besluiten"
    ),
    path(f"{SWV}/oogo-overleggen", views.OOGOViewSet.as_view(LIJST), name="swv-oogo"),
    path(f"{SWV}/werkagenda", views.WerkagendaViewSet.as_view(LIJST), name="swv-werkagenda"),
    path(f"{SWV}/geschillen", views.GeschillenViewSet.as_view(LIJST), name="swv-geschillen"),
    path(
        f"{SWV}/toelichtingen", views.ToelichtingenViewSet.as_view(LIJST), name="swv-toelichtingen"
    ),
    path("monitor", views.MonitorViewSet.as_view(LIJST), name="monitor"),
    *router.urls,
]
