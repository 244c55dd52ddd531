"""Loaded as a pytest plugin (`-p tests.omgeving`) before Django's settings are read, so that
the tests run in the `ci` environment unless PASSEND_OMGEVING says otherwise."""

import os

os.environ.setdefault("PASSEND_OMGEVING", "ci")
