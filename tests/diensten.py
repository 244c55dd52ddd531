"""Private copies of the services for the fault tests: a Redis and a PostgreSQL cluster of the
test's own on free ports, which a test may stop and start without touching the shared ones
that other checkouts use, and the portal itself under gunicorn."""

import contextlib
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.fixtures import ROOT, vrije_poort
from tests.wachten import wacht_tot


class PriveRedis:
    def __init__(self, map: Path):
        self.map, self.poort, self.proces = map, vrije_poort(), None
        self.url = f"redis://127.0.0.1:{self.poort}/0"

    def start(self):
        self.proces = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port", str(self.poort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.map),
            ],
            stdout=(self.map / "redis.log").open("ab"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        assert wacht_tot(self.antwoordt), "de eigen Redis start niet"

    def stop(self):
        if self.proces and self.proces.poll() is None:
            self.proces.terminate()
            self.proces.wait(timeout=30)

    def antwoordt(self) -> bool:
        import redis

        try:
            return redis.Redis(port=self.poort, socket_connect_timeout=0.5).ping()
        except redis.exceptions.ConnectionError:
            return False


def postgres_bin() -> Path:
    versies = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
    )
    assert versies, "initdb ontbreekt: installeer postgresql (scripts/lib.sh doet dat)"
    return versies[-1].parent


class PrivePostgres:
    """A cluster made by initdb in a temporary folder. As root, it runs as the postgres
    account, because PostgreSQL refuses to run as root."""

    def __init__(self, map: Path | None = None):
        # Not under pytest's tmp folder: as root that is closed to the postgres account.
        map = map or Path(tempfile.mkdtemp(prefix="passend-pg-"))
        self.map, self.poort = map, vrije_poort()
        self.data = map / "data"
        self.bin = postgres_bin()
        self.url = f"postgres://postgres@127.0.0.1:{self.poort}/passend"

    def _als_eigenaar(self, *opdracht):
        if os.geteuid() == 0:
            opdracht = ("runuser", "-u", "postgres", "--", *opdracht)
        uitkomst = subprocess.run(opdracht, capture_output=True, text=True, timeout=120)
        if uitkomst.returncode:
            raise subprocess.CalledProcessError(
                uitkomst.returncode, opdracht, uitkomst.stdout, uitkomst.stderr
            )

    def maak(self):
        self.map.mkdir(parents=True, exist_ok=True)
        self.map.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.map, "postgres", "postgres")
        self._als_eigenaar(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "--no-sync", "-E", "UTF8",
        )  # fmt: skip
        self.start()
        self._als_eigenaar(
            str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.poort), "-U",
            "postgres", "passend",
        )  # fmt: skip

    def start(self):
        self._als_eigenaar(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.map / "pg.log"),
            "-o", f"-p {self.poort} -k {self.map} -c listen_addresses=127.0.0.1 -c fsync=off",
            "-w", "start",
        )  # fmt: skip

    def stop(self, modus: str = "fast"):
        self._als_eigenaar(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", modus, "-w", "stop"
        )  # fmt: skip

    def weg(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.map, ignore_errors=True)


def manage(*args, env: dict, timeout: int = 300) -> str:
    uitkomst = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    return uitkomst.stdout


class Portaal:
    """The portal under gunicorn (one sync worker, as in production but smaller), or, with
    `ingebouwd=True`, as `./scripts/start` runs it: Django's own server."""

    def __init__(self, env: dict, log: Path, *, ingebouwd: bool = False):
        self.env, self.log, self.ingebouwd = env, log, ingebouwd
        self.poort = vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        self.proces = None

    def _opdracht(self) -> list[str]:
        if self.ingebouwd:
            return [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                f"127.0.0.1:{self.poort}",
            ]
        return [
            sys.executable, "-m", "gunicorn", "passend.wsgi",
            "--bind", f"127.0.0.1:{self.poort}", "--workers", "1", "--timeout", "60",
        ]  # fmt: skip

    def start(self):
        self.proces = subprocess.Popen(
            self._opdracht(),
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        assert wacht_tot(self._luistert), self.log.read_text(errors="replace")[-3000:]

    def _luistert(self) -> bool:
        try:
            urllib.request.urlopen(self.url + "/inloggen/", timeout=10)
            return True
        except OSError:
            return False

    def stop(self):
        if self.proces and self.proces.poll() is None:
            self.proces.terminate()
            self.proces.wait(timeout=30)


class Browser:
    """Just enough of a browser: cookies, CSRF token, status and text of each answer."""

    def __init__(self, basis: str):
        self.basis = basis
        self.koekjes = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.koekjes))

    def open(self, pad: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        verzoek = urllib.request.Request(self.basis + pad, data=body)
        if body is not None:
            verzoek.add_header("Referer", self.basis + pad)
        try:
            with self.opener.open(verzoek, timeout=30) as antwoord:
                return antwoord.status, antwoord.read().decode()
        except urllib.error.HTTPError as fout:
            return fout.code, fout.read().decode()

    def log_in(self, gebruikersnaam: str, wachtwoord: str):
        status, html = self.open("/inloggen/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        status, html = self.open(
            "/inloggen/",
            {"csrfmiddlewaretoken": token, "username": gebruikersnaam, "password": wachtwoord},
        )
        assert status == 200 and "Uitloggen" in html, html[:2000]
