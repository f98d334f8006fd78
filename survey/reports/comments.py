"""The open comments of a period, as the report counts them (the responses in its scope: those
answering a question of the recipe, with an analysed status), in full: one row per comment with
its campaign, unit and field of procedure, as CSV or XLSX. Texts are neutralised before a
spreadsheet could run them as formulas (survey/exports/formulas.py).

    flask report comments --year 2027 [--quarter 1] [--unit AG-LX] --format csv|xlsx --out FILE
"""
import csv
from pathlib import Path
from typing import BinaryIO

import click
import pandas as pd
import xlsxwriter
from flask import g
from sqlalchemy.orm import Session

from analysis.recipes import Recipe, RecipeError, load_recipe
from survey import db
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.exports.formulas import neutralised
from survey.exports.operations import replacing
from survey.reports.messages import CATALOGUE, choice_problems
from survey.reports.periods import Period, campaigns_of, period, period_recipe
from survey.reports.roles import COMMENTS, FIELD, present
from survey.reports.words import CATALOGUE as WORDS
from survey.reports.words import say
from survey.results.loading import load_campaign
from survey.text import unit_name

HEADERS = ("campaign", "code", "unit_name", "field", "question", "comment_text")
FORMATS = ("csv", "xlsx")


def headers(language: str) -> list[str]:
    return [say(key, language) for key in HEADERS]


def comment_rows(session: Session, asked: Period, unit: str | None, recipe: Recipe, language: str) -> list[list[str]]:
    """Every non-blank comment of the period's campaigns, by unit; InvalidInput for a period without
    campaigns or a unit none of them surveyed."""
    campaigns = campaigns_of(session, asked)
    if not campaigns:
        raise InvalidInput(CATALOGUE.problem("no_results", period=asked.name(language)))
    if unit is not None and unit not in {t.unit.code for c in campaigns for t in c.units}:
        raise InvalidInput(WORDS.problem("comments_unknown_unit", "unit", unit=unit, period=asked.name(language)))
    rated = {m.question for m in recipe.measures()}
    rows = [row for campaign in campaigns for row in _campaign_rows(session, campaign, rated, unit, language)]
    return sorted(rows, key=lambda row: row[1])


def _campaign_rows(session: Session, campaign: Campaign, rated: set[str], unit: str | None,
                   language: str) -> list[list[str]]:
    data = load_campaign(session, campaign)
    frame = data.frame
    asked = [name for name in rated if name in frame]
    frame = frame[frame[asked].notna().any(axis=1)] if asked else frame.iloc[0:0]
    if unit is not None:
        frame = frame[frame["_unit"] == unit]
    fields = present(data.definition, (FIELD,))
    field_of = _labels(fields[0], language) if fields else {}
    names = {t.unit.code: unit_name(t.unit, language) for t in campaign.units}
    rows = []
    for question in present(data.definition, COMMENTS):
        written = frame[frame[question.name].astype("string").str.strip().fillna("") != ""]
        field = written[fields[0].name] if fields else pd.Series(None, index=written.index, dtype=object)
        rows += [[campaign.name, code, names.get(code, code), field_of.get(value, ""),
                  question.label[language].rstrip(":"), str(text)]
                 for code, value, text in zip(written["_unit"], field, written[question.name], strict=True)]
    return rows


def _labels(question, language: str) -> dict[str, str]:
    return {choice.value: choice.label[language] for choice in question.choices}


def write_csv(rows: list[list[str]], language: str, target: Path) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(headers(language))
        writer.writerows([neutralised(cell) for cell in row] for row in rows)


def write_xlsx(rows: list[list[str]], language: str, target: Path | BinaryIO) -> None:
    book = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, {
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False})
    sheet = book.add_worksheet("comments")
    sheet.write_row(0, 0, headers(language), book.add_format({"bold": True}))
    for number, row in enumerate(rows, start=1):
        for column, cell in enumerate(row):
            sheet.write_string(number, column, neutralised(cell))
    sheet.set_column(0, 4, 22)
    sheet.set_column(5, 5, 80, book.add_format({"text_wrap": True, "valign": "top"}))
    sheet.freeze_panes(1, 0)
    book.close()


@click.command("comments")
@click.option("--year", type=int, required=True)
@click.option("--quarter", type=int, metavar="1-4", help="A quarter's comments (default: the year's).")
@click.option("--unit", metavar="CODE", help="A unit's comments (default: every unit).")
@click.option("--format", "file_format", default="xlsx", show_default=True, metavar="|".join(FORMATS))
@click.option("--out", required=True, type=click.Path(path_type=Path))
@click.option("--recipe", metavar="NAME_OR_PATH",
              help="Default: the shipped recipe of the form of the period's campaigns.")
@click.option("--language", default="vi", show_default=True, metavar="vi|en")
def comments_command(year, quarter, unit, file_format, out, recipe, language) -> None:
    """The open comments of a quarter's (or year's) campaigns in full, as the report counts them."""
    try:
        _check(file_format, language)
        g.language = language
        asked = period("yearly" if quarter is None else "quarterly", year, quarter)
        rows = comment_rows(db.session(), asked, unit, load_recipe(recipe or period_recipe(db.session(), asked)),
                            language)
        with replacing(out) as part:
            (write_csv if file_format == "csv" else write_xlsx)(rows, language, part)
    except InvalidInput as error:  # said in the report's --lang
        raise click.ClickException("\n".join(problem.text(language) for problem in error.problems)) from None
    except RecipeError as error:
        raise click.ClickException(f"recipe {recipe}:\n" + "\n".join(str(p) for p in error.problems)) from None
    click.echo(f"{out}\t{asked.name(language)}\t{len(rows)}")


def _check(file_format: str, language: str) -> None:
    problems = choice_problems(file_format, FORMATS, language)
    if problems:
        raise InvalidInput(problems)
