"""A large CSV export written by two processes at once, one half of the responses each.

On SQLite, reading rows from the driver costs about two microseconds of Python per answer, so a
million responses spend most of their time there on one core; on PostgreSQL the server formats the
rows (csv_copy.py) and each half keeps a server process of its own busy. From the command line (one
thread, where a fork is safe) the export forks once: the child writes the second half of the
responses to a file beside the export, on a database connection of its own; the parent writes the
first half, then appends the child's part. The halves are cut by response id at the plan's time,
so rows arrive in the same order and nothing submitted meanwhile slips into one half only.
"""
import os
import shutil
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from survey.db import make_engine
from survey.exports import reading
from survey.responses.models import Response

HALVES_FROM = 100_000
"""Responses from which the command line splits a CSV export (below, a fork costs more than it saves)."""

Write = Callable[[Session, Path, bool, int, int | None], int]
"""Writes the rows of responses with after < id <= upto to a path (a header or not); returns rows written."""


def cut(session: Session, selection: reading.Selection, least: int) -> tuple[int, int] | None:
    """The id ending the first half and the last id; None below `least` responses (or two)."""
    count, last = session.execute(select(func.count(), func.max(Response.id)).where(*selection.filters())).one()
    if count < max(least, 2):
        return None
    middle = session.execute(select(Response.id).where(*selection.filters()).order_by(Response.id)
                             .offset(count // 2 - 1).limit(1)).scalar_one()
    return middle, last


def write_halves(session: Session, engine: Engine, out: Path, middle: int, last: int, write: Write) -> int:
    """Both halves into `out`: the first by this process, the second by a forked child."""
    side = out.with_name(out.name + ".second")
    reading_end, writing_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(reading_end)
        _second_half(engine, side, middle, last, write, writing_end)
    os.close(writing_end)
    try:
        try:
            first = write(session, out, True, 0, middle)
        except BaseException:
            os.kill(child, signal.SIGTERM)
            _reap(child, reading_end)
            raise
        second = _rows_of(*_reap(child, reading_end))
        with open(out, "ab") as target, open(side, "rb") as source:
            shutil.copyfileobj(source, target, 1 << 20)
        return first + second
    finally:
        side.unlink(missing_ok=True)


def _second_half(engine: Engine, side: Path, middle: int, last: int, write: Write, pipe: int) -> None:
    """The child: its own engine (never the parent's connections), then exit without cleanup."""
    status = 1
    try:
        own = make_engine(engine.url.render_as_string(hide_password=False))
        with Session(own) as session:
            os.write(pipe, str(write(session, side, False, middle, last)).encode())
        status = 0
    except BaseException:
        traceback.print_exc(file=sys.stderr)
    finally:
        os._exit(status)


def _reap(child: int, pipe: int) -> tuple[int, bytes]:
    """Wait for the child: its exit code and what it wrote to the pipe."""
    with os.fdopen(pipe, "rb") as answer:
        said = answer.read()
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status), said


def _rows_of(exit_code: int, said: bytes) -> int:
    """Rows the child wrote; RuntimeError if it failed (its traceback went to stderr)."""
    if exit_code != 0 or not said:
        raise RuntimeError("the process writing the second half of the export failed")
    return int(said)
