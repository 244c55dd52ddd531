from django.urls import path

from ondersteuningsplan import views

app_name = "ondersteuningsplan"

# Included under samenwerkingsverbanden/<code>/.
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("stappen/<str:stap>/", views.feit, name="feit"),
    path("stappen/<str:stap>/verwijderen/", views.feit_verwijderen, name="feit_verwijderen"),
    path("plannen/nieuw/", views.plan_bewerken, name="plan_nieuw"),
    path("plannen/<int:plan>/", views.plan, name="plan"),
    path("plannen/<int:plan>/wijzigen/", views.plan_bewerken, name="plan_wijzigen"),
    path("plannen/<int:plan>/stappen/<str:stap>/", views.feit, name="plan_feit"),
    path(
        "plannen/<int:plan>/stappen/<str:stap>/verwijderen/",
        views.feit_verwijderen,
        name="plan_feit_verwijderen",
    ),
    path("plannen/<int:plan>/opr/nieuw/", views.opr_besluit, name="opr_besluit_nieuw"),
    path("plannen/<int:plan>/opr/<int:besluit>/", views.opr_besluit, name="opr_besluit"),
    path("plannen/<int:plan>/oogo/<int:gemeente>/", views.oogo, name="oogo"),
    path("werkagenda/", views.werkagenda_vastleggen, name="werkagenda"),
    path("geschillen/nieuw/<str:soort>/", views.geschil, name="geschil_nieuw"),
    path("geschillen/<int:pk>/", views.geschil, name="geschil"),
    path("toelichtingen/<str:mijlpaal>/", views.toelichting, name="toelichting"),
    path(
        "toelichtingen/<str:mijlpaal>/<int:cyclus>/", views.toelichting, name="toelichting_cyclus"
    ),
    path("opr/", views.opr, name="opr"),
    path("opr/nieuw/", views.opr_lid, name="opr_lid_nieuw"),
    path("opr/<int:lid>/", views.opr_lid, name="opr_lid"),
]
