"""`flask par-index definition ...`: import a definition file (.xlsx or .yaml) as a draft, check one
without storing it (--dry-run), publish it, export it, list them. Problems are listed one per line,
e.g. `Sheet 'tree', row 7, column 'max_points': The maximum points 6 differ from the sum of its
children's (5.5).`; nothing is stored when there is any."""
from pathlib import Path

import click
from flask.cli import AppGroup

from survey import db
from survey.cli import unit_of_work
from survey.par_index.document import read_file, write_xlsx, write_yaml
from survey.par_index.operations import import_definition, publish
from survey.par_index.queries import all_definitions, definition_by_id

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
