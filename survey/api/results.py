"""Weighted index results of a campaign (scope results:read), as `flask analysis run` computes them.

Cells with fewer answers than the campaign's minimum cell size are marked `suppressed` and their
figures left out. A token limited to a unit gets the rows of its units only, so it must ask
`by=unit`.
"""
import math

from analysis.recipes import default_recipe, load_recipe
from survey import db
from survey.api import schemas
from survey.api.auth import visible_unit_ids
from survey.api.catalogue import visible_campaign
from survey.api.errors import ApiError
from survey.api.routing import endpoint
from survey.results.report import compute_results
from survey.units.queries import unit_codes

FIGURES = ("estimate", "se", "ci_low", "ci_high")


@endpoint("GET", "/campaigns/<slug>/results", summary="Index results of a campaign", tag="results",
          scope="results:read", ok=schemas.ResultsOut, query=schemas.ResultsQuery)
def results(slug: str, query: schemas.ResultsQuery):
    """Every node of the recipe (overall index, elements, criteria), campaign-wide and per domain:
    estimate (0-100), standard error, 95 % interval, respondents n, effective n."""
    campaign = visible_campaign(slug)
    codes = visible_codes()
    if codes is not None and query.by != "unit":
        raise ApiError(403, "forbidden", "a token limited to a unit may read results by=unit only", "by")
    by = (query.by,) if query.by else ()
    recipe = query.recipe or default_recipe(campaign.questionnaire_version.questionnaire.slug)
    computed = compute_results(db.session(), campaign, load_recipe(recipe), query.weighting, None, by)
    rows = [row(record) for record in computed.table.to_dict("records")]
    if codes is not None:
        rows = [r for r in rows if r.by == "unit" and r.domain in codes]
    return schemas.ResultsOut(campaign=campaign.slug, recipe=recipe, weighting=query.weighting,
                              min_cell_size=campaign.min_cell_size, rows=rows)


def visible_codes() -> set[str] | None:
    visible = visible_unit_ids()
    if visible is None:
        return None
    return unit_codes(db.session(), visible)


def row(record: dict) -> schemas.ResultRow:
    suppressed = bool(record["suppressed"])
    figures = {name: None if suppressed else number(record[name]) for name in FIGURES}
    return schemas.ResultRow(
        by=record["by"], domain=str(record["domain"]), domain_name=str(record["domain_name"]), node=record["node"],
        label=record["label"], level=record["level"], parent=text(record["parent"]), n=int(record["n"]),
        effective_n=number(record["effective_n"]), suppressed=suppressed, **figures)


def text(value) -> str | None:
    """The parent node's id; NaN or None for the top node."""
    return value if isinstance(value, str) and value else None


def number(value) -> float | None:
    """NaN (no answer in the cell) as null."""
    return None if value is None or math.isnan(float(value)) else float(value)
