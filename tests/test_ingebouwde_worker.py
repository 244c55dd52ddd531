"""The embedded default (`./scripts/start`) runs a real Celery worker beside the portal, with a
broker of plain files, so a long task never blocks a page there either."""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.wachten import wacht_tot

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
        gedaan = re.compile(r"passend\.ping\[[^\]]+\] succeeded")
        # the log says the task succeeded, or the worker stopped (then the assertion says why)
        wacht_tot(lambda: gedaan.search(logboek.read_text()) or worker.poll() is not None, 120)
        uitvoer = logboek.read_text()
        assert gedaan.search(uitvoer), f"the worker did not do the task:\n{uitvoer}"
        # everything the broker keeps is in its folder, nothing in the checkout
        assert (tmp_path / "celery" / "besturing").is_dir()
        assert not (ROOT / "control").exists()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
