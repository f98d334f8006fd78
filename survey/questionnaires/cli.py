"""`flask questionnaire ...`"""
import click
from flask.cli import AppGroup

import forms
from survey import db
from survey.commands import unit_of_work
from survey.questionnaires.operations import import_definition, publish
from survey.questionnaires.queries import all_questionnaires, questionnaire_by_slug

questionnaire = AppGroup("questionnaire", help="Questionnaire definitions and published versions.")
PATH = click.Path(exists=True, dir_okay=False)


@questionnaire.command("validate")
@click.argument("path", type=PATH)
def validate_command(path: str) -> None:
    """Check a definition file and list every problem; exits non-zero if there is any."""
    try:
        definition = forms.load_definition(path)
    except forms.DefinitionError as error:
        raise click.ClickException(f"{len(error.problems)} problem(s) in {path}:\n{error}") from None
    click.echo(f"{path}: ok, '{definition.id}' with {len(definition.sections)} sections, "
               f"{len(definition.questions)} questions")


@questionnaire.command("import")
@click.argument("path", type=PATH)
@click.option("--publish", "and_publish", is_flag=True, help="Also publish it as a new version.")
def import_command(path: str, and_publish: bool) -> None:
    """Store a definition file as the draft of its questionnaire (optionally publish it)."""
    with unit_of_work() as session:
        stored = import_definition(session, forms.load_definition(path))
        version = publish(session, stored) if and_publish else None
    click.echo(f"imported {stored.slug}" + (f", published as version {version.number}" if version else ""))


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
