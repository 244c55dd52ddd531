from django.urls import path
from rest_framework.routers import SimpleRouter

from swv.api import views

router = SimpleRouter(trailing_slash=False)
router.register("gemeenten", views.GemeenteViewSet, "gemeente")
router.register("schoolbesturen", views.SchoolbestuurViewSet, "schoolbestuur")
router.register("scholen", views.SchoolViewSet, "school")
router.register("leerlingtellingen", views.LeerlingtellingViewSet, "leerlingtelling")
router.register(
    "deelnamepercentages/landelijk", views.LandelijkeDeelnameViewSet, "deelname-landelijk"
)
router.register("deelnamepercentages", views.DeelnamepercentageViewSet, "deelnamepercentage")

LIJST = {"get": "list"}
SWV = "samenwerkingsverbanden/<str:code>"

urlpatterns = [
    path("groeperingen", views.GroeperingViewSet.as_view(LIJST), name="groeperingen"),
    path(f"{SWV}/leden", views.LedenViewSet.as_view(LIJST), name="swv-leden"),
    path(f"{SWV}/scholen", views.SwvScholenViewSet.as_view(LIJST), name="swv-scholen"),
    path(f"{SWV}/documenten", views.DocumentenViewSet.as_view(LIJST), name="swv-documenten"),
    path(
        f"{SWV}/documenten/<int:id>/inhoud",
        views.DocumentenViewSet.as_view({"get": "inhoud"}),
        name="swv-document-inhoud",
    ),
    *router.urls,
]
