from django.urls import path

from swv import views

app_name = "swv"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<str:code>/geschiedenis/", views.geschiedenis, name="geschiedenis"),
    path("<str:code>/leden/", views.leden, name="leden"),
    path("<str:code>/leden/nieuw/", views.lid_toevoegen, name="lid_toevoegen"),
    path("<str:code>/leden/<int:lid>/", views.lid_wijzigen, name="lid_wijzigen"),
    path("<str:code>/documenten/<int:pk>/", views.document, name="document"),
]
