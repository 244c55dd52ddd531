from django.apps import AppConfig


class OndersteuningsplanConfig(AppConfig):
    name = "ondersteuningsplan"
    verbose_name = "Ondersteuningsplan en mijlpalen"
