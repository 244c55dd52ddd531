from django.urls import path

from toezicht import views

app_name = "toezicht"

urlpatterns = [path("", views.bevindingen, name="bevindingen")]
