"""Database engine, the declarative base, and the session of the current request or command.

Operations receive a session and only flush; the request (or CLI command) boundary commits once.
"""
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import JSON, MetaData, String, create_engine, event, make_url
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from survey import clock

# Named constraints so that Alembic migrations and error messages can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A JSON document: JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
Document = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """The clock's current instant (`survey.clock.now`), the default of the time columns."""
    return clock.now()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "savepoint", _sqlite_begin_before_savepoint)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin_before_savepoint(connection, _name) -> None:
    """pysqlite begins a transaction only at the first write, so a savepoint taken before any
    write would be a transaction of its own, and its RELEASE a commit that no rollback undoes.
    Begin the outer transaction first. (Beginning every transaction at once instead would make
    concurrent sends fail: a read snapshot cannot become a write once another write committed.)"""
    dbapi_connection = connection.connection.dbapi_connection
    if not dbapi_connection.in_transaction:
        dbapi_connection.execute("BEGIN")


def register_database(app: Flask) -> None:
    """Create the engine (no connection is opened yet) and close each session at teardown."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["survey.sessionmaker"] = sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close_session)


def session() -> Session:
    """The session of the current application context, created on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["survey.sessionmaker"]()
    return g.db_session


def engine() -> Engine:
    return current_app.extensions["survey.sessionmaker"].kw["bind"]


def _close_session(_exc: BaseException | None) -> None:
    # Anything not committed by the boundary is rolled back: no partial writes.
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()


@contextmanager
def transaction() -> Iterator[Session]:
    """The unit of work of a request or command: commit once at the end, roll back on any error."""
    db_session = session()
    try:
        yield db_session
        db_session.commit()
    except BaseException:
        db_session.rollback()
        raise


def declared_length(model: type[Base], name: str) -> int:
    """The length the `name` column of `model` is declared with (String(n)): input is checked against
    it before PostgreSQL refuses a longer value."""
    kind = model.__table__.c[name].type
    if not isinstance(kind, String) or kind.length is None:
        raise TypeError(f"{model.__name__}.{name} is not a String of a given length")
    return kind.length
