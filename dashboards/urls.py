from django.urls import path

from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.portefeuille, name="portefeuille"),
    path("monitor/", views.monitor, name="monitor"),
    path("kaart/", views.kaartpagina, name="kaart"),
    path("leerlingen/", views.leerlingen, name="leerlingen"),
    path("thuiszitters/", views.thuiszitters, name="thuiszitters"),
    path(
        "<slug:dashboard>/export/<slug:tabel>.<str:formaat>",
        views.exporteer,
        name="export",
    ),
]
