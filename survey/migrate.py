"""`flask db ...`: Alembic driven from the app's settings (a deploy step, never run at start-up)."""
from pathlib import Path

import click
from alembic import command
from alembic.config import Config
from flask import current_app
from flask.cli import AppGroup

ROOT = Path(__file__).resolve().parent.parent

database = AppGroup("db", help="Database schema migrations (Alembic).")


def alembic_config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    # ConfigParser interpolates '%': a password with one must be escaped.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@database.command("upgrade")
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Upgrade the database to REVISION (default: head)."""
    command.upgrade(alembic_config(current_app.config["DATABASE_URL"]), revision)


@database.command("downgrade")
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Downgrade the database to REVISION."""
    command.downgrade(alembic_config(current_app.config["DATABASE_URL"]), revision)


@database.command("current")
def current() -> None:
    """Show the revision the database is at."""
    command.current(alembic_config(current_app.config["DATABASE_URL"]), verbose=True)
