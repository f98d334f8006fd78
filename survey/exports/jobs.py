"""Running export jobs in the background, safely under several gunicorn workers.

- Claiming: `claim` picks the oldest queued job and takes it with
  `UPDATE export_jobs SET state='running', worker=:me ... WHERE id=:id AND state='queued'`; of two
  workers racing for a job only one UPDATE matches a row (PostgreSQL re-checks the WHERE after the
  other's commit; SQLite writes one at a time), the other tries the next job.
- Running: `run_job` writes the file beside the export folder as a temporary part, reports rows
  done after every batch (a wide export with repeats: the responses' file and each repeat's, as
  `flask export` writes them, in one ZIP), and a heartbeat thread stamps `heartbeat_at` every HEARTBEAT seconds,
  also while a writer finishes (SPSS/Stata write their whole file at the end). Every report is
  `... WHERE id=:id AND worker=:me`: a job taken away from a worker (requeued) is no longer its.
- A worker that died (a gunicorn worker recycled or killed, a crash) stops its heartbeat: `recover`
  requeues a running job whose heartbeat is older than STALE seconds, or fails it with a problem
  after MAX_ATTEMPTS tries. Every claimer calls it first, so any live worker recovers the jobs
  of a dead one.
- Where they run: `start_thread(app)` runs `work(app)` in a daemon thread of the web process when
  an analyst asks for an export (one thread per process at a time), and `flask exports work` runs
  the same loop as a service.
"""
import logging
import os
import secrets
import socket
import tempfile
import threading
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import cast

from flask import Flask, current_app
from sqlalchemy import CursorResult, Update, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from survey import db
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.exports.failures import stored
from survey.exports.models import ExportJob
from survey.exports.operations import (
    Plan,
    plan_export,
    replacing,
    row_count,
    side_tables,
    write_repeat_files,
    write_rows,
)
from survey.exports.problems import CATALOGUE
from survey.exports.requests import job_request

HEARTBEAT = 10.0
STALE = timedelta(seconds=120)
MAX_ATTEMPTS = 3
log = logging.getLogger(__name__)
_thread_lock = threading.Lock()
_threads: dict[int, threading.Thread] = {}


