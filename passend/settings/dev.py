"""Embedded default: runs with nothing installed but Python.

SQLite, a real Celery worker beside the portal on a broker of plain files (kombu's filesystem
transport, in var/celery), e-mail to the console, files under var/.
"""


def defaults(base_dir):
    return {
        # Not Django's debug pages: a new user meets the portal's own Dutch 404 and 500 pages,
        # never a list of every URL pattern. WhiteNoise serves the static files from their
        # folders, without collectstatic.
        "DEBUG": "false",
        "WHITENOISE_USE_FINDERS": "true",
        "WHITENOISE_AUTOREFRESH": "true",
        "SECRET_KEY": "dev-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{base_dir / 'var' / 'passend.sqlite3'}",
        "CACHE_URL": "locmemcache://",
        "CELERY_BROKER_URL": "filesystem://",
        "CELERY_BESTANDEN": str(base_dir / "var" / "celery"),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": "consolemail://",
        "MEDIA_ROOT": str(base_dir / "var" / "media"),
    }
