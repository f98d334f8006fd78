"""`flask units ...`"""
import click
from flask.cli import AppGroup

from survey import clock, db
from survey.cli import unit_of_work
from survey.units.operations import ImportPlan, import_units_csv, plan_units_import
from survey.units.queries import active_units
from survey.units.reorganise import apply_reorganisation, plan_reorganisation

units = AppGroup("units", help="Administrative units and agencies.")


@units.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check and show what would change; write nothing.")
def import_command(path: str, dry_run: bool) -> None:
    """Create or update units from a CSV file (code, name, level[, name_en, parent_code, active])."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with unit_of_work() as session:
        summary = plan_units_import(session, text) if dry_run else import_units_csv(session, text)
    changes = summary.changes if isinstance(summary, ImportPlan) else []  # what the administration page shows
    for change in changes:
        click.echo(f"row {change.row}\t{change.code}\t{change.kind}"
                   + (f"\t{change.before or '-'} -> {change.after or '-'}" if change.before or change.after else ""))
    prefix = "would be " if dry_run else ""
    for label in ("created", "updated", "unchanged"):
        codes = getattr(summary, label)
        listed = f" ({', '.join(codes)})" if codes and label != "unchanged" else ""
        click.echo(f"{prefix}{label}: {len(codes)}{listed}")


@units.command("reorganise")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check and show what would change; write nothing.")
def reorganise_command(path: str, dry_run: bool) -> None:
    """Record merges, splits and replacements of units (kind, old, new, effective_on[, shares])."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with unit_of_work() as session:
        if dry_run:
            plan = plan_reorganisation(session, text, clock.today())
        else:
            plan = apply_reorganisation(session, text, clock.today(), None)
    for move in plan.added:
        ceasing = plan.deactivated.get(move.row)
        click.echo(f"row {move.row}\t{move.kind}\t{' '.join(move.old)} -> {' '.join(move.new)}\t"
                   f"{move.effective_on.isoformat()}" + (f"\tdeactivates {' '.join(ceasing)}" if ceasing else ""))
    prefix = "would be " if dry_run else ""
    click.echo(f"{prefix}recorded: {len(plan.added)}; already recorded: {len(plan.unchanged)}")


@units.command("list")
def list_command() -> None:
    """List active units: code, level, name."""
    for unit in active_units(db.session()):
        click.echo(f"{unit.code}\t{unit.level}\t{unit.name}")
