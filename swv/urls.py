from django.urls import path

from swv import views

app_name = "swv"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/geschiedenis/", views.geschiedenis, name="geschiedenis"),
]
