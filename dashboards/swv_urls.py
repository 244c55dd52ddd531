"""The pages of one SWV that read figures from every app: under /samenwerkingsverbanden/<code>/."""

from django.urls import path

from dashboards import views

app_name = "swvcijfers"

urlpatterns = [
    path("profiel/", views.swv_profiel, name="profiel"),
    path("publiceren/", views.publiceren, name="publiceren"),
    path("leerlingen/", views.swv_leerlingen, name="leerlingen"),
    path("leerlingen/export/<slug:tabel>.<str:formaat>", views.swv_export, name="export"),
]
