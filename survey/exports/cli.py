"""`flask export CAMPAIGN ...` and `flask codebook CAMPAIGN ...`.

Options are checked by the export itself (not click.Choice) so that every bad value is listed
at once and the exit code is 1, as for the other commands' bad input.
"""
from datetime import date
from pathlib import Path

import click
from flask import current_app

from survey import db
from survey.cli import unit_of_work
from survey.db import utcnow
from survey.errors import InvalidInput
from survey.exports.codebook import check_path, write_codebook
from survey.exports.halves import HALVES_FROM
from survey.exports.operations import ExportRequest, export, plan_export
from survey.exports.problems import CATALOGUE
from survey.exports.reading import Filters
from survey.results.weighting import margins_file

OUT = click.Path(path_type=Path)


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(CATALOGUE.problem("export_option_not_date", option, option=option, text=text)) from None


def _request(slug, file_format, layout, weighting, margins, language, bom, units, statuses, first,
             last) -> ExportRequest:
    filters = Filters(tuple(units), tuple(statuses), _day(first, "--from"), _day(last, "--to"),
                      current_app.config["TIMEZONE"])
    return ExportRequest(slug, file_format, layout, weighting, language, bom, filters, margins_file(margins))


@click.command("export")
@click.argument("slug")
@click.option("--format", "file_format", required=True, metavar="csv|xlsx|sav|dta|parquet")
@click.option("--out", required=True, type=OUT, help="File to write (replaced only when the export is complete).")
@click.option("--layout", default="wide", show_default=True, metavar="wide|long",
              help="wide: a row per response; long: a row per answer.")
@click.option("--weighting", default="none", show_default=True, metavar="none|design|raked")
@click.option("--margins", type=OUT, help="raked: CSV of population margins (variable,level,population).")
@click.option("--language", default="vi", show_default=True, metavar="vi|en", help="Language of the labels.")
@click.option("--unit", "units", multiple=True, metavar="CODE", help="Only responses about this unit (repeatable).")
@click.option("--status", "statuses", multiple=True, metavar="submitted|verified|rejected", help="Repeatable.")
@click.option("--from", "first", metavar="YYYY-MM-DD", help="Submitted on or after this day (local time).")
@click.option("--to", "last", metavar="YYYY-MM-DD", help="Submitted on or before this day (local time).")
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte-order mark (for Excel).")
@click.option("--codebook", type=OUT, help="Also write the codebook (.html or .xlsx).")
def export_command(slug, file_format, out, layout, weighting, margins, language, units, statuses, first, last, bom,
                   codebook) -> None:
    """Export the responses of campaign SLUG for analysis."""
    with unit_of_work() as session:
        if codebook is not None:
            check_path(codebook)
        request = _request(slug, file_format, layout, weighting, margins, language, bom, units, statuses, first,
                           last)
        plan, written = export(session, request, out, halves_from=HALVES_FROM)  # one thread here: may fork
        if codebook is not None:
            write_codebook(plan, codebook)
    click.echo(f"{out}\t{written} rows\t{len(plan.variables)} variables")


@click.command("codebook")
@click.argument("slug")
@click.option("--out", required=True, type=OUT, help="The codebook file: .html or .xlsx.")
@click.option("--layout", default="wide", show_default=True, metavar="wide|long")
@click.option("--weighting", default="none", show_default=True, metavar="none|design|raked")
@click.option("--margins", type=OUT, help="raked: CSV of population margins (variable,level,population).")
def codebook_command(slug, out, layout, weighting, margins) -> None:
    """Write the codebook of campaign SLUG's export: variables, texts, codes, skip logic, weights."""
    with unit_of_work() as session:
        check_path(out)
        plan = plan_export(session, ExportRequest(slug, layout=layout, weighting=weighting,
                                                  margins=margins_file(margins)))
        write_codebook(plan, out)
    click.echo(f"{out}\t{len(plan.variables)} variables")


@click.group("exports")
def exports() -> None:
    """Background exports asked for on the analysis pages."""


@exports.command("work")
@click.option("--wait", type=float, metavar="SECONDS",
              help="Keep running, looking for new jobs every SECONDS (a service); without it, stop when none is left.")
def work_command(wait: float | None) -> None:
    """Run queued export jobs (also those whose worker died: no heartbeat for two minutes)."""
    from survey.exports.jobs import running_app, work

    click.echo(f"{work(running_app(), wait)} job(s) run")


@exports.command("purge")
@click.option("--days", type=click.IntRange(min=0), default=None,
              help="Keep finished exports this many days (default: the EXPORT_KEEP_DAYS setting).")
def purge_command(days: int | None) -> None:
    """Delete finished export jobs older than DAYS and their files (run daily)."""
    from survey.exports.jobs import purge

    days = current_app.config["EXPORT_KEEP_DAYS"] if days is None else days
    with db.transaction() as session:
        removed = purge(session, utcnow(), days)
    click.echo(f"{removed} export(s) older than {days} day(s) removed")
