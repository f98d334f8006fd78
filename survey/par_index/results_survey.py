"""The survey results a year's PAR index scores: for each unit and each recipe node a survey
sub-criterion names, the node's value computed as the analysis pages compute it.

Computed results are kept between requests (survey.results.cache) under the year and the nodes
asked for, until a campaign of the year gets a response or a correction. A campaign belongs to the
year its closing day falls in (as the yearly reports count it,
survey.reports.periods). For each recipe the definition names, every campaign of the year whose
questionnaire fits it is computed by survey.results.report.compute_results per unit, with design
weights N_h / n_h when every unit of the campaign has its N_h, else unweighted (the weighting used
is kept, for the results to say). A unit in two campaigns of the year takes the later one's value.

Anonymity: a node with fewer valid answers than the campaign's minimum cell size in a unit is
suppressed there (analysis.indices); the unit then gets no value for it, and `withheld` records it
so that the results can say why the survey gave no points. A campaign whose results cannot be
computed (fewer than two responses, say) is listed in `skipped` with the problem, never guessed.
"""
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pandas as pd
from sqlalchemy.orm import Session

from analysis.par_index import Definition
from analysis.par_index_model import SurveyRule
from analysis.recipes import Recipe, RecipeError, load_recipe, validate_recipe
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.questionnaires.queries import version_definition
from survey.reports.periods import Period, campaigns_of
from survey.results.cache import cached, digest, stamp
from survey.results.records import records
from survey.results.report import compute_results
from survey.text import Problem

Node = tuple[str, str]
"""(recipe id, node id), as analysis.par_index.UnitInput.survey keys a result."""


@dataclass
class SurveyResults:
    """What the year's campaigns say of each unit: `values` unit code → node → 0-100 result;
    `withheld` unit code → nodes below the minimum cell size; `used` campaign slug → weighting;
    `skipped` campaign slug → the problems that kept its results from being computed; `names`
    campaign slug → name, what the results call a campaign (read at each request, never kept, as a
    campaign may be renamed)."""

    values: dict[str, dict[Node, float]] = field(default_factory=dict)
    withheld: dict[str, set[Node]] = field(default_factory=dict)
    used: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, list[Problem]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def survey_nodes(definition: Definition) -> dict[str, set[str]]:
    """Recipe id → the node ids the definition's survey sub-criteria name."""
    wanted: dict[str, set[str]] = {}
    for item in definition.sub_criteria:
        if isinstance(item.source, SurveyRule):
            wanted.setdefault(item.source.recipe, set()).add(item.source.node)
    return wanted


def survey_results(session: Session, definition: Definition, year: int) -> SurveyResults:
    """Every survey node of `definition` per unit over the campaigns closing in `year`, computed once
    and kept (survey.results.cache) until a campaign's results may have changed."""
    campaigns = campaigns_of(session, Period("yearly", year))
    wanted = sorted((recipe, sorted(nodes)) for recipe, nodes in survey_nodes(definition).items())
    key = "par-survey-" + digest(year, wanted)[:24]
    version = digest(*(stamp(session, campaign) for campaign in campaigns))[:16]
    found = cached(key, version, lambda: _computed(session, campaigns, definition))
    return replace(found, names={campaign.slug: campaign.name for campaign in campaigns})


def _computed(session: Session, campaigns: list[Campaign], definition: Definition) -> SurveyResults:
    found = SurveyResults()
    for recipe_id, nodes in sorted(survey_nodes(definition).items()):
        recipe = load_recipe(recipe_id)
        for campaign in fitting(campaigns, recipe):
            _read_campaign(session, campaign, recipe, nodes, found)
    return found


def fitting(campaigns: list[Campaign], recipe: Recipe) -> Iterator[Campaign]:
    """The campaigns (closing day first to last) whose questionnaire the recipe fits."""
    for campaign in campaigns:
        try:
            validate_recipe(recipe, version_definition(campaign.questionnaire_version))
        except RecipeError:
            continue
        yield campaign


def weighting_of(campaign: Campaign) -> str:
    """Design weights when every unit of the campaign has its transactions N_h, else none."""
    known = all(target.transactions for target in campaign.units)
    return "design" if known and campaign.units else "none"


def _read_campaign(session: Session, campaign: Campaign, recipe: Recipe, nodes: set[str],
                   found: SurveyResults) -> None:
    method = weighting_of(campaign)
    try:
        table = compute_results(session, campaign, recipe, method, by=("unit",)).table
    except InvalidInput as refused:
        found.skipped[campaign.slug] = list(refused.problems)
        return
    found.used[campaign.slug] = method
    _keep(table[(table["by"] == "unit") & table["node"].isin(nodes)], recipe.id, found)


def _keep(rows: pd.DataFrame, recipe_id: str, found: SurveyResults) -> None:
    """Each unit's value of each node, or the node withheld when suppressed or unanswered."""
    for row in records(rows):
        code, node = str(row.domain), (recipe_id, row.node)
        found.values.setdefault(code, {}).pop(node, None)
        found.withheld.setdefault(code, set()).discard(node)
        if row.suppressed or pd.isna(row.estimate):
            found.withheld[code].add(node)
        else:
            found.values[code][node] = float(row.estimate)
