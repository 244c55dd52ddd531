"""Settings of the REST API (Django REST framework, drf-spectacular), read from the environment
like every other setting."""

from pathlib import Path

from passend.settings.env import load, referentiedata_dir

_, env = load()

#: The NL GOV API Design Rules ruleset (Spectral), beside the reference data in ../shared.
API_REGELS = Path(
    env(
        "API_REGELS",
        default=str(
            referentiedata_dir().parent / "standards" / "nl-api-design-rules" / "ruleset.yaml"
        ),
    )
)

API_VERSIE = "1.0.0"
API_TOKEN_GELDIG_DAGEN = env.int("API_TOKEN_GELDIG_DAGEN", default=365)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a request without credentials is answered 401 with WWW-Authenticate.
        "passend.api.authentication.TokenAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "accounts.access.RolPermission",
        "passend.api.permissions.ScopePermission",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["passend.api.parsers.JsonParser"],
    "DEFAULT_PAGINATION_CLASS": "passend.api.pagination.Paginering",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "passend.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_LIMIET_ANONIEM", default="60/minute"),
        "user": env("API_LIMIET_GEBRUIKER", default="1200/minute"),
    },
    "DATE_INPUT_FORMATS": ["iso-8601"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Passend portaal API",
    "DESCRIPTION": (
        "Alles wat het portaal over de samenwerkingsverbanden passend onderwijs weet, voor elke "
        "peildatum, en de bevindingen van de Inspectie van het Onderwijs. Volgt de NL GOV API "
        "Design Rules. Nooit persoonsgegevens van leerlingen: alleen aantallen. Grenzen: ten "
        "hoogste 1.000 rijen per pagina (paginaGrootte) en per token 1.200 verzoeken per minuut "
        "(daarboven 429 met Retry-After); een volledige kopie via alle lijsten kost bij 150 "
        "samenwerkingsverbanden ongeveer 1.250 verzoeken; /gegevensexports geeft alles in één "
        "ZIP-bestand. Een kopie bijhouden: /wijzigingen geeft "
        "alles wat sinds een moment is aangemaakt, gewijzigd of verwijderd, met waar u het "
        "opnieuw leest (lees met na= het volgende stuk); de bevindingen hebben ook "
        "gewijzigdSinds. Elke lijst sorteert met sorteer (bij gelijke waarden op id, zodat de "
        "volgorde van pagina tot pagina vast is); een document haalt u op via zijn eigenschap "
        "inhoud."
    ),
    "VERSION": API_VERSIE,
    "CONTACT": {
        "name": "Beheer Passend portaal",
        "email": env("API_CONTACT_EMAIL", default="beheer@passend.example"),
        "url": env("PORTAAL_URL", default="http://127.0.0.1:8000").rstrip("/"),
    },
    # Relative to the document, so it holds on every host the portal runs on.
    "SERVERS": [{"url": "/api/v1", "description": "Dit portaal"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PUBLIC": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "OogoStatusEnum": "ondersteuningsplan.models.OOGOStatus",
        # the risk analysis's indicators beside the inspector's own (both fields "indicator")
        "RisicomaatEnum": "toezicht.models.Risicomaat",
        # a school's type and the type of school a suspension count is about
        "SchoolsoortEnum": "swv.models.Schoolsoort",
        # a report's variant and state beside the other fields named "soort" and "status"
        "RapportsoortEnum": "rapporten.models.Soort",
        "RapportstatusEnum": "rapporten.models.Rapportstatus",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "passend.api.schema.voeg_standaarden_toe",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "DISABLE_ERRORS_AND_WARNINGS": False,
}
