"""The first README command on a fresh clone: how long until the portal answers.

Clones the repository (this checkout's committed HEAD, or --bron) into a temporary folder,
runs `./scripts/start` there on a free port, and measures the time until `/` answers HTTP 200,
with the time of each step the script announces. Then stops the portal and removes the clone.

    .venv/bin/python bench/eerste_start.py [--bron PATH_OR_URL] [--houd]
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def antwoordt(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as antwoord:
            return antwoord.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bron", default=str(ROOT), help="repository to clone (default: this one)")
    parser.add_argument("--houd", action="store_true", help="keep the clone afterwards")
    parser.add_argument("--max-minuten", type=float, default=30)
    args = parser.parse_args()

    map = Path(tempfile.mkdtemp(prefix="passend-eerste-start-"))
    kloon = map / "passend"
    subprocess.run(["git", "clone", "-q", args.bron, str(kloon)], check=True)
    poort = vrije_poort()
    url = f"http://127.0.0.1:{poort}/"
    # A clean environment, as a newcomer's shell: no virtualenv, no settings of this checkout.
    weg = {"VIRTUAL_ENV", "PASSEND_OMGEVING", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in weg} | {"PORT": str(poort)}
    log = (map / "start.log").open("w")
    begin = time.monotonic()
    stappen: list[tuple[float, str]] = []
    proces = subprocess.Popen(
        ["./scripts/start"],
        cwd=kloon,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )

    def lees():
        for regel in proces.stdout:
            log.write(regel)
            if regel.startswith("\x1b[1m==> "):
                stappen.append((time.monotonic() - begin, regel[7:].split("\x1b")[0].strip()))

    lezer = threading.Thread(target=lees, daemon=True)
    lezer.start()
    duur = None
    try:
        while time.monotonic() - begin < args.max_minuten * 60:
            if proces.poll() is not None:
                break
            if antwoordt(url):
                duur = time.monotonic() - begin
                break
            time.sleep(0.5)
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGTERM)
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proces.pid, signal.SIGKILL)
        lezer.join(timeout=5)
        log.close()

    print(f"First README command (./scripts/start) on a fresh clone of {args.bron}")
    for (tijd, stap), (volgende, _) in zip(stappen, [*stappen[1:], (duur or 0, "")], strict=True):
        print(f"  at {tijd:6.1f} s, {max(volgende - tijd, 0):6.1f} s: {stap}")
    if duur is None:
        print(f"the portal did not answer; see {map / 'start.log'}")
        return 1
    print(f"until the portal answers HTTP 200 on /: {duur:.1f} s ({duur / 60:.1f} min)")
    if not args.houd:
        shutil.rmtree(map, ignore_errors=True)
    else:
        print(f"clone kept in {kloon}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
