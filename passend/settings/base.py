"""Every setting of Passend portaal, defined once. Values come from the environment through
`passend.settings.env`; see that module for how the environment modules choose defaults."""

import datetime
from pathlib import Path

from celery.schedules import crontab
from django.utils.csp import CSP

from passend.settings.env import BASE_DIR, checkout_id, load, referentiedata_dir

OMGEVING, env = load()

SECRET_KEY = env("SECRET_KEY")
DEBUG = env.bool("DEBUG")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "accounts.admin_config.PassendAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "passend.devserver",  # before staticfiles: its runserver command wins
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "passend.api",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "accounts",
    "swv",
    "ondersteuningsplan",
    "toezicht",
    "demo",
    "backup",
    "rapporten",
    "dashboards",
]

MIDDLEWARE = [
    "passend.api.middleware.ApiHeadersMiddleware",
    "passend.limits.VerzoekgrenzenMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.audit.AuditActorMiddleware",
    "passend.api.middleware.StrikteParametersMiddleware",
    "accounts.access.ToegangMiddleware",
    "accounts.two_factor.TweestapsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "passend.urls"
WSGI_APPLICATION = "passend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigatie",
            ],
            # One way to write numbers, dates and plurals on every page (passend.formatting).
            "builtins": ["passend.templatetags.formatting"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default: the portal and its worker write to one file. A writer waits for the
    # lock instead of failing, and readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20, transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Gebruiker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "accounts.backends.RolBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 2.1.1: at least twelve characters.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Our Dutch for what Django and django-axes leave in English (the admin).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
MEDIA_ROOT = Path(env("MEDIA_ROOT"))
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=False)
WHITENOISE_AUTOREFRESH = env.bool("WHITENOISE_AUTOREFRESH", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}

CACHES = {"default": env.cache("CACHE_URL")}
CACHES["default"]["KEY_PREFIX"] = f"passend-{checkout_id()}"

_email = env.email("EMAIL_URL")
_smtp = _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {
            "host": _email.get("EMAIL_HOST") or "localhost",
            "port": _email.get("EMAIL_PORT") or 25,
            "username": _email.get("EMAIL_HOST_USER") or "",
            "password": _email.get("EMAIL_HOST_PASSWORD") or "",
            "use_tls": bool(_email.get("EMAIL_USE_TLS")),
            "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
            "timeout": 10,
        }
        if _smtp
        else {},
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Passend portaal <noreply@passend.example>")

CELERY_BROKER_URL = env("CELERY_BROKER_URL")
if CELERY_BROKER_URL.startswith("filesystem://"):
    # The embedded default: the broker is a folder the portal and its worker share.
    _map = Path(env("CELERY_BESTANDEN"))
    for _deel in ("berichten", "besturing"):
        (_map / _deel).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_map / "berichten"),
        "data_folder_out": str(_map / "berichten"),
        "control_folder": str(_map / "besturing"),
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", default=f"passend-{checkout_id()}")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that sends a task while the broker is down gives up within a second; the work waits
# in the database for the periodic sweep (passend.dispatch).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "mijlpalen-dagelijks": {
        "task": "ondersteuningsplan.tasks.controleer_mijlpalen",
        "schedule": crontab(hour=5, minute=0),
    },
    "rapportagerondes-plannen": {
        "task": "toezicht.tasks.plan_rondes",
        "schedule": crontab(hour=4, minute=30),
    },
    "herinneringen-dagelijks": {
        "task": "toezicht.tasks.herinner",
        "schedule": crontab(hour=7, minute=0),
    },
    "vervolgafspraken-dagelijks": {
        "task": "toezicht.tasks.herinner_afspraken",
        "schedule": crontab(hour=7, minute=5),
    },
    "weekoverzicht-accountmanagers": {
        "task": "toezicht.tasks.weekoverzicht",
        "schedule": crontab(hour=7, minute=15, day_of_week="mon"),
    },
    "rapporten-ronde": {
        "task": "rapporten.tasks.ronde",
        "schedule": crontab(minute="*/5"),
    },
    "importen-ronde": {
        "task": "swv.tasks.ronde",
        "schedule": crontab(minute="*/5"),
    },
    "errata-dagelijks": {
        "task": "rapporten.tasks.herbereken_gepubliceerd",
        "schedule": crontab(hour=5, minute=30),
    },
    "publicaties-dagelijks": {
        "task": "dashboards.tasks.publiceer_verlopen",
        "schedule": crontab(hour=6, minute=0),
    },
}
#: An SWV that has not published its figures for this many weeks has them published by the
#: portal (ADR 0084).
PUBLICATIE_TERMIJN_WEKEN = env.int("PUBLICATIE_TERMIJN_WEKEN", default=6)

SECURE = env.bool("SECURE", default=False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
#: The API answers plain http with a problem, never a redirect (ADR 0030, passend.api.middleware).
SECURE_REDIRECT_EXEMPT = [r"^api/"]
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Strict in every environment, so a page that needs an inline script or style fails in the
# tests already: scripts only from our own static files (or carrying the request's nonce).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Two-factor authentication (TOTP, django-otp) for every role; see accounts/two_factor.py.
TWEESTAPS_VERPLICHT = env.bool("TWEESTAPS_VERPLICHT", default=False)
OTP_TOTP_ISSUER = "Passend portaal"

# Brute-force protection on login (django-axes): five wrong passwords for one account from one
# address lock that combination for a quarter of an hour.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTEN", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.geblokkeerd"
AXES_VERBOSE = False

AUDITLOG_DISABLE_REMOTE_ADDR = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True

# The REST API: its settings live together in their own module.
from passend.settings.api import (  # noqa: E402, F401
    API_REGELS,
    API_TOKEN_GELDIG_DAGEN,
    API_VERSIE,
    REST_FRAMEWORK,
    SPECTACULAR_SETTINGS,
)

# Domain settings.
PORTAAL_URL = env("PORTAAL_URL", default="http://127.0.0.1:8000").rstrip("/")
MIJLPAAL_RISICO_DAGEN = env.int("MIJLPAAL_RISICO_DAGEN", default=60)
MELDING_HERHAAL_SECONDEN = env.int("MELDING_HERHAAL_SECONDEN", default=60)
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
#: The largest body the API accepts (passend.limits); a finding is a few kilobytes.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=1024 * 1024)
# Voortgangsrapportages: a report still "bezig" after this long lost its worker and is queued
# again by the sweep.
RAPPORT_LEASE_SECONDEN = env.int("RAPPORT_LEASE_SECONDEN", default=20 * 60)
REFERENTIEDATA_DIR = Path(env("REFERENTIEDATA_DIR", default=str(referentiedata_dir())))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
    },
}
