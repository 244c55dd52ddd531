from django.contrib import admin
from django.urls import include, path

from accounts import views as accounts_views
from toezicht.urls import bevindingen_urlpatterns

urlpatterns = [
    path("", accounts_views.welkom, name="welkom"),
    path("start/", accounts_views.start, name="start"),
    path("inloggen/", accounts_views.inloggen, name="login"),
    path("uitloggen/", accounts_views.uitloggen, name="logout"),
    path("wachtwoord-vergeten/", accounts_views.wachtwoord_vergeten, name="wachtwoord_vergeten"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        accounts_views.wachtwoord_verstuurd,
        name="wachtwoord_verstuurd",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        accounts_views.wachtwoord_herstellen,
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        accounts_views.wachtwoord_hersteld,
        name="wachtwoord_hersteld",
    ),
    path("inloggen/code/", accounts_views.tweestaps_view, name="tweestaps"),
    path("auditlog/", accounts_views.auditlog, name="auditlog"),
    path("samenwerkingsverbanden/", include("swv.urls")),
    path("samenwerkingsverbanden/<str:code>/", include("ondersteuningsplan.urls")),
    path("samenwerkingsverbanden/<str:code>/", include("toezicht.urls")),
    path("samenwerkingsverbanden/<str:code>/", include("dashboards.swv_urls")),
    path("rapporten/", include("rapporten.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("openbaar/", include("dashboards.openbaar_urls")),
    path("beheer/", admin.site.urls),
    path("toezicht/", include((bevindingen_urlpatterns, "bevindingen"))),
    path("api/", include("passend.api.urls")),
]

handler500 = "passend.outage.serverfout"
