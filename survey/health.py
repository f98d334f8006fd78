"""Probes for process supervisors and load balancers.

`/healthz` (liveness) says the worker answers at all and touches nothing else: a supervisor
that restarts on it must not restart every worker because PostgreSQL is down. `/readyz`
(readiness) says the worker can serve a survey: a load balancer takes the host out of rotation
while it answers 503.
"""
from flask import Blueprint, Flask, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from survey import db

blueprint = Blueprint("health", __name__)


def register(app: Flask) -> None:
    app.register_blueprint(blueprint)


@blueprint.get("/healthz")
def live():
    return {"status": "ok"}


@blueprint.get("/readyz")
def ready():
    try:
        with db.engine().connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        current_app.logger.warning("not ready: database unavailable: %s", error)
        return {"status": "unavailable", "reason": f"database: {type(error.orig or error).__name__}"}, 503
    return {"status": "ok"}
