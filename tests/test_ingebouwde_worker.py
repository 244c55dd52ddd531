"""The embedded default (`./scripts/start`) runs a real Celery worker beside the portal, with a
broker of plain files, so a long task never blocks a page there either."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_a_task_sent_on_the_embedded_default_is_done_by_the_worker_beside_it(tmp_path):
    omgeving = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "CELERY"))},
        "PASSEND_OMGEVING": "dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'passend.sqlite3'}",
        "CELERY_BESTANDEN": str(tmp_path / "celery"),
    }
    celery = Path(sys.executable).with_name("celery")
    logboek = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [str(celery), "-A", "passend", "worker", "--pool=solo", "--loglevel=INFO"],
        cwd=ROOT,
        env=omgeving,
        stdout=logboek.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        verstuurd = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from passend.celery import ping; print(type(ping.delay()).__name__)",
            ],
            cwd=ROOT,
            env=omgeving,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert verstuurd.returncode == 0, verstuurd.stderr
        assert "AsyncResult" in verstuurd.stdout, "the task ran in the sending process"
        einde = time.monotonic() + 120
        while not re.search(r"passend\.ping\[[^\]]+\] succeeded", uitvoer := logboek.read_text()):
            if time.monotonic() > einde or worker.poll() is not None:
                pytest.fail(f"the worker did not do the task:\n{uitvoer}")
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