def export_folder(app: Flask | None = None) -> Path:
    """Where finished exports are kept: the EXPORT_FOLDER setting (by default the instance folder's exports/)."""
    app = app or current_app
    folder = Path(app.config["EXPORT_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def purge(session: Session, now: datetime, days: int) -> int:
    """Delete finished jobs older than `days` and their files (flush only); how many."""
    old = list(session.scalars(select(ExportJob).where(ExportJob.finished_at < now - timedelta(days=days))))
    for job in old:
        if job.file_name:
            (export_folder() / job.file_name).unlink(missing_ok=True)
    session.execute(delete(ExportJob).where(ExportJob.id.in_([job.id for job in old])))
    return len(old)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"[:120]


def recover(session: Session, now: datetime) -> int:
    """Requeue (or fail, after MAX_ATTEMPTS) running jobs without a heartbeat for STALE; how many."""
    stale = ExportJob.state == "running", ExportJob.heartbeat_at < now - STALE
    failed = _changed(session, update(ExportJob).where(*stale, ExportJob.attempts >= MAX_ATTEMPTS).values(
        state="failed", finished_at=now, worker=None,
        error=stored([CATALOGUE.problem("export_job_abandoned", attempts=MAX_ATTEMPTS)])))
    requeued = _changed(session, update(ExportJob).where(*stale).values(state="queued", worker=None, rows_done=0))
    session.commit()
    return failed + requeued


def claim(session: Session, worker: str, now: datetime) -> int | None:
    """Take the oldest queued job for `worker`; its id, or None when there is none left."""
    for job_id in session.scalars(select(ExportJob.id).where(ExportJob.state == "queued").order_by(ExportJob.id)
                                  .limit(5)).all():
        taken = _changed(session, update(ExportJob).where(ExportJob.id == job_id, ExportJob.state == "queued").values(
            state="running", worker=worker, started_at=now, heartbeat_at=now, attempts=ExportJob.attempts + 1))
        session.commit()
        if taken == 1:
            return job_id
    return None


def _changed(session: Session, statement: Update) -> int:
    """Rows `statement` changed: an UPDATE's result is a CursorResult, which Session.execute's hints
    do not say."""
    return cast(CursorResult, session.execute(statement)).rowcount


def running_app() -> Flask:
    """The application behind current_app (a proxy), for a thread or a loop that outlives the request
    or command to enter its context."""
    # current_app is typed as Flask, not as the LocalProxy whose _get_current_object unwraps it
    return current_app._get_current_object()  # type: ignore[attr-defined]


def report(job_id: int, claimed_by: str, **values) -> bool:
    """Record progress or the outcome, if the job is still `claimed_by`'s; whether it is."""
    with db.engine().begin() as connection:
        mine = (ExportJob.id == job_id, ExportJob.worker == claimed_by, ExportJob.state == "running")
        return connection.execute(update(ExportJob).where(*mine).values(**values)).rowcount == 1


class TakenAway(Exception):
    """The job was requeued or failed by another worker while this one ran it."""


def run_job(job_id: int, worker: str) -> None:
    """Write the job's export to the export folder and record the outcome (in an app context)."""
    beat = _Heartbeat(running_app(), job_id, worker)
    beat.start()
    try:
        name = _write(db.session(), job_id, worker)
        outcome = {"state": "done", "file_name": name}
    except TakenAway:
        return
    except InvalidInput as error:
        outcome = {"state": "failed", "error": stored(error.problems)}
    except Exception:
        outcome = unexpected_failure(job_id)
    finally:
        beat.stop()
        db.session().rollback()
    report(job_id, worker, finished_at=utcnow(), worker=None, **outcome)


def unexpected_failure(job_id: int) -> dict[str, str]:
    """Log the exception being handled under a new reference; the job's outcome naming it."""
    reference = secrets.token_hex(4).upper()
    log.exception("export job %s failed (reference %s)", job_id, reference)
    return {"state": "failed", "error": stored([CATALOGUE.problem("export_job_unexpected", reference=reference)]),
            "error_reference": reference}


def _write(session: Session, job_id: int, worker: str) -> str:
    job = session.get_one(ExportJob, job_id)
    plan = plan_export(session, job_request(job, current_app.config["TIMEZONE"]))
    total = row_count(session, plan)
    if not report(job_id, worker, rows_total=total):
        raise TakenAway
    name = f"{job.id}-{job.campaign.slug}.{job.file_format}"
    write = partial(write_rows, plan, session, progress=partial(_progress, job_id, worker))
    if not side_tables(plan):
        with replacing(export_folder() / name) as part:
            write(part)
        return name
    return _bundle(session, plan, name, write)


def _bundle(session: Session, plan: Plan, name: str, write: Callable[[Path], int]) -> str:
    """A wide export with repeats as one download: a ZIP of the responses' file `name` and each repeat's
    file (written as `flask export` writes them beside it); the ZIP's name."""
    zipped = f"{Path(name).stem}-{plan.request.file_format}.zip"
    with tempfile.TemporaryDirectory(dir=export_folder(), prefix=".bundle-") as work:
        main = Path(work) / name
        write(main)
        files = [main, *write_repeat_files(session, plan, main)]
        with replacing(export_folder() / zipped) as part, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in files:
                bundle.write(path, path.name)
    return zipped


def _progress(job_id: int, worker: str, written: int) -> None:
    if not report(job_id, worker, rows_done=written, heartbeat_at=utcnow()):
        raise TakenAway


class _Heartbeat:
    """Stamps the job's heartbeat every HEARTBEAT seconds until stopped."""

    def __init__(self, app: Flask, job_id: int, worker: str) -> None:
        self.app, self.job_id, self.worker = app, job_id, worker
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"export-heartbeat-{job_id}", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()

    def _beat(self) -> None:
        with self.app.app_context():
            while not self.stopped.wait(HEARTBEAT):
                try:
                    report(self.job_id, self.worker, heartbeat_at=utcnow())
                except SQLAlchemyError:  # the database busy or away for a moment: beat again next time
                    log.warning("export job %s: heartbeat not recorded", self.job_id, exc_info=True)


def work(app: Flask, wait: float | None = None) -> int:
    """Run queued jobs until none is left (or, with `wait`, forever, polling every `wait` seconds);
    how many were run."""
    done = 0
    while True:
        with app.app_context():
            session, worker = db.session(), worker_name()
            recover(session, utcnow())
            job_id = claim(session, worker, utcnow())
            if job_id is not None:
                run_job(job_id, worker)
                done += 1
                continue
        if wait is None:
            return done
        threading.Event().wait(wait)


def start_thread(app: Flask) -> None:
    """Run the queue in a daemon thread of this process, unless one is already running here."""
    with _thread_lock:
        running = _threads.get(os.getpid())
        if running is not None and running.is_alive():
            return
        thread = threading.Thread(target=work, args=(app,), name="export-worker", daemon=True)
        _threads[os.getpid()] = thread
        thread.start()
