from django.urls import path

from toezicht import views

app_name = "toezicht"

# Included under samenwerkingsverbanden/<code>/.
urlpatterns = [
    path("thuiszitters/", views.thuiszitters, name="thuiszitters"),
    path("thuiszitters/nieuw/", views.registratie, name="registratie_nieuw"),
    path("thuiszitters/<int:pk>/", views.registratie, name="registratie"),
]

# Included under toezicht/ with the namespace "bevindingen".
bevindingen_urlpatterns = [
    path("", views.bevindingen, name="bevindingen"),
    path("rondes/", views.rondes, name="rondes"),
    path("rondes/<int:pk>/", views.ronde, name="ronde"),
    path("inzendingen/<int:pk>/", views.inzending, name="inzending"),
]
