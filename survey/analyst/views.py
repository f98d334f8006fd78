"""Analysis pages: choose a campaign, recipe, weighting and breakdown; see the index tables with
95 % intervals and suppressed cells marked, two SVG charts (files of their own); download the
XLSX and the SVGs.

What the page shows is kept (`survey.results.cache`) per campaign, recipe, weighting, margins,
breakdown and language until the campaign's responses change. Choices travel in the query
string; margins for post-stratification or raking are uploaded (POST), kept under their digest
for the charts' URLs, and the page's download buttons post them again. Only analysts and
administrators of the whole province may open these pages.
"""
import functools
import io
from dataclasses import dataclass, replace
from typing import NotRequired, TypedDict

from flask import Blueprint, Response, abort, render_template, request, send_file, url_for
from werkzeug.utils import secure_filename

from analysis.recipes import fitting_recipe as first_fitting_recipe
from analysis.recipes import load_recipe, shipped_recipes
from survey import db
from survey.accounts.access import protect, signed_in, visible_unit_ids
from survey.analyst.messages import CATALOGUE, say
from survey.campaigns.models import Campaign
from survey.campaigns.queries import all_campaigns, campaign_or_404
from survey.errors import InvalidInput
from survey.questionnaires.queries import version_definition
from survey.results.cache import cached, digest, keep_text, kept_text, stamp
from survey.results.charts import heat_table, index_chart
from survey.results.report import BY, compute_results
from survey.results.summary import Summary, summarise
from survey.results.weighting import METHODS, read_margins
from survey.results.xlsx import write_xlsx
from survey.sampling import messages as sample_messages
from survey.sampling.achieved import achieved_sample
from survey.text import language, speaks

blueprint = Blueprint("analyst", __name__, url_prefix="/phan-tich", template_folder="templates")
protect(blueprint, "analyst", "admin")
speaks(blueprint, CATALOGUE)

MARGINS_LIMIT = 256 * 1024
"""Bytes of an uploaded margins file: a few hundred rows are plenty."""
# Matplotlib's SVG styles its shapes inline and has no script: its own policy, not the pages'.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ChoiceQuery(TypedDict):
    """The URL values of a Choice (typed, so url_for takes them as values); `margins` the key of
    the margins file kept for the chart pages."""

    recipe: str
    weighting: str
    by: str
    chart: NotRequired[str]
    margins: NotRequired[str]


@dataclass(frozen=True)
class Choice:
    recipe: str
    weighting: str
    by: str
    margins: str | None

    def query(self, chart: str | None = None) -> ChoiceQuery:
        """URL values of the choice (and of the chart's path, when given)."""
        values = ChoiceQuery(recipe=self.recipe, weighting=self.weighting, by=self.by)
        if chart:
            values["chart"] = chart
        return values

    def filename(self, slug: str, suffix: str) -> str:
        return secure_filename(f"{slug}-{self.recipe}-{self.weighting}-{self.by}{suffix}") or f"ket-qua{suffix}"


@blueprint.before_request
def whole_province_only():
    # Campaign-wide results pool every unit: an account limited to some units may not see them.
    if visible_unit_ids(signed_in()) is not None:
        abort(403)


@blueprint.context_processor
def figures() -> dict:
    return {"number": number}


def number(value, digits: int = 1) -> str:
    """A figure for the tables: '–' for a missing one."""
    return "–" if value is None or value != value else f"{value:.{digits}f}"


@blueprint.get("/")
def index():
    campaigns = all_campaigns(db.session())
    return render_template("analyst/index.html", campaigns=campaigns,
                           choices={c.id: Choice(fitting_recipe(c), "design", "unit", None) for c in campaigns})


@blueprint.route("/<slug>", methods=["GET", "POST"])
def results(slug: str):
    campaign = campaign_or_404(slug)
    choice = read_choice(fitting_recipe(campaign))
    summary = summary_of(campaign, choice)
    query = choice.query()
    if choice.margins:
        query["margins"] = keep_text(choice.margins)
    urls = {name: url_for("analyst.chart", slug=slug, chart=name, lang=language(), **query) for name in CHARTS}
    return render_template("analyst/results.html", results=summary, campaign=campaign, recipe=recipe(choice.recipe),
                           choice=choice, charts=urls, overall=summary.extra["overall"],
                           matrix=summary.extra["matrix"], recipes=shipped_recipes(), methods=METHODS,
                           breakdowns=BY, achieved=summary.extra["achieved"], sample_say=sample_messages.say,
                           sample_percent=sample_messages.percent, lang=language(),
                           statuses=", ".join(say(f"status_{status}") for status in summary.statuses))


@blueprint.route("/<slug>/ket-qua.xlsx", methods=["GET", "POST"])
def workbook(slug: str):
    campaign = campaign_or_404(slug)
    choice = read_choice(fitting_recipe(campaign))
    found, buffer = compute(campaign, choice), io.BytesIO()
    write_xlsx(found, buffer)
    buffer.seek(0)
    return send_file(buffer, mimetype=XLSX, as_attachment=True, download_name=choice.filename(slug, ".xlsx"))


@blueprint.route("/<slug>/bieu-do/<chart>.svg", methods=["GET", "POST"])
def chart(slug: str, chart: str):
    """A chart of the page (cached, shown inline), or downloaded with ?download=1 and by POST."""
    if chart not in CHARTS:
        abort(404)
    campaign = campaign_or_404(slug)
    choice = read_choice(fitting_recipe(campaign))
    summary = summary_of(campaign, choice)
    headers = {"Content-Security-Policy": SVG_POLICY}
    if request.method == "POST" or request.args.get("download"):
        headers["Content-Disposition"] = f'attachment; filename="{choice.filename(slug, f"-{chart}.svg")}"'
    return Response(summary.charts[chart], mimetype="image/svg+xml", headers=headers)


