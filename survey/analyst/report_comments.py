"""The open comments of the report shown on /phan-tich/bao-cao/xem, downloaded as XLSX: the same
query string (period, unit, recipe), the rows of `flask report comments`."""
import io

from flask import Response, request, send_file
from werkzeug.utils import secure_filename

from analysis.recipes import load_recipe, shipped_recipes
from survey import db
from survey.analyst.messages import CATALOGUE
from survey.analyst.reports import typed_number
from survey.analyst.views import XLSX, blueprint
from survey.errors import InvalidInput, Problem
from survey.reports.comments import comment_rows, write_xlsx
from survey.reports.periods import Period, period, period_recipe
from survey.text import language


@blueprint.get("/bao-cao/y-kien.xlsx")
def report_comments() -> Response:
    asked, unit, recipe = _asked()
    rows = comment_rows(db.session(), asked, unit, load_recipe(recipe or period_recipe(db.session(), asked)),
                        language())
    buffer = io.BytesIO()
    write_xlsx(rows, language(), buffer)
    buffer.seek(0)
    name = secure_filename(f"y-kien-{asked.slug()}-{unit or 'toan-tinh'}.xlsx")
    return send_file(buffer, mimetype=XLSX, as_attachment=True, download_name=name)


def _asked() -> tuple[Period, str | None, str]:
    """The period, unit and recipe of the query string; InvalidInput (a 400 page) lists bad values."""
    values = request.args
    kind, recipe = values.get("kind", ""), values.get("recipe", "")
    problems: list[Problem] = []
    year, quarter = (typed_number(values.get(key, ""), key, problems) for key in ("year", "quarter"))
    if recipe and recipe not in shipped_recipes():
        problems.append(CATALOGUE.problem("recipe_refused", "recipe", value=recipe, known=""))
    if problems:
        raise InvalidInput(problems)
    # The report form sends its quarter whatever the kind: a yearly report has none to take.
    asked = period(kind, year, None if kind == "yearly" else quarter)
    return asked, values.get("unit") or None, recipe
