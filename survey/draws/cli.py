"""`flask sample draw`: a random sample of dossiers from a dossier list, made into single-use invitations."""
import csv
import io
from collections.abc import Sequence
from datetime import datetime

import click

from survey.campaigns.queries import campaign_by_slug
from survey.cli import unit_of_work
from survey.db import utcnow
from survey.draws.messages import CATALOGUE
from survey.draws.operations import LARGEST_SEED, apply_draw, new_seed, plan_draw, plan_sizes
from survey.errors import InvalidInput
from survey.exports.formulas import neutralised
from survey.invitations.cli import link_base
from survey.invitations.operations import link_expiry
from survey.links import public_url

OUT_COLUMNS = ["dossier_code", "unit_code", "token", "link"]


@click.command("draw")
@click.argument("campaign_slug", metavar="CAMPAIGN")
@click.option("--dossiers", "list_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="CSV with the columns dossier_code,unit_code,date (YYYY-MM-DD or DD/MM/YYYY)[,field].")
@click.option("--seed", type=click.IntRange(0, LARGEST_SEED), help="Redo a draw: the seed it recorded.")
@click.option("--size", type=click.IntRange(min=0), help="Dossiers to draw in every unit (default: its quota).")
@click.option("--plan", "plan_path", type=click.Path(exists=True, dir_okay=False),
              help="CSV unit_code,n (or the output of `flask sample plan`, whose invite column is drawn).")
@click.option("--replacement", is_flag=True,
              help="Replace non-respondents: by default one new dossier per unanswered dossier of the first draw.")
@click.option("--expires", type=click.DateTime(formats=["%Y-%m-%d"]), help="Last day the links work, YYYY-MM-DD.")
@click.option("--base-url", metavar="URL", help="Where respondents reach the service, instead of PUBLIC_BASE_URL.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, writable=True),
              help="Where to write dossier_code,unit_code,token,link as CSV.")
def draw_command(campaign_slug: str, list_path: str, seed: int | None, size: int | None, plan_path: str | None,
                 replacement: bool, expires: datetime | None, base_url: str | None, out_path: str) -> None:
    """Draw a stratified random sample of dossiers by unit and invite each one (a single-use link)."""
    if size is not None and plan_path:
        raise click.UsageError("give --size or --plan, not both")
    base, text = link_base(base_url), read_text(list_path)
    seed = new_seed() if seed is None else seed
    with unit_of_work() as session:
        campaign = campaign_by_slug(session, campaign_slug)
        sizes = plan_sizes(campaign, read_text(plan_path)) if plan_path else size
        plan = plan_draw(session, campaign, text, seed, sizes, replacement)
        last_day = expires.date() if expires else None
        expires_at, past = link_expiry(last_day, "expires")
        if past:
            raise InvalidInput(CATALOGUE.problem("draw_expires_past", "expires", day=last_day))
        draw, created = apply_draw(session, plan, expires_at, utcnow(), None)
        rows = [[i.dossier_code, i.unit.code, i.token, public_url("questionnaire.invitation", base, token=i.token)]
                for i in created]
    write_rows(out_path, rows)
    click.echo(f"draw {draw.id}: seed {seed}, {len(rows)} dossiers drawn from {draw.list_rows} listed", err=True)


def read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise click.ClickException(f"{path} is not UTF-8 text") from None


def write_rows(path: str, rows: Sequence[Sequence[str | None]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUT_COLUMNS)
    writer.writerows([neutralised(code), *rest] for code, *rest in rows)  # a token may begin with '-'
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(out.getvalue())
