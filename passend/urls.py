from django.contrib import admin
from django.urls import include, path

from accounts import views as accounts_views

urlpatterns = [
    path("", accounts_views.welkom, name="welkom"),
    path("start/", accounts_views.start, name="start"),
    path("inloggen/", accounts_views.inloggen, name="login"),
    path("uitloggen/", accounts_views.uitloggen, name="logout"),
    path("samenwerkingsverbanden/", include("swv.urls")),
    path("beheer/", admin.site.urls),
    path("toezicht/", include("toezicht.urls")),
    path("api/", include("passend.api.urls")),
]
