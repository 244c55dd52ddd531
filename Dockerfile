# The image of web, worker and beat (docker-compose.yml).
FROM node:20-bookworm-slim AS static
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY scripts/build-static.mjs scripts/
COPY static static
RUN node scripts/build-static.mjs

FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PASSEND_OMGEVING=production
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /srv/passend passend
WORKDIR /srv/passend/app
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
COPY --from=static /app/static/dist static/dist
RUN SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    CELERY_BROKER_URL=memory:// EMAIL_URL=consolemail:// \
    STATICFILES_BACKEND=whitenoise.storage.CompressedManifestStaticFilesStorage \
    STATIC_ROOT=/srv/passend/static python manage.py collectstatic --noinput -v0
USER passend
EXPOSE 8000
CMD ["gunicorn", "passend.wsgi", "--bind", "0.0.0.0:8000", "--workers", "4", "--access-logfile", "-"]
