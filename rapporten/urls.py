from django.urls import path

from rapporten import views

app_name = "rapporten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("aanvragen/", views.aanvragen, name="aanvragen"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/pdf/", views.download, name="pdf"),
    path("<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("<int:pk>/publiceren/", views.publiceren, name="publiceren"),
    path("<int:pk>/herberekenen/", views.herberekenen, name="herberekenen"),
    path("reeks/", views.batch_aanvragen, name="batch_aanvragen"),
    path("reeks/<int:pk>/", views.batch, name="batch"),
    path("reeks/<int:pk>/zip/", views.batch_zip, name="batch_zip"),
]
