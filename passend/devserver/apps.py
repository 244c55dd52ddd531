from django.apps import AppConfig


class DevserverConfig(AppConfig):
    """Django's own server as `./scripts/start` runs it, without the 40 ms pause per request on a
    kept-alive connection (see the runserver command)."""

    name = "passend.devserver"
    label = "devserver"
