"""Fixtures that start real parts: a Celery worker on Redis, an SMTP server, headless Chromium
with axe-core. Registered as a pytest plugin from conftest.py."""

import json
import os
import re
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.wachten import DEADLINE_SECONDEN, wacht_tot

ROOT = Path(__file__).resolve().parent.parent


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpPostbus:
    """A real SMTP server on localhost that keeps what it receives."""

    def __init__(self, poort: int | None = None):
        from aiosmtpd.controller import Controller

        self.berichten = []
        self.poort = poort or vrije_poort()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.poort)

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes
        from email.policy import default

        self.berichten.append(message_from_bytes(envelope.content, policy=default))
        return "250 OK"

    def wacht_op(self, aantal: int, seconden: float = DEADLINE_SECONDEN) -> list:
        wacht_tot(lambda: len(self.berichten) >= aantal, seconden)
        return self.berichten


@pytest.fixture
def smtp_postbus():
    postbus = SmtpPostbus()
    postbus.controller.start()
    yield postbus
    postbus.controller.stop()


def database_url() -> str:
    db = connection.settings_dict
    wachtwoord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{wachtwoord}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class CeleryWorker:
    """A real `celery worker` process on the Redis broker, using the test database."""

    def __init__(self, env: dict, log: Path):
        self.env, self.log = env, log
        self.proces = None

    def start(self, wacht: bool = True):
        """Starts the process; with `wacht`, returns once it has answered a ping (a test that
        has queued work the worker will block on waits for its own signal instead)."""
        self.proces = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "passend", "worker",
                "--pool=solo", "--concurrency=1", "--loglevel=INFO",
                "--without-heartbeat", "--without-gossip", "--without-mingle",
                "-n", f"test-{uuid.uuid4().hex[:8]}@%h",
                "-Q", settings.CELERY_TASK_DEFAULT_QUEUE,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        if wacht:
            from passend.celery import ping

            ping.delay().get(timeout=DEADLINE_SECONDEN)

    def stop(self, signaal="terminate"):
        if self.proces and self.proces.poll() is None:
            getattr(self.proces, signaal)()
            self.proces.wait(timeout=30)

    def logtekst(self) -> str:
        return self.log.read_text(errors="replace")

    def aantal(self, taak: str, uitkomst: str = "succeeded") -> int:
        """How many tasks `taak` (distinct task ids) the worker logged with this outcome
        (`succeeded`, `retry`): the positive signal that work has been done, not a pause."""
        patroon = rf"Task {re.escape(taak)}\[([^\]]+)\] {uitkomst}\b"
        return len(set(re.findall(patroon, self.logtekst())))


@pytest.fixture
def start_celery_worker(transactional_db, tmp_path):
    """Starts real worker processes against the test database, with extra environment (such
    as EMAIL_URL); all are stopped at the end of the test."""
    from passend.celery import app

    oud = app.conf.task_always_eager
    app.conf.task_always_eager = False
    app.control.purge()
    workers = []

    def start(wacht: bool = True, **omgeving):
        env = os.environ | {
            "PASSEND_OMGEVING": "ci",
            "DATABASE_URL": database_url(),
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **omgeving,
        }
        worker = CeleryWorker(env, tmp_path / f"celery-worker-{len(workers)}.log")
        workers.append(worker)
        worker.start(wacht)
        return worker

    try:
        yield start
    finally:
        for worker in workers:
            worker.stop()
        app.control.purge()
        app.conf.task_always_eager = oud


@pytest.fixture
def celery_worker(start_celery_worker, smtp_postbus):
    """Tasks go to Redis and a real worker runs them against the test database; mail goes to
    `smtp_postbus`."""
    return start_celery_worker(EMAIL_URL=f"smtp://127.0.0.1:{smtp_postbus.poort}")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    # An assertion on a page that is still loading waits as long as an action does (Playwright's
    # own default is 5 s), so a busy machine delays the test rather than failing it.
    expect.set_options(timeout=DEADLINE_SECONDEN * 1000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def pagina(chromium, live_server):
    """A fresh browser tab on the live test server (`pagina.goto("/pad/")`)."""
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    # Playwright waits for each condition and goes on at once when it holds: a generous limit
    # costs nothing on a quick machine and keeps a busy one from failing.
    page.set_default_timeout(DEADLINE_SECONDEN * 1000)
    yield page
    context.close()


AXE_BRON = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def schermafdrukken(tmp_path):
    """Where screenshots go: docs/screenshots/ with SCHERMAFDRUKKEN=1, else a temporary folder."""
    if os.environ.get("SCHERMAFDRUKKEN"):
        map_ = ROOT / "docs" / "screenshots"
        map_.mkdir(parents=True, exist_ok=True)
        return map_
    return tmp_path


def axe_scan(page) -> list[dict]:
    """Runs axe-core on the page (WCAG 2.1 A and AA) and returns serious and critical
    violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_BRON.read_text())
    resultaat = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [v for v in resultaat["violations"] if v["impact"] in ("serious", "critical")]


def assert_toegankelijk(page):
    ernstig = axe_scan(page)
    assert not ernstig, f"axe-core op {page.url}:\n" + json.dumps(
        [
            {"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in ernstig
        ],
        indent=2,
        ensure_ascii=False,
    )  # fmt: skip


def log_in(page, gebruikersnaam: str, wachtwoord: str = "geheim-wachtwoord-1"):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