def domain_matrix(table, by: str) -> tuple[list[tuple[str, str]], list[tuple]]:
    """Columns (node id, label) of the overall index and the elements, and a row per domain:
    (domain, name, {node id: its row})."""
    rows = table[(table["by"] == by) & table["level"].isin(["overall", "element"])]
    nodes = list(dict.fromkeys(zip(rows["node"], rows["label"], strict=True)))
    cells = [(domain, group["domain_name"].iloc[0], {row["node"]: row for row in group.to_dict("records")})
             for domain, group in rows.groupby("domain", sort=False)]
    return nodes, cells


def read_choice(default_recipe: str) -> Choice:
    """The choices of the query string or form; InvalidInput (a 400 page) listing bad values."""
    values = request.values
    choice = Choice(values.get("recipe", default_recipe), values.get("weighting", "design"),
                    values.get("by", "unit"), uploaded_margins())
    checks = (("recipe", choice.recipe, shipped_recipes()), ("weighting", choice.weighting, METHODS),
              ("by", choice.by, BY))
    problems = [CATALOGUE.problem(f"{name}_refused", name, value=value, known=f" ({', '.join(allowed)})")
                for name, value, allowed in checks if value not in allowed]
    if problems:
        raise InvalidInput(problems)
    return choice


def uploaded_margins() -> str | None:
    """The margins CSV of a POST: an uploaded file, or the text the download buttons send back; of
    a GET (a chart), the margins kept under the digest it names (404 when unknown)."""
    if request.method != "POST":
        name = request.args.get("margins")
        return None if name is None else kept_text(name) or abort(404)
    upload = request.files.get("margins_file")
    data = upload.read(MARGINS_LIMIT + 1) if upload and upload.filename else request.form.get("margins", "").encode()
    if len(data) > MARGINS_LIMIT:
        raise InvalidInput(CATALOGUE.problem("margins_too_large", "margins_file", kib=MARGINS_LIMIT // 1024))
    try:
        return data.decode("utf-8") or None
    except UnicodeDecodeError:
        raise InvalidInput(CATALOGUE.problem("margins_not_utf8", "margins_file")) from None


def fitting_recipe(campaign: Campaign) -> str:
    """The first shipped recipe that fits the campaign's questionnaire, the one written for its form first."""
    version = campaign.questionnaire_version
    if version.content_hash not in FITTING:
        FITTING[version.content_hash] = first_fitting_recipe(version_definition(version))
    return FITTING[version.content_hash]


FITTING: dict[str, str] = {}
"""Questionnaire content hash -> its fitting recipe: found once per process and questionnaire."""


@functools.lru_cache(maxsize=16)
def recipe(name: str):
    """A shipped recipe, read once per process (they change only with a release)."""
    return load_recipe(name)


def compute(campaign: Campaign, choice: Choice):
    margins = read_margins(choice.margins, "margins.csv") if choice.margins else None
    return compute_results(db.session(), campaign, recipe(choice.recipe), choice.weighting, margins, (choice.by,),
                           language=language())


def summary_of(campaign: Campaign, choice: Choice) -> Summary:
    """The page's figures and charts, from the cache when the responses have not changed."""
    key = digest("results", campaign.id, recipe(choice.recipe).content_hash, choice.weighting, choice.margins,
                 choice.by, language())[:32]
    return cached(key, stamp(db.session(), campaign), lambda: summarise_page(campaign, choice))


def summarise_page(campaign: Campaign, choice: Choice) -> Summary:
    summary = summarise(compute(campaign, choice))
    charts = {name: draw(summary, name, choice) for name in CHARTS}
    alts = {name: chart_alt(summary, name, choice) for name in CHARTS}
    table = summary.table
    extra: dict[str, object] = {"achieved": achieved_sample(db.session(), campaign, None),
                                "matrix": domain_matrix(table, choice.by),
                                "overall": table[table["by"] == "all"].to_dict("records")}
    return replace(summary, charts=charts, alts=alts, extra=extra)


def draw(summary: Summary, name: str, choice: Choice) -> bytes:
    by = say(f"by_{choice.by}").lower()
    if name == "chi-so":
        title = say("chart_index", index=overall_label(summary), by=by)
        return index_chart(summary.level("overall", choice.by), title, say("chart_index_note"))
    return heat_table(summary.level("element", choice.by), say("chart_elements", by=by), say("chart_elements_note"))


def overall_label(summary: Summary) -> str:
    overall = summary.level("overall")
    return overall["label"].iloc[0] if len(overall) else ""


def chart_alt(summary: Summary, name: str, choice: Choice) -> str:
    """What the chart shows, in words: the highest and the lowest domain (or element cell)."""
    level = "overall" if name == "chi-so" else "element"
    rows = summary.level(level, choice.by).dropna(subset=["estimate"]).sort_values("estimate")
    by = say(f"by_{choice.by}").lower()
    if rows.empty:
        return say(f"alt_{level}_empty", by=by)
    low, high = rows.iloc[0], rows.iloc[-1]
    return say(f"alt_{level}", by=by, index=overall_label(summary), count=rows["domain"].nunique(),
               high=high.domain_name, high_value=number(high.estimate), high_label=high.label,
               low=low.domain_name, low_value=number(low.estimate), low_label=low.label)


CHARTS = ("chi-so", "yeu-to")
"""The index by domain with its intervals, and the elements x domains heat table."""
