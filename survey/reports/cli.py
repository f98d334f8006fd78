"""`flask report quarterly|yearly`: the report of a unit or of the province, as XLSX, printable HTML,
Word (DOCX) or PDF.

    flask report quarterly --year 2026 --quarter 3 [--unit AG-LX] --format xlsx --out q3.xlsx
    flask report yearly --year 2026 --format html --out 2026.html
    flask report yearly --year 2027 --compare-with 2024 --format pdf --out 2027.pdf

The change is measured since the period before, or since the one `--compare-with` names (a year, or
a quarter as 2024-q4 for a quarterly report): a survey may skip a period.

Read only. Bad input is a message listing every problem and exit code 1; the file is written
only when the report is complete.
"""
from pathlib import Path

import click
from flask import g

from analysis.recipes import RecipeError, load_recipe
from survey import db
from survey.errors import InvalidInput
from survey.exports.operations import replacing
from survey.reports.assemble import document
from survey.reports.build import build_report
from survey.reports.docx import write_docx
from survey.reports.gather import WEIGHTINGS
from survey.reports.html import render_standalone
from survey.reports.messages import choice_problems
from survey.reports.pdf import write_pdf
from survey.reports.periods import compared_period, period, period_recipe
from survey.reports.xlsx import write_report_xlsx

WRITERS = {
    "xlsx": lambda report, whole, part, language: write_report_xlsx(report, part, language, whole),
    "html": lambda report, whole, part, language: part.write_text(render_standalone(report, language, whole),
                                                                  encoding="utf-8"),
    "docx": lambda report, whole, part, language: write_docx(whole, part),
    "pdf": lambda report, whole, part, language: write_pdf(whole, part, language),
}
FORMATS = tuple(WRITERS)


@click.group("report")
def report() -> None:
    """Quarterly and yearly reports per unit and for the province."""


def _options(command):
    for option in reversed((
        click.option("--year", type=int, required=True),
        click.option("--unit", metavar="CODE", help="A unit's report (default: the province, units ranked)."),
        click.option("--format", "file_format", default="xlsx", show_default=True, metavar="|".join(FORMATS)),
        click.option("--out", required=True, type=click.Path(path_type=Path)),
        click.option("--recipe", metavar="NAME_OR_PATH",
                     help="Default: the shipped recipe of the form of the period's campaigns."),
        click.option("--weighting", default="design", show_default=True, metavar="|".join(WEIGHTINGS)),
        click.option("--language", default="vi", show_default=True, metavar="vi|en"),
        click.option("--compare-with", metavar="YEAR[-qN]",
                     help="The period to compare with (default: the one before)."),
    )):
        command = option(command)
    return command


@report.command("quarterly")
@click.option("--quarter", type=int, required=True, metavar="1-4")
@_options
def quarterly(quarter, **options) -> None:
    """The report of a quarter's campaigns (those closing in it), with the change since the quarter before."""
    _run("quarterly", quarter, **options)


@report.command("yearly")
@_options
def yearly(**options) -> None:
    """The report of a year's campaigns (those closing in it), with the change since the year before."""
    _run("yearly", None, **options)


def _run(kind, quarter, year, unit, file_format, out, recipe, weighting, language, compare_with) -> None:
    try:
        problems = choice_problems(file_format, FORMATS, language)
        if problems:
            raise InvalidInput(problems)
        g.language = language
        asked = period(kind, year, quarter)
        chosen = load_recipe(recipe or period_recipe(db.session(), asked))
        earlier = compared_period(kind, compare_with)
        made = build_report(db.session(), asked, unit, chosen, weighting, language, earlier)
        whole = document(db.session(), made, chosen, language)
        with replacing(out) as part:
            WRITERS[file_format](made, whole, part, language)
    except InvalidInput as error:  # said in the report's --lang
        raise click.ClickException("\n".join(problem.text(language) for problem in error.problems)) from None
    except RecipeError as error:
        raise click.ClickException(f"recipe {recipe}:\n" + "\n".join(str(p) for p in error.problems)) from None
    click.echo(f"{out}\t{made.period.name(language)}\t{made.unit or 'province'}")

