"""Export a campaign's responses to a file, batch by batch, replacing the target only when complete."""
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import forms
from forms.repeats import repeat_names
from survey.errors import InvalidInput, Problem
from survey.exports import halves, reading, repeats, rows
from survey.exports.problems import CATALOGUE
from survey.exports.variables import Variable, long_variables, union_questions, wide_variables
from survey.exports.writers import XlsxWriter
from survey.responses.models import Answer, Response
from survey.results.loading import DEFAULT_STATUSES
from survey.results.scope import analysis_weights
from survey.results.weighting import Margins

FORMATS = ("csv", "xlsx", "sav", "dta", "parquet")
LAYOUTS = ("wide", "long")
WEIGHTINGS = ("none", "design", "raked")
ANALYSIS_METHODS = {"design": "design", "raked": "rake"}
"""The analysis' weighting (survey.results.weighting) that each weighted export writes."""
LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class ExportRequest:
    slug: str
    file_format: str = "csv"
    layout: str = "wide"
    weighting: str = "none"
    language: str = "vi"
    bom: bool = False
    filters: reading.Filters = field(default_factory=reading.Filters)
    margins: Margins | None = None
    """Population margins, for (and only for) weighting 'raked'."""

    def problems(self) -> list[Problem]:
        checks = (("format", self.file_format, FORMATS), ("layout", self.layout, LAYOUTS),
                  ("weighting", self.weighting, WEIGHTINGS), ("language", self.language, LANGUAGES))
        found = [CATALOGUE.problem("export_choice_unknown", what, what=what, value=value, known=", ".join(known))
                 for what, value, known in checks if value not in known]
        if self.weighting == "raked" and self.margins is None:
            found.append(CATALOGUE.problem("export_margins_needed", "margins"))
        if self.weighting != "raked" and self.margins is not None:
            found.append(CATALOGUE.problem("export_margins_unused", "margins"))
        return found


@dataclass(frozen=True)
class Plan:
    """What an export writes: the selected responses, its variables, and what rows need."""

    request: ExportRequest
    selection: reading.Selection
    variables: list[Variable]
    context: rows.Context
    definitions: list[tuple[int, forms.Definition]]


def plan_export(session: Session, request: ExportRequest) -> Plan:
    """Check the request and work out the variables; InvalidInput lists every problem."""
    if request.problems():
        raise InvalidInput(request.problems())
    selection = reading.frozen(session, request.filters.select(session, request.slug))
    versions = reading.answered_versions(session, selection)
    questions = union_questions((number, definition) for _, number, definition in versions)
    inside = {name for _, _, definition in versions for name in repeat_names(definition)}  # asked per instance
    outside = [(question, numbers) for question, numbers in questions if question.name not in inside]
    variables = (wide_variables(outside, request.weighting) if request.layout == "wide"
                 else long_variables(request.weighting))
    statuses = request.filters.statuses or DEFAULT_STATUSES
    weights = (analysis_weights(session, selection.campaign, ANALYSIS_METHODS[request.weighting], request.margins,
                                statuses) if request.weighting in ANALYSIS_METHODS else None)
    context = rows.Context(reading.unit_details(session, selection.campaign),
                           {vid: number for vid, number, _ in versions}, weights, tuple(statuses))
    return Plan(request, selection, variables, context, [(n, d) for _, n, d in versions])


def export(session: Session, request: ExportRequest, out: Path, halves_from: int | None = None) -> tuple[Plan, int]:
    """Write the export to `out` (all or nothing) and return the plan and the rows written.

    With `halves_from`, a CSV export of at least that many responses is written by two processes
    (see halves.py): only where forking is safe, i.e. not in a threaded web process."""
    plan = plan_export(session, request)
    write = partial(write_rows, plan)
    with replacing(out) as part:
        cut = _cut(session, plan, halves_from)
        if cut is not None:
            written = halves.write_halves(session, session.get_bind().engine, part, *cut, write)
        else:
            written = write(session, part, True, 0, None)
    write_repeat_files(session, plan, out)
    return plan, written


def side_tables(plan: Plan) -> list[repeats.RepeatTable]:
    """The repeats a wide export writes as files of their own (none for XLSX, whose sheets hold them,
    nor for the long layout, whose rows carry the instance)."""
    if plan.request.layout != "wide" or plan.request.file_format == "xlsx":
        return []
    return repeats.repeat_tables(plan.definitions)


def write_repeat_files(session: Session, plan: Plan, out: Path) -> list[Path]:
    """A wide export's repeats as files beside `out` (XLSX has them as sheets: write_batches); their paths."""
    written = []
    for table in side_tables(plan):
        with replacing(repeats.side_path(out, table)) as part:
            write_batches(repeats.table_plan(plan, table), session, part, table_columns=(
                repeats.table_columns(session, plan.selection, table)))
        written.append(repeats.side_path(out, table))
    return written


