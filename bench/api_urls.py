"""The portal's urls plus one bare Django JSON view, the baseline of bench/api.py."""

from django.http import JsonResponse
from django.urls import include, path

from accounts.access import publiek


@publiek
def kaal(request):
    return JsonResponse({"resultaten": [{"code": f"PO{n:04d}"} for n in range(20)]})


urlpatterns = [path("bench/kaal", kaal), path("", include("passend.urls"))]
