"""The public pages, under /openbaar/ (ADR 0083)."""

from django.urls import path

from dashboards import views

app_name = "openbaar"

urlpatterns = [
    path("", views.openbaar, name="voortgang"),
    path("<slug:tabel>.<str:formaat>", views.openbaar_download, name="download"),
    path("<str:code>/", views.openbaar_swv, name="swv"),
    path("<str:code>/<slug:tabel>.<str:formaat>", views.openbaar_swv_download, name="swv_download"),
]
