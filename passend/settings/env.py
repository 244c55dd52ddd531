"""The one helper through which every setting is read from the environment.

`PASSEND_OMGEVING` names the environment module (`dev`, `ci` or `production`) whose `DEFAULTS`
fill in variables the environment does not set. Production has almost no defaults, so a missing
secret stops the start instead of falling back to something unsafe.
"""

import hashlib
import importlib
import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

OMGEVINGEN = ("dev", "ci", "production")


def checkout_id() -> str:
    """A short stable id of this checkout, so that two checkouts on one machine never share a
    test database, a Celery queue or cache keys."""
    return hashlib.sha1(str(BASE_DIR).encode()).hexdigest()[:8]


def referentiedata_dir() -> Path:
    """The public reference data (region table, DUO file, gemeente shapes) lies beside the
    project in `shared/data`; a clone elsewhere finds it in the workplace's shared folder."""
    candidates = [BASE_DIR.parent / "shared" / "data", Path("/work/shared/data")]
    return next((path for path in candidates if path.is_dir()), candidates[0])


def load() -> tuple[str, environ.Env]:
    omgeving = os.environ.get("PASSEND_OMGEVING", "production")
    if omgeving not in OMGEVINGEN:
        raise RuntimeError(f"PASSEND_OMGEVING={omgeving!r}: kies uit {', '.join(OMGEVINGEN)}")
    module = importlib.import_module(f"passend.settings.{omgeving}")
    for name, value in module.defaults(BASE_DIR).items():
        os.environ.setdefault(name, value)
    return omgeving, environ.Env()
