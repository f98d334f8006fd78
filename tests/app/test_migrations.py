"""An empty database upgraded to head has exactly the schema the models describe."""
import uuid

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.orm import Session

from survey import clock
from survey.db import make_engine
from survey.migrate import alembic_config
from survey.models import Base


@pytest.fixture
def empty_database(database_url, tmp_path):
    """A fresh SQLite file, or a fresh schema in the PostgreSQL test database."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}", None
        return
    schema = f"migration_{uuid.uuid4().hex[:8]}"
    admin = create_engine(database_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield database_url, schema
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def run_on(url: str, schema: str | None, action) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        if schema:
            connection.execute(text(f'SET search_path TO "{schema}"'))
        config = alembic_config(url)
        config.attributes["connection"] = connection
        config.attributes["skip_logging"] = True
        action(config, connection)
    engine.dispose()


def test_upgrade_to_head_matches_the_models(empty_database):
    url, schema = empty_database
    differences = []

    def upgrade_and_compare(config, connection):
        command.upgrade(config, "head")
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences.extend(compare_metadata(context, Base.metadata))

    run_on(url, schema, upgrade_and_compare)
    assert differences == []


def test_downgrade_to_base_removes_every_table(empty_database):
    url, schema = empty_database
    tables = []

    def round_trip(config, connection):
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        tables.extend(t for t in inspect(connection).get_table_names() if t != "alembic_version")

    run_on(url, schema, round_trip)
    assert tables == []


def test_the_newest_revision_goes_down_and_up_again_with_responses_held(empty_database, app):
    """On SQLite a batch alteration recreates the table: rows referring to it must not stop it."""
    from survey.demo.operations import load_demo
    from survey.demo.simulated import simulate_responses

    url, schema = empty_database
    run_on(url, schema, lambda config, connection: command.upgrade(config, "head"))

    def fill(config, connection):
        with app.app_context(), Session(bind=connection) as session:
            campaign = load_demo(session, clock.today(), with_accounts=False).campaign
            simulate_responses(session, campaign, 20, clock.today())
            session.flush()

    def down_and_up(config, connection):
        command.downgrade(config, "-1")
        command.upgrade(config, "head")

    run_on(url, schema, fill)
    run_on(url, schema, down_and_up)
    counted = []
    run_on(url, schema, lambda config, connection: counted.extend(connection.execute(text(
        "SELECT count(*), min(min_seconds) FROM responses JOIN campaigns ON campaigns.id = responses.campaign_id"
    )).one()))
    assert counted == [20, 60]
