"""`flask par-index definition ...`: import a definition file (.xlsx or .yaml) as a draft, check one
without storing it (--dry-run), publish it, export it, list them. Problems are listed one per line,
e.g. `Sheet 'tree', row 7, column 'max_points': The maximum points 6 differ from the sum of its
children's (5.5).`; nothing is stored when there is any.

`flask par-index results --year YEAR --format csv|xlsx|docx --out FILE [--unit CODE]` writes a
year's results (survey.par_index.results); it reads only."""
from pathlib import Path

import click
from flask.cli import AppGroup

from survey import db
from survey.cli import unit_of_work
from survey.par_index.document import read_file, write_xlsx, write_yaml
from survey.par_index.operations import import_definition, publish
from survey.par_index.queries import all_definitions, definition_by_id
from survey.par_index.results import evidence_of, year_results
from survey.par_index.results_document import scorecard, year_document
from survey.par_index.results_files import write_csv
from survey.par_index.results_files import write_xlsx as write_results_xlsx
from survey.par_index.scoring_queries import unit_inputs
from survey.reports.docx import write_docx
from survey.text import LANGUAGES

RESULT_FORMATS = ("csv", "xlsx", "docx")
par_index = AppGroup("par-index", help="The province's internal PAR index.")
definition_group = AppGroup("definition", help="PAR index definitions: the tree of fields, criteria and "
                                                "sub-criteria with their points and sources.")
par_index.add_command(definition_group)


@definition_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check the file and report what it holds, storing nothing.")
def import_command(path: str, dry_run: bool) -> None:
    """Store a definition file (.xlsx or .yaml) as the draft of its year and name."""
    with unit_of_work() as session:
        stored = import_definition(session, read_file(path, Path(path).read_bytes()))
        summary = f"{stored.year}\t{stored.name}\t{stored.content_hash[:12]}"
        if dry_run:
            session.rollback()
    click.echo(f"checked, nothing stored: {summary}" if dry_run else f"imported as {stored.id}: {summary}")


@definition_group.command("export")
@click.argument("definition_id", type=int)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), required=True,
              help="The file to write: .xlsx, or .yaml for the same document as text.")
def export_command(definition_id: int, out: str) -> None:
    """Write a stored definition as the file it was imported from."""
    with unit_of_work() as session:
        document = definition_by_id(session, definition_id).document
    if out.lower().endswith((".yaml", ".yml")):
        Path(out).write_text(write_yaml(document), encoding="utf-8")
    else:
        Path(out).write_bytes(write_xlsx(document))
    click.echo(f"wrote definition {definition_id} to {out}")


@definition_group.command("publish")
@click.argument("definition_id", type=int)
def publish_command(definition_id: int) -> None:
    """Publish a draft definition: from then on it never changes."""
    with unit_of_work() as session:
        stored = publish(session, definition_by_id(session, definition_id))
    click.echo(f"published {stored.id}: {stored.year}\t{stored.name}\t{stored.content_hash[:12]}")


@definition_group.command("list")
def list_command() -> None:
    """List the definitions: id, year, name, status, content hash."""
    for stored in all_definitions(db.session()):
        click.echo(f"{stored.id}\t{stored.year}\t{stored.name}\t{stored.status}\t{stored.content_hash[:12]}")


@par_index.command("results")
@click.option("--year", type=click.IntRange(2000, 2100), required=True, help="The year scored.")
@click.option("--format", "file_format", type=click.Choice(RESULT_FORMATS), required=True,
              help="csv: a row per unit and field and a total row; xlsx: results, every score with its evidence; "
                   "docx: the province's results, or with --unit that unit's scorecard.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path), required=True)
@click.option("--unit", "unit_code", help="With --format docx: the scorecard of this unit.")
@click.option("--language", type=click.Choice(LANGUAGES), default="vi", show_default=True)
def results_command(year: int, file_format: str, out: Path, unit_code: str | None, language: str) -> None:
    """Write the PAR index results of a year (its published definition, the scoring round's values,
    the survey points of its campaigns); refused for a year without a published definition."""
    with unit_of_work() as session:
        found = year_results(session, year, unit_inputs)
        evidence = evidence_of(session, found)
        if file_format == "csv":
            out.write_text(write_csv(found), encoding="utf-8")
        elif file_format == "xlsx":
            out.write_bytes(write_results_xlsx(found, language, evidence))
        else:
            document = scorecard(found, unit_code, language, evidence) if unit_code else year_document(found, language)
            write_docx(document, out)
        session.rollback()
    click.echo(f"wrote the PAR index results of {year} ({len(found.scores)} units) to {out}")
