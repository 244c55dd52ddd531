from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The shared base of the REST API: tokens, errors as problem+json, headers, paging, the
    OpenAPI document. The resources themselves live in each app's `api/` module."""

    name = "passend.api"
    label = "api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
