"""gunicorn settings for the survey service: `gunicorn -c gunicorn.conf.py wsgi:app`.

Every value can be overridden from the command line or GUNICORN_CMD_ARGS; the environment
variables below are the ones a deployment is expected to change. Measured choices are
explained in bench/README.md ("Load").
"""
import multiprocessing
import os

bind = os.environ.get("SURVEY_BIND", "127.0.0.1:8000")

# Requests are short and mostly wait on PostgreSQL: 2 workers per core plus one keeps both
# cores busy while some wait. Threads let a worker keep serving while one request waits on a slow
# client (no buffering proxy in front on a single host) or on the database.
workers = int(os.environ.get("SURVEY_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("SURVEY_THREADS", 4))

# A request that takes 30 s is stuck: the master kills and replaces its worker. Restarts
# (SIGHUP, deploys) give requests in flight 30 s to finish; idle keep-alive sockets close in 5 s.
timeout = 30
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then so a slow leak cannot grow for weeks; the jitter keeps them from
# restarting all at once.
max_requests = 20000
max_requests_jitter = 2000

# Load the app once in the master: workers fork with the code in shared memory and start in
# milliseconds. The master opens no database connection, but the engine object is inherited,
# so each worker drops the pool it was born with (see post_fork).
preload_app = True

# Refuse oversized request lines and headers early (the app limits bodies itself).
limit_request_line = 4094
limit_request_fields = 50

accesslog = os.environ.get("SURVEY_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("SURVEY_LOG_LEVEL", "info")
# Client address, request, status, bytes, duration in microseconds.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)s'


def post_fork(server, worker) -> None:
    """A pooled connection must never be shared by two processes: start each worker with an
    empty pool (close=False leaves the parent's sockets, if any, to the parent)."""
    for engine in engines(server):
        engine.dispose(close=False)


def engines(server) -> list:
    maker = getattr(server.app.wsgi(), "extensions", {}).get("survey.sessionmaker")
    return [maker.kw["bind"]] if maker is not None else []
