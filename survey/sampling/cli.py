"""`flask sample plan`: the sample each unit needs by the ministry's rule, the dossiers to invite
and the margin of error each unit's sample gives, from a CSV of units and their N_h."""
import csv

import click
from flask.cli import AppGroup

from survey.cli import unit_of_work
from survey.errors import InvalidInput
from survey.sampling.messages import CATALOGUE
from survey.sampling.operations import checked_units, read_parameters, units_from_csv
from survey.sampling.plan import ALLOCATIONS, Row, plan_rows

sample = AppGroup("sample", help="Sample planning.")
PLAN_COLUMNS = ("unit_code", "transactions", "rule_n", "n", "invite", "margin")


@sample.command("plan")
@click.option("--units", "units_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="CSV with the columns unit_code,transactions (N_h in the period).")
@click.option("--margin", default="0.05", show_default=True, help="Margin of error wanted, a fraction of one.")
@click.option("--confidence", default="0.95", show_default=True)
@click.option("--eligibility", default="1", show_default=True, help="Expected share of invitees who qualify.")
@click.option("--response", default="1", show_default=True, help="Expected share of qualified invitees who answer.")
@click.option("--allocation", default="rule", show_default=True, help=f"One of {', '.join(ALLOCATIONS)}.")
@click.option("--budget", default="", help="Total respondents (required by proportional and equal).")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, writable=True))
def plan_command(units_path: str, out_path: str, **values: str) -> None:
    """Write PLAN.csv: per unit N_h, the rule's n, the allocated n, the dossiers to invite and the
    margin of error (p = 0.5, with the finite-population correction) of the allocated n."""
    with unit_of_work() as session:  # read only: it checks the unit codes
        populations = checked_units(session, read_units(units_path))
        rows = plan_rows(populations, read_parameters(values, populations))
    write_plan(out_path, rows)
    click.echo(f"{len(rows)} units: n = {sum(r.n for r in rows)}, invite = {sum(r.invite for r in rows)}")


def read_units(path: str):
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return units_from_csv(handle.read())
    except UnicodeDecodeError:
        raise InvalidInput(CATALOGUE.problem("plan_csv_unreadable")) from None


def write_plan(path: str, rows: list[Row]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(PLAN_COLUMNS)
        writer.writerows((r.unit_code, r.transactions, r.rule_n, r.n, r.invite,
                          "" if r.margin is None else f"{r.margin:.4f}") for r in rows)
