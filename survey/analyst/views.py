"""Analysis pages: choose a campaign, recipe, weighting and breakdown; see the index tables with
95 % intervals and suppressed cells marked, two SVG charts; download the XLSX and the SVGs.

Results are computed on demand, nothing is stored. Choices travel in the query string; margins
for post-stratification or raking are uploaded (POST), and the page's download buttons post
them again. Only analysts and administrators of the whole province may open these pages.
"""
import base64
import io
from dataclasses import dataclass

from flask import Blueprint, Response, abort, render_template, request, send_file
from sqlalchemy import select
from werkzeug.utils import secure_filename

from analysis.recipes import load_recipe, shipped_recipes
from survey import db
from survey.accounts.access import current_user, protect, visible_unit_ids
from survey.analyst.messages import known, say
from survey.campaigns.models import Campaign
from survey.campaigns.queries import all_campaigns
from survey.errors import InvalidInput
from survey.public.messages import language
from survey.results.charts import heat_table, index_chart
from survey.results.report import BY, Results, compute_results
from survey.results.weighting import METHODS, read_margins
from survey.results.xlsx import write_xlsx
from survey.sampling import messages as sample_messages
from survey.sampling.achieved import achieved_sample

blueprint = Blueprint("analyst", __name__, url_prefix="/phan-tich", template_folder="templates")
protect(blueprint, "analyst", "admin")

DEFAULT_RECIPE = "sipas-2017"
MARGINS_LIMIT = 256 * 1024
"""Bytes of an uploaded margins file: a few hundred rows are plenty."""
# Matplotlib's SVG styles its shapes inline and has no script: its own policy, not the pages'.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Choice:
    recipe: str
    weighting: str
    by: str
    margins: str | None

    def query(self, chart: str | None = None) -> dict[str, str]:
        """URL values of the choice (and of the chart's path, when given)."""
        values = {"recipe": self.recipe, "weighting": self.weighting, "by": self.by}
        return values | {"chart": chart} if chart else values

    def filename(self, slug: str, suffix: str) -> str:
        return secure_filename(f"{slug}-{self.recipe}-{self.weighting}-{self.by}{suffix}") or f"ket-qua{suffix}"


@blueprint.before_request
def whole_province_only():
    # Campaign-wide results pool every unit: an account limited to some units may not see them.
    if visible_unit_ids(current_user()) is not None:
        abort(403)


@blueprint.context_processor
def analyst_catalogue() -> dict:
    return {"say": say, "t": say, "known": known, "number": number}


def number(value, digits: int = 1) -> str:
    """A figure for the tables: '–' for a missing one."""
    return "–" if value is None or value != value else f"{value:.{digits}f}"


@blueprint.get("/")
def index():
    return render_template("analyst/index.html", campaigns=all_campaigns(db.session()),
                           choice=Choice(DEFAULT_RECIPE, "design", "unit", None))


@blueprint.route("/<slug>", methods=["GET", "POST"])
def results(slug: str):
    choice = read_choice()
    found = compute(slug, choice)
    charts = {name: base64.b64encode(draw(found, name, choice)).decode("ascii") for name in CHARTS}
    table = found.table
    return render_template("analyst/results.html", results=found, choice=choice, charts=charts,
                           overall=list(table[table["by"] == "all"].itertuples(index=False)),
                           matrix=domain_matrix(found, choice.by), recipes=shipped_recipes(), methods=METHODS,
                           breakdowns=BY, achieved=achieved_sample(db.session(), found.campaign, None),
                           sample_say=sample_messages.say, sample_percent=sample_messages.percent)


@blueprint.route("/<slug>/ket-qua.xlsx", methods=["GET", "POST"])
def workbook(slug: str):
    choice = read_choice()
    found, buffer = compute(slug, choice), io.BytesIO()
    write_xlsx(found, buffer)
    buffer.seek(0)
    return send_file(buffer, mimetype=XLSX, as_attachment=True, download_name=choice.filename(slug, ".xlsx"))


@blueprint.route("/<slug>/bieu-do/<chart>.svg", methods=["GET", "POST"])
def chart(slug: str, chart: str):
    if chart not in CHARTS:
        abort(404)
    choice = read_choice()
    svg = draw(compute(slug, choice), chart, choice)
    disposition = f'attachment; filename="{choice.filename(slug, "-" + chart + ".svg")}"'
    return Response(svg, mimetype="image/svg+xml",
                    headers={"Content-Disposition": disposition, "Content-Security-Policy": SVG_POLICY})


def domain_matrix(results: Results, by: str) -> tuple[list[tuple[str, str]], list[tuple]]:
    """Columns (node id, label) of the overall index and the elements, and a row per domain:
    (domain, name, {node id: its row})."""
    table = results.table
    rows = table[(table["by"] == by) & table["level"].isin(["overall", "element"])]
    nodes = list(dict.fromkeys(zip(rows["node"], rows["label"])))
    cells = [(domain, group["domain_name"].iloc[0], {row.node: row for row in group.itertuples(index=False)})
             for domain, group in rows.groupby("domain", sort=False)]
    return nodes, cells


def read_choice() -> Choice:
    """The choices of the query string or form; InvalidInput (a 400 page) listing bad values."""
    values = request.values
    choice = Choice(values.get("recipe", DEFAULT_RECIPE), values.get("weighting", "design"),
                    values.get("by", "unit"), uploaded_margins())
    checks = ((say("recipe"), choice.recipe, shipped_recipes()), (say("weighting"), choice.weighting, METHODS),
              (say("by"), choice.by, BY))
    problems = [f"{label}: {value!r} ({', '.join(allowed)})" for label, value, allowed in checks if value not in allowed]
    if problems:
        raise InvalidInput(problems)
    return choice


def uploaded_margins() -> str | None:
    """The margins CSV of a POST: an uploaded file, or the text the download buttons send back."""
    if request.method != "POST":
        return None
    upload = request.files.get("margins_file")
    data = upload.read(MARGINS_LIMIT + 1) if upload and upload.filename else request.form.get("margins", "").encode()
    if len(data) > MARGINS_LIMIT:
        raise InvalidInput(f"{say('margins_file')}: > {MARGINS_LIMIT // 1024} KiB")
    try:
        return data.decode("utf-8") or None
    except UnicodeDecodeError:
        raise InvalidInput(f"{say('margins_file')}: UTF-8?") from None


def compute(slug: str, choice: Choice) -> Results:
    session = db.session()
    campaign = session.scalar(select(Campaign).where(Campaign.slug == slug))
    if campaign is None:
        abort(404)
    margins = read_margins(choice.margins, "margins.csv") if choice.margins else None
    return compute_results(session, campaign, load_recipe(choice.recipe), choice.weighting, margins, (choice.by,),
                           language=language())


def draw(results: Results, name: str, choice: Choice) -> bytes:
    by = say(f"by_{choice.by}").lower()
    if name == "chi-so":
        title = say("chart_index", index=results.recipe.overall.text(results.language), by=by)
        return index_chart(results.level("overall", choice.by), title, say("chart_index_note"))
    return heat_table(results.level("element", choice.by), say("chart_elements", by=by), say("chart_elements_note"))


CHARTS = ("chi-so", "yeu-to")
"""The index by domain with its intervals, and the elements x domains heat table."""
