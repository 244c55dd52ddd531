# Shared steps of scripts/start and scripts/test. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31m%s\033[0m\n' "$*" >&2; exit 1; }

# Django 6 needs Python 3.12 or newer: find one, or say what to install.
find_python() {
  local candidates=("${PYTHON:-}" python3.13 python3.12 python3.14 python3 python)
  local dir
  for dir in "$HOME"/.pyenv/versions/3.1[2-9]* /usr/local/bin /usr/bin; do
    [ -d "$dir" ] || continue
    [ -x "$dir/bin/python3" ] && candidates+=("$dir/bin/python3")
  done
  local py
  for py in "${candidates[@]}"; do
    [ -n "$py" ] || continue
    command -v "$py" >/dev/null 2>&1 || [ -x "$py" ] || continue
    if "$py" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      command -v "$py" 2>/dev/null || echo "$py"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  local extra="${1:-}"
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
    local py
    py="$(find_python)" || fail "Passend portaal needs Python 3.12 or newer, and none was found.
Install one, for example:  sudo apt install python3.12 python3.12-venv   (Debian/Ubuntu)
                       or: pyenv install 3.12
then run this command again (or set PYTHON=/path/to/python3.12)."
    say "Creating .venv with $py ($("$py" --version))"
    rm -rf .venv
    "$py" -m venv .venv
  fi
  local stempel=".venv/.passend-${extra//[^a-z]/}-$(stempel_van pyproject.toml)"
  if [ -f "$stempel" ] && .venv/bin/python -c 'import django, celery, weasyprint' 2>/dev/null; then
    return 0  # installed from this very pyproject.toml already
  fi
  say "Installing Python packages"
  .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
  .venv/bin/python -m pip install --quiet -e ".${extra}" 2>&1 | grep -v '^WARNING: Location' || true
  .venv/bin/python -c 'import django, celery, weasyprint' \
    || fail "Installing the Python packages failed; see the messages above."
  rm -f .venv/.passend-"${extra//[^a-z]/}"-*
  touch "$stempel"
}

# A short hash of the files an install step depends on: the step is skipped while they are
# unchanged, so a second run spends its time on the tests.
stempel_van() { cat "$@" | sha1sum | cut -c1-12; }

ensure_static() {
  if command -v npm >/dev/null 2>&1; then
    local stempel
    stempel="node_modules/.passend-$(stempel_van package.json package-lock.json)"
    if [ ! -f "$stempel" ]; then
      say "Installing front-end packages (npm)"
      npm ci --no-audit --no-fund --loglevel=error
      touch "$stempel"
    fi
    say "Building static/dist"
    node scripts/build-static.mjs
  elif [ ! -f static/dist/passend.css ]; then
    printf 'npm was not found: the pages will work but look plain. Install Node.js 20+ for the NL Design System styles.\n' >&2
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    fail "Need root (or sudo) to run: $*"
  fi
}

apt_install() {
  say "Installing $* (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null 2>&1 && as_root apt-get install -y -q "$@" >/dev/null; } \
    || fail "Could not install $* with apt-get."
}

ensure_system_packages() {
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || apt_install poppler-utils
  fc-list 2>/dev/null | grep -qi dejavu || apt_install fonts-dejavu-core
  # The fault tests start a private Redis and a private PostgreSQL cluster (initdb, pg_ctl).
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server redis-tools
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql postgresql-client
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install postgresql postgresql-client; fi
  say "Starting PostgreSQL"
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  fail "PostgreSQL does not answer on 127.0.0.1:5432."
}

ensure_postgres_login() {
  # The tests connect as postgres over TCP; where the server asks for a password, give that
  # account one for this machine's tests and say so in DATABASE_URL.
  if [ -n "${DATABASE_URL:-}" ]; then return 0; fi
  if psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1 </dev/null; then return 0; fi
  say "Giving the postgres account a password for the tests"
  as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:5432/passend_$(printf '%s' "$ROOT" | sha1sum | cut -c1-8)"
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return 0; fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server redis-tools
  say "Starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0; sleep 0.5; done
  fail "Redis does not answer on 127.0.0.1:6379."
}

# Spectral (the NL GOV API Design Rules linter) has its own folder, apart from the page assets.
ensure_spectral() {
  command -v npm >/dev/null 2>&1 || fail "npm is needed to lint the OpenAPI document with Spectral."
  local stempel
  stempel="tools/spectral/node_modules/.passend-$(cd tools/spectral && stempel_van package*.json)"
  [ -f "$stempel" ] && return 0
  say "Installing Spectral (tools/spectral)"
  (cd tools/spectral && npm install --no-audit --no-fund --loglevel=error)
  touch "$stempel"
}
