"""Tests: the real PostgreSQL and Redis on 127.0.0.1, names unique per checkout."""

from passend.settings.env import checkout_id


def defaults(base_dir):
    return {
        "DEBUG": "false",
        "SECRET_KEY": "ci-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/passend_{checkout_id()}",
        "CACHE_URL": "rediscache://127.0.0.1:6379/1",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        "CELERY_RESULT_BACKEND": "redis://127.0.0.1:6379/0",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "EMAIL_URL": "smtp://127.0.0.1:2525",
        "MEDIA_ROOT": str(base_dir / "var" / "test-media"),
    }
