from django.urls import path

from toezicht import bevindingen

app_name = "bevindingen"

urlpatterns = [path("", bevindingen.bevindingen, name="bevindingen")]
