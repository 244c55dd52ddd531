from rest_framework.routers import SimpleRouter

from rapporten.api import views

router = SimpleRouter(trailing_slash=False)
router.register("rapporten", views.RapportViewSet, "rapport")

urlpatterns = router.urls
