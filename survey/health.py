"""Probes for process supervisors and load balancers.

`/healthz` (liveness) says the worker answers at all and touches nothing else: a supervisor
that restarts on it must not restart every worker because PostgreSQL is down. `/readyz`
(readiness) says the worker can serve a survey: a load balancer takes the host out of rotation
while it answers 503, which it does when the database cannot be reached or refuses writes, or
when the disk where exports (and a SQLite database) are written has less than
`MIN_FREE_DISK_MB` free. Redis down is no reason to take a host out: the rate limits are then
counted per worker (survey.extensions), so `/readyz` answers 200 with the status "degraded".
"""
from pathlib import Path
from shutil import disk_usage

from flask import Blueprint, Flask, current_app
from sqlalchemy import Connection, false, text, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from survey import db
from survey.exports.jobs import export_folder
from survey.extensions import storage_reachable
from survey.units.models import Unit

blueprint = Blueprint("health", __name__)
MB = 1024 * 1024


def register(app: Flask) -> None:
    app.register_blueprint(blueprint)


@blueprint.get("/healthz")
def live():
    return {"status": "ok"}


@blueprint.get("/readyz")
def ready():
    reason = database_problem() or disk_problem()
    if reason:
        return {"status": "unavailable", "reason": reason}, 503
    if not storage_reachable():
        current_app.logger.warning("readiness degraded: rate-limit storage unreachable, limits counted per worker")
        return {"status": "degraded", "degraded": ["rate_limits"],
                "reason": "rate limits: storage unreachable, counted per worker"}
    return {"status": "ok"}


def database_problem() -> str | None:
    """Why the database cannot serve: unreachable, or refusing writes."""
    try:
        with db.engine().connect() as connection:
            connection.execute(text("SELECT 1"))
            return write_problem(connection)
    except SQLAlchemyError as error:
        current_app.logger.warning("not ready: database unavailable: %s", error)
        return f"database: {fault_name(error)}"


def fault_name(error: SQLAlchemyError) -> str:
    """The driver's exception class when there is one (OperationalError, ReadOnlySqlTransaction), else SQLAlchemy's."""
    original = error.orig if isinstance(error, DBAPIError) else None
    return type(original or error).__name__


def write_problem(connection: Connection) -> str | None:
    """An UPDATE of no row, rolled back: it leaves nothing and reads nothing (the condition is
    false), yet a read-only database refuses it (PostgreSQL's `default_transaction_read_only` or a
    standby, a read-only SQLite file, an account without the right to write)."""
    try:
        connection.execute(update(Unit).where(false()).values(code=Unit.code))
    except SQLAlchemyError as error:
        current_app.logger.warning("not ready: the database refuses writes: %s", error)
        return f"database refuses writes: {fault_name(error)}"
    finally:
        connection.rollback()
    return None


def disk_problem() -> str | None:
    """Free space under MIN_FREE_DISK_MB in the export folder or the instance folder."""
    least = current_app.config["MIN_FREE_DISK_MB"]
    for folder in written_folders():
        free = disk_usage(folder).free // MB
        if free < least:
            current_app.logger.warning("not ready: %s MB free in %s, under MIN_FREE_DISK_MB (%s)", free, folder, least)
            return f"disk: {free} MB free, under {least} MB"
    return None


def written_folders() -> set[Path]:
    """Where the app writes files: exports, and the instance folder (a SQLite database) if made."""
    instance = Path(current_app.instance_path)
    return {export_folder()} | ({instance} if instance.is_dir() else set())
