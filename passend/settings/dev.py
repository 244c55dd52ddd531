"""Embedded default: runs with nothing installed but Python.

SQLite, Celery tasks in the request's process, e-mail to the console, files under var/.
"""


def defaults(base_dir):
    return {
        "DEBUG": "true",
        "SECRET_KEY": "dev-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{base_dir / 'var' / 'passend.sqlite3'}",
        "CACHE_URL": "locmemcache://",
        "CELERY_BROKER_URL": "memory://",
        "CELERY_RESULT_BACKEND": "cache+memory://",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "EMAIL_URL": "consolemail://",
        "MEDIA_ROOT": str(base_dir / "var" / "media"),
    }
