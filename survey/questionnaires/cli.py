"""`flask questionnaire ...`

Definition files are our YAML (or JSON) or XLSForm workbooks (.xlsx); `forms.read_definition`
tells them apart. Problems and skipped items are listed one per line, e.g.
`survey row 12, column type: unknown type 'selct_one' (did you mean 'select_one'?) [unknown_type]`.
"""
from pathlib import Path

import click
from flask.cli import AppGroup

import forms
from survey import db
from survey.cli import unit_of_work
from survey.questionnaires.operations import import_definition, publish
from survey.questionnaires.queries import (
    all_questionnaires,
    latest_version,
    questionnaire_by_slug,
    version_by_number,
    version_definition,
)

questionnaire = AppGroup("questionnaire", help="Questionnaire definitions and published versions.")
PATH = click.Path(exists=True, dir_okay=False)


def _read(path: str) -> forms.Definition:
    """The checked definition in the file; every skipped item is echoed, every problem is fatal."""
    imported = forms.read_definition(path, Path(path).read_bytes())
    for item in imported.skipped:
        click.echo(f"skipped: {item}")
    if imported.definition is None:
        lines = "\n".join(str(problem) for problem in imported.problems)
        raise click.ClickException(f"{len(imported.problems)} problem(s) in {path}:\n{lines}")
    return imported.definition


@questionnaire.command("validate")
@click.argument("path", type=PATH)
def validate_command(path: str) -> None:
    """Check a definition file (YAML or XLSForm .xlsx) and list every problem; exits non-zero if there is any."""
    definition = _read(path)
    click.echo(f"{path}: ok, '{definition.id}' with {len(definition.sections)} sections, "
               f"{len(definition.questions)} questions")


@questionnaire.command("import")
@click.argument("path", type=PATH)
@click.option("--publish", "and_publish", is_flag=True, help="Also publish it as a new version.")
def import_command(path: str, and_publish: bool) -> None:
    """Store a definition file (YAML or XLSForm .xlsx) as the draft of its questionnaire (optionally publish it)."""
    definition = _read(path)
    with unit_of_work() as session:
        stored = import_definition(session, definition)
        version = publish(session, stored) if and_publish else None
    click.echo(f"imported {stored.slug}" + (f", published as version {version.number}" if version else ""))


@questionnaire.command("export")
@click.argument("slug")
@click.option("--version", "number", type=int, help="The published version (default: the newest).")
@click.option("--draft", is_flag=True, help="Export the draft instead of a published version.")
@click.option("--format", "kind", type=click.Choice(["yaml", "xlsx"]), default="yaml", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), required=True)
def export_command(slug: str, number: int | None, draft: bool, kind: str, out: str) -> None:
    """Write a questionnaire as our YAML or as an XLSForm workbook."""
    with unit_of_work() as session:
        definition, label = _chosen(session, slug, number, draft)
    if kind == "xlsx":
        Path(out).write_bytes(forms.write_xlsform(definition))
    else:
        Path(out).write_text(forms.dump_yaml(definition), encoding="utf-8")
    click.echo(f"wrote {label} to {out}")


def _chosen(session, slug: str, number: int | None, draft: bool) -> tuple[forms.Definition, str]:
    if draft:
        return forms.definition_from_dict(questionnaire_by_slug(session, slug).draft), f"{slug} draft"
    version = version_by_number(session, slug, number) if number else latest_version(session, slug)
    return version_definition(version), f"{slug} v{version.number}"


@questionnaire.command("publish")
@click.argument("slug")
def publish_command(slug: str) -> None:
    """Publish the draft of questionnaire SLUG (unchanged content keeps its version)."""
    with unit_of_work() as session:
        version = publish(session, questionnaire_by_slug(session, slug))
    click.echo(f"{slug} version {version.number} ({version.content_hash[:12]})")


@questionnaire.command("list")
def list_command() -> None:
    """List questionnaires with their newest published version."""
    for item in all_questionnaires(db.session()):
        latest = f"v{item.versions[-1].number}" if item.versions else "unpublished"
        click.echo(f"{item.slug}\t{latest}\t{item.title}")
