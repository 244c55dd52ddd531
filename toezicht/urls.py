from django.urls import path

from toezicht import views
from toezicht.lijsten import SOORTEN

app_name = "toezicht"

# Included under samenwerkingsverbanden/<code>/.
urlpatterns = [
    path("thuiszitters/", views.thuiszitters, name="thuiszitters"),
    path("thuiszitters/nieuw/", views.registratie, name="registratie_nieuw"),
    path("thuiszitters/<int:pk>/", views.registratie, name="registratie"),
    path(
        "thuiszitters/rondes/<int:ronde>/toelichting/",
        views.rondetoelichting,
        name="rondetoelichting",
    ),
    path(
        "leerlingen/<str:teldatum>/toelichting/",
        views.deelnametoelichting,
        name="deelnametoelichting",
    ),
]

# Included under toezicht/ with the namespace "bevindingen".
bevindingen_urlpatterns = [
    path("", views.bevindingen, name="bevindingen"),
    path("rondes/", views.rondes, name="rondes"),
    path("rondes/<int:pk>/", views.ronde, name="ronde"),
    path("inzendingen/<int:pk>/", views.inzending, name="inzending"),
    path("risico/", views.risicoanalyse, name="risicoanalyse"),
    path("risico/export/<str:formaat>/", views.risicoanalyse_export, name="risicoanalyse-export"),
    path("risico/regels/", views.risicoregels, name="risicoregels"),
    path("risico/<int:jaar>/<str:code>/", views.risicoprofiel, name="risicoprofiel"),
]
# Each kind of finding: its list, a finding's page, and the list as CSV or XLSX.
for _soort in SOORTEN:
    bevindingen_urlpatterns += [
        path(f"{_soort}/", views.bevindingenlijst, {"soort": _soort}, name=_soort),
        path(f"{_soort}/<int:pk>/", views.bevinding, {"soort": _soort}, name=f"{_soort}-detail"),
        path(
            f"{_soort}/nieuw/",
            views.bevinding_vastleggen,
            {"soort": _soort},
            name=f"{_soort}-nieuw",
        ),
        path(
            f"{_soort}/<int:pk>/wijzigen/",
            views.bevinding_vastleggen,
            {"soort": _soort},
            name=f"{_soort}-wijzigen",
        ),
        path(
            f"{_soort}/export/<str:formaat>/",
            views.bevindingenexport,
            {"soort": _soort},
            name=f"{_soort}-export",
        ),
    ]
