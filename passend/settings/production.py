"""Production: every secret and address comes from the environment; nothing defaults to an
unsafe value. DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, CELERY_BROKER_URL and EMAIL_URL must be
set."""


def defaults(base_dir):
    return {
        "DEBUG": "false",
        "CACHE_URL": "locmemcache://",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "MEDIA_ROOT": "/srv/passend/media",
        "SECURE": "true",
        "TWEESTAPS_VERPLICHT": "true",
    }
