"""`flask analysis run`: index results of a campaign in the terminal, and as an XLSX workbook or a CSV
file (one row per node and domain, `survey.results.csv_result`).

    flask analysis run --campaign an-giang-2027 --recipe sipas-2017 --weighting design --by unit \
        --out results.xlsx
    flask analysis run --campaign an-giang-2027 --recipe sipas-2017 --format csv --out results.csv
        # and results.expectations.csv when the recipe has expectations

Read only: nothing is written to the database. Bad input is a message and exit code 1.
"""
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from analysis.recipes import RecipeError, load_recipe
from survey import db
from survey.campaigns.queries import campaign_by_slug
from survey.errors import InvalidInput
from survey.results.console import render
from survey.results.csv_result import write_csv, write_expectations_csv
from survey.results.loading import DEFAULT_STATUSES
from survey.results.messages import CATALOGUE
from survey.results.report import BY, compute_results
from survey.results.weighting import METHODS, margins_file
from survey.results.xlsx import write_xlsx

FORMATS = ("xlsx", "csv")


@click.group("analysis")
def analysis() -> None:
    """Index results (SIPAS, PAR INDEX points) of campaigns."""


@analysis.command("run")
@click.option("--campaign", "slug", required=True, help="The campaign's slug.")
@click.option("--recipe", required=True, metavar="NAME_OR_PATH",
              help="A shipped recipe (sipas-2017, sipas-2023, sipas-local, sipas-local-criteria) or a recipe file.")
@click.option("--weighting", default="design", show_default=True, metavar="|".join(METHODS))
@click.option("--margins", type=click.Path(path_type=Path),
              help="CSV of population margins: variable,level,population.")
@click.option("--by", "by", multiple=True, metavar="|".join(BY), help="Also per domain (repeatable).")
@click.option("--status", "statuses", multiple=True, metavar="submitted|verified|rejected",
              help=f"Responses with this status (repeatable; default {' and '.join(DEFAULT_STATUSES)}).")
@click.option("--language", default="vi", show_default=True, metavar="vi|en", help="Language of the labels.")
@click.option("--format", "file_format", default="xlsx", show_default=True, metavar="xlsx|csv",
              help="The format of --out.")
@click.option("--out", type=click.Path(path_type=Path), help="Also write the results to this file (.xlsx or .csv).")
def run(slug: str, recipe: str, weighting: str, margins: Path | None, by: tuple[str, ...],
        statuses: tuple[str, ...], language: str, file_format: str, out: Path | None) -> None:
    """Compute every index of RECIPE for campaign SLUG: every node of its tree, with 95 % CIs."""
    try:
        _check_out(out, file_format)
        session = db.session()
        results = compute_results(session, campaign_by_slug(session, slug), load_recipe(recipe), weighting,
                                  margins_file(margins), by, statuses or DEFAULT_STATUSES, language)
    except InvalidInput as error:
        raise click.ClickException(str(error)) from None
    except RecipeError as error:
        raise click.ClickException(f"recipe {recipe}:\n" + "\n".join(str(p) for p in error.problems)) from None
    click.echo(render(results))
    for path, writing in _files(results, out, file_format):
        _write(path, writing)
        click.echo(f"\n{path}")


def _files(results, out: Path | None, file_format: str) -> list[tuple[Path, Callable[[Path], object]]]:
    """(path, what writes it) of each file asked for: the workbook, or the CSV of the index and,
    when the recipe has expectations, theirs beside it (`expectations_path`)."""
    if out is None:
        return []
    if file_format == "xlsx":
        return [(out, lambda path: write_xlsx(results, path))]
    files = [(out, _csv(write_csv(results)))]
    return files + ([(expectations_path(out), _csv(write_expectations_csv(results)))] if len(results.expectations)
                    else [])


def _csv(text: str) -> Callable[[Path], object]:
    return lambda path: path.write_text(text, encoding="utf-8", newline="")


def expectations_path(out: Path) -> Path:
    """Where the expectations' CSV goes beside a CSV of the index: results.csv -> results.expectations.csv."""
    return out.with_name(f"{out.stem}.expectations.csv")


def _check_out(out: Path | None, file_format: str) -> None:
    if file_format not in FORMATS:
        raise InvalidInput(CATALOGUE.problem("results_format_unknown", "format", format=file_format))
    if out is None:
        return
    if out.suffix.lower() != f".{file_format}":
        raise InvalidInput(CATALOGUE.problem("results_out_suffix", "out", out=str(out), format=file_format))
    if not out.parent.resolve().is_dir():
        raise InvalidInput(CATALOGUE.problem("results_out_directory", "out", out=str(out), directory=str(out.parent)))


def _write(out: Path, writing) -> None:
    """`writing(path)` a temporary file beside `out`, then rename: never a half-written file."""
    handle, temporary = tempfile.mkstemp(suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        writing(Path(temporary))
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
