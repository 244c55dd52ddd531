"""Gunicorn's settings, read by every `gunicorn` command started in this folder (Dockerfile,
docker-compose.yml, the tests' portal).

Gunicorn answers a request line over its limit with an HTML page of its own (414), which the
API contract does not allow. Its limit is lifted here; the portal refuses a long address itself
with problem+json or a Dutch page (passend.limits, ADR 0036). The reverse proxy in front of the
portal bounds the line before it reaches gunicorn."""

limit_request_line = 0