def _cut(session: Session, plan: Plan, halves_from: int | None) -> tuple[int, int] | None:
    if halves_from is None or plan.request.file_format != "csv" or not hasattr(os, "fork"):
        return None
    return halves.cut(session, plan.selection, halves_from)


def write_rows(plan: Plan, session: Session, path: Path, header: bool = True, after: int = 0, upto: int | None = None,
               progress: Callable[[int], None] | None = None) -> int:
    """The rows of the responses with `after` < id <= `upto` (no bound: None) into `path`;
    `progress` is told the rows written so far after every batch.

    CSV on PostgreSQL is made by the server (csv_copy.py: the same file, 8 s instead of 21 s for a
    million responses)."""
    if plan.request.file_format == "csv" and session.get_bind().dialect.name == "postgresql":
        from survey.exports.csv_copy import write_copy

        return write_copy(plan, session, path, header, after, upto, progress)
    return write_batches(plan, session, path, header, after, upto, progress)


def write_batches(plan: Plan, session: Session, path: Path, header: bool = True, after: int = 0,
                  upto: int | None = None, progress: Callable[[int], None] | None = None,
                  table_columns: Iterator[dict[str, list]] | None = None) -> int:
    """write_rows through Python: batches of columns given to the format's writer (`table_columns`:
    a repeat's table instead of the responses'); a wide XLSX gets each repeat's table as a sheet."""
    writer = open_writer(session, plan, path, header)
    written = 0
    try:
        for columns in table_columns or plan_columns(session, plan, after, upto):
            writer.write(columns)
            written += len(columns["response_id"])
            if progress is not None:
                progress(written)
        if isinstance(writer, XlsxWriter) and plan.request.layout == "wide" and table_columns is None:
            _repeat_sheets(session, plan, writer)
    except BaseException:
        writer.discard()
        raise
    writer.close()
    return written


def _repeat_sheets(session: Session, plan: Plan, writer: XlsxWriter) -> None:
    for table in repeats.repeat_tables(plan.definitions):
        writer.next_table(table.name, table.variables)
        for columns in repeats.table_columns(session, plan.selection, table):
            writer.write(columns)


def plan_columns(session: Session, plan: Plan, after: int = 0, upto: int | None = None) -> Iterator[dict[str, list]]:
    """The export's rows, one batch of columns at a time."""
    batches = reading.batches(session, plan.selection, after=after, upto=upto, flag=plan.context.scope_flag())
    if plan.request.layout == "wide":
        for batch in batches:
            yield rows.wide_columns(batch, plan.variables, plan.context)
        return
    order = {q.name: i for i, (q, _) in enumerate(union_questions(plan.definitions))}
    for batch in batches:
        yield rows.long_columns(batch, plan.variables, plan.context, order)


def open_writer(session: Session, plan: Plan, path: Path, header: bool = True):
    # pyarrow, pandas and pyreadstat are imported only when needed: every `flask` command loads this module.
    request = plan.request
    if request.file_format == "csv":
        from survey.exports.csv_arrow import CsvWriter

        return CsvWriter(path, plan.variables, bom=request.bom, header=header)
    if request.file_format == "xlsx":
        return XlsxWriter(path, plan.variables)
    if request.file_format == "parquet":
        from survey.exports.parquet import ParquetWriter

        return ParquetWriter(path, plan.variables, request.language)
    from survey.exports.statistical import StatisticalWriter

    return StatisticalWriter(path, plan.variables, row_count(session, plan), request.file_format, request.language)


def row_count(session: Session, plan: Plan) -> int:
    """Rows the export will have: responses (wide) or answers (long)."""
    if plan.request.layout == "wide":
        return sum(reading.responses_by_unit(session, plan.selection).values())
    query = select(func.count()).select_from(Answer).join(Response, Response.id == Answer.response_id)
    return session.execute(query.where(*plan.selection.filters())).scalar_one()


@contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside `out`, renamed to it on success and removed on any failure."""
    if out.is_dir():
        raise InvalidInput(CATALOGUE.problem("export_out_directory", "out", out=str(out)))
    if not out.parent.is_dir():
        raise InvalidInput(CATALOGUE.problem("export_no_directory", "out", directory=str(out.parent)))
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as error:
        raise InvalidInput(CATALOGUE.problem("export_not_writable", "out", directory=str(out.parent),
                                             reason=error.strerror)) from None
    os.close(handle)
    part = Path(name)
    try:
        yield part
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
