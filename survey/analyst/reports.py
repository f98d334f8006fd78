"""Report pages on the analysis blueprint (/phan-tich/bao-cao): choose a quarter or a year, a unit
or the province, the period to compare with (as `flask report --compare-with`);
see the printable report (print stylesheet), download it as XLSX.

Everything travels in the query string (GET, no write): the same URL gives the same report.
"""
import io
from datetime import date

from flask import Response, render_template, request, send_file
from werkzeug.utils import secure_filename

from analysis.recipes import load_recipe, shipped_recipes
from survey import clock, db
from survey.analyst.messages import CATALOGUE as ANALYST
from survey.analyst.views import XLSX, blueprint
from survey.campaigns.queries import last_closing_day
from survey.errors import InvalidInput, Problem
from survey.exports.requests import surveyed_units
from survey.forms_common import whole
from survey.reports.assemble import document
from survey.reports.build import build_report
from survey.reports.compose import Report
from survey.reports.docx import write_docx
from survey.reports.gather import WEIGHTINGS
from survey.reports.html import context
from survey.reports.messages import MESSAGES
from survey.reports.pdf import write_pdf
from survey.reports.periods import KINDS, comparable_periods, compared_period, period, period_recipe
from survey.reports.words import MORE
from survey.reports.xlsx import write_report_xlsx
from survey.text import Catalogue, language


@blueprint.get("/bao-cao")
def reports():
    """The report form, on the quarter of the latest closing; the periods offered to compare with
    are those with campaigns that end before the newest one's (the report asked is checked)."""
    day = latest_closing(db.session())
    return render_template("analyst/reports/index.html", kinds=KINDS, year=day.year,
                           quarter=(day.month - 1) // 3 + 1, units=surveyed_units(db.session()),
                           recipes=shipped_recipes(), weightings=WEIGHTINGS,
                           earlier=comparable_periods(db.session()), say=page_say)


@blueprint.get("/bao-cao/xem")
def report():
    made, query = requested_report()
    whole = document(db.session(), made, load_recipe(query["recipe"]), language())
    return render_template("analyst/reports/page.html", query=query,
                           **(context(made, language(), whole) | {"say": page_say}))


@blueprint.get("/bao-cao/bao-cao.<any(docx, pdf):file_format>")
def report_file(file_format: str) -> Response:
    """The report as Word or PDF, as `flask report --format docx|pdf` writes it."""
    made, query = requested_report()
    whole = document(db.session(), made, load_recipe(query["recipe"]), language())
    buffer = io.BytesIO()
    write_docx(whole, buffer) if file_format == "docx" else write_pdf(whole, buffer, language())
    buffer.seek(0)
    name = secure_filename(f"bao-cao-{made.period.slug()}-{made.unit or 'toan-tinh'}.{file_format}")
    return send_file(buffer, mimetype=MIMETYPES[file_format], as_attachment=True, download_name=name)


@blueprint.get("/bao-cao/bao-cao.xlsx")
def report_xlsx() -> Response:
    made, _ = requested_report()
    buffer = io.BytesIO()
    write_report_xlsx(made, buffer, language())
    buffer.seek(0)
    name = secure_filename(f"bao-cao-{made.period.slug()}-{made.unit or 'toan-tinh'}.xlsx")
    return send_file(buffer, mimetype=XLSX, as_attachment=True, download_name=name)


def requested_report() -> tuple[Report, dict[str, str]]:
    """The report the query string asks for, and that query (for the download link); InvalidInput
    (a 400 page) lists every bad value."""
    values = request.args
    query = {key: values.get(key, "") for key in ("kind", "year", "quarter", "unit", "recipe", "weighting",
                                                    "compare_with")}
    recipe = query["recipe"]
    problems = [] if not recipe or recipe in shipped_recipes() else [
        ANALYST.problem("recipe_refused", "recipe", value=recipe, known="")]
    year, quarter = typed_number(query["year"], "year", problems), typed_number(query["quarter"], "quarter", problems)
    if problems:
        raise InvalidInput(problems)
    # The form sends its quarter whatever the kind: a yearly report has none to take.
    chosen = period(query["kind"], year, None if query["kind"] == "yearly" else quarter)
    # No recipe named: the one written for the form of the period's campaigns.
    query["recipe"] = recipe or period_recipe(db.session(), chosen)
    earlier = compared_period(chosen.kind, query["compare_with"])
    made = build_report(db.session(), chosen, query["unit"] or None, load_recipe(query["recipe"]),
                        query["weighting"] or "design", language(), earlier)
    return made, query


def latest_closing(session) -> date:
    """The form's default day: the latest closing of a campaign that has closed (else of any
    campaign, else today), so the period first shown has a campaign to report on."""
    return last_closing_day(session, clock.today()) or clock.today()


def typed_number(text: str, key: str, problems: list[Problem]) -> int | None:
    """The year or quarter typed (None when blank); its problem kept when it is no number of at most
    four digits (`period` says which are too large or small)."""
    number, valid = whole(text, 9999)
    if not valid:
        problems.append(ANALYST.problem(f"{key}_refused", key, value=text))
    return number


MIMETYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "pdf": "application/pdf"}
page_say = Catalogue({**MESSAGES, **MORE}, fallback=ANALYST).say
"""The reports' texts, and the staff pages' own (the header's sign-out button) for the rest."""
