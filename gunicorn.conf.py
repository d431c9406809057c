"""gunicorn settings for the Atlas (the Procfile runs ``gunicorn -c gunicorn.conf.py``).

Threaded workers: a slow client holds one thread, not a whole worker, and exports (bounded per
process by ``dashboard/export/jobs.py``) do not block the page, the API or ``/healthz``.
Every value can be set from the environment; the defaults suit a 2-core box.
"""

import os

import gunicorn.http.wsgi

bind = f"{os.environ.get('HOST') or '0.0.0.0'}:{os.environ.get('PORT') or '8050'}"  # platforms route to 0.0.0.0
workers = int(os.environ.get("WEB_CONCURRENCY", 2))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", 8))
# a worker that stops answering its arbiter is restarted; requests are bounded by the app
# (export budget, slots) and by the client timeouts below
timeout = int(os.environ.get("WEB_TIMEOUT", 90))
graceful_timeout = 20
keepalive = 5
# request limits: a request line of at most 8190 bytes (gunicorn's ceiling); the app answers
# 414 in JSON above 6,144 bytes of query string, so links never meet gunicorn's own page
limit_request_line = 8190
limit_request_fields = 60
limit_request_field_size = 8190
# workers are recycled now and then (memory, the export browser)
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", 5000))
max_requests_jitter = 500
# one line per request, no user agent
accesslog = os.environ.get("ACCESS_LOG", "-") or None  # ACCESS_LOG= (empty) turns it off
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# no server name or version in responses
gunicorn.http.wsgi.SERVER = "hk-atlas"


def worker_exit(server, worker):
    """Close the export browser of a worker that stops."""
    try:
        from dashboard.export.render import renderer

        renderer().close()
    except Exception:  # noqa: BLE001 - best effort on the way out
        pass
