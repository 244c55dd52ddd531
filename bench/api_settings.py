"""The portal's settings with the bench urls (a bare JSON view beside the API)."""

from passend.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.api_urls"
