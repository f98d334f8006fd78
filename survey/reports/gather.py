"""A period's results, read from the database: the index nodes of a recipe for the province and
for every unit, response counts by channel, flags raised at collection.

The responses of every campaign of the period that fits the recipe are pooled into one stratified
design: each (campaign, unit) is a stratum with w = N_h / n_h (N_h the unit's transactions in that
campaign), so a yearly report over four quarterly campaigns weighs each quarter by its own
transactions, and a unit's yearly result pools its four quarters. With weighting "none" every
response counts once. Campaigns whose questionnaire does not fit the recipe are left out and
named (a quick-rating campaign has no SIPAS elements).
"""
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from analysis.indices import estimate_indices
from analysis.recipes import Recipe, RecipeError, validate_recipe
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.quality.queries import flagged_responses
from survey.questionnaires.queries import version_definition
from survey.reports.lineage import domain_passes, successor_rows
from survey.reports.messages import CATALOGUE
from survey.reports.periods import Period, campaigns_of
from survey.results.loading import DEFAULT_STATUSES, load_campaign
from survey.results.scope import in_scope
from survey.results.weighting import weigh
from survey.text import unit_name
from survey.units.successions import Lineage

WEIGHTINGS = ("design", "none")
ESTIMATES = ("level", "parent", "estimate", "se", "ci_low", "ci_high", "n", "n_min", "effective_n", "suppressed",
             "deff", "points")


@dataclass(frozen=True)
class PeriodResults:
    """What a report needs of one period; `table` has a row per (domain, node): domain "" is the
    province, else a unit code; columns node, label and ESTIMATES."""

    period: Period
    campaigns: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    """(campaign slug, why it is left out)."""
    table: pd.DataFrame
    df: float
    """Degrees of freedom of the pooled design."""
    counts: pd.DataFrame
    """Responses in scope: a row per unit code, a column per channel."""
    flagged: dict[str, dict[str, int]]
    """Unit code -> data-quality rule -> how many responses it flags."""
    units: dict[str, str]
    """Unit code -> name (Vietnamese and English as asked), for every unit surveyed."""
    min_cell_size: int


def gather(session: Session, period: Period, recipe: Recipe, weighting: str = "design",
           statuses: Sequence[str] = DEFAULT_STATUSES, language: str = "vi",
           lineage: Lineage | None = None) -> PeriodResults | None:
    """The period's results, or None when no campaign of the period fits the recipe; with `lineage`
    the units' rows are those of the units they became (`survey.reports.lineage`)."""
    if weighting not in WEIGHTINGS:
        raise InvalidInput(CATALOGUE.problem("report_weighting_unknown", "weighting", weighting=weighting,
                                             known=", ".join(WEIGHTINGS)))
    fitting, skipped = _fitting(session, period, recipe)
    if not fitting:
        return None
    frame, transactions = _pooled(session, fitting, recipe, statuses)
    passes = domain_passes(frame, lineage)
    design = weigh(frame, weighting, transactions).design
    size = max(c.min_cell_size for c in fitting)
    table = _table(design, recipe, size, language)
    if passes:
        table = successor_rows(table, design, recipe, size, passes)
    counts = frame.groupby(["_code", "_channel"]).size().unstack(fill_value=0)
    return PeriodResults(period, tuple(c.slug for c in fitting), tuple(skipped), table, float(design.df), counts,
                         _flagged(session, fitting, statuses), _names(fitting, language), size)


def _fitting(session: Session, period: Period, recipe: Recipe) -> tuple[list[Campaign], list[tuple[str, str]]]:
    fitting, skipped = [], []
    for campaign in campaigns_of(session, period):
        try:
            validate_recipe(recipe, version_definition(campaign.questionnaire_version))
            fitting.append(campaign)
        except RecipeError as error:
            skipped.append((campaign.slug, f"recipe {recipe.id}: {error.problems[0]}"))
    return fitting, skipped


def _pooled(session: Session, campaigns: list[Campaign], recipe: Recipe,
            statuses: Sequence[str]) -> tuple[pd.DataFrame, dict[str, int | None]]:
    """The responses in scope of every campaign, one frame; `_unit` is "slug/code" (the strata of
    the design weights), `_code` the unit code (the report's domains)."""
    questions = sorted({m.question for m in recipe.measures()})
    parts: list[pd.DataFrame] = []
    transactions: dict[str, int | None] = {}
    for campaign in campaigns:
        scope = in_scope(session, load_campaign(session, campaign, keys=questions, statuses=statuses))
        parts.append(scope.assign(_code=scope["_unit"], _unit=campaign.slug + "/" + scope["_unit"]))
        transactions |= {f"{campaign.slug}/{t.unit.code}": t.transactions for t in campaign.units}
    return pd.concat(parts), transactions


def _table(design, recipe: Recipe, min_cell: int, language: str) -> pd.DataFrame:
    province = estimate_indices(design, recipe, min_cell_size=min_cell, deff=True).reset_index().assign(domain="")
    units = estimate_indices(design, recipe, by="_code", min_cell_size=min_cell, deff=True).reset_index()
    table = pd.concat([province, units.rename(columns={"_code": "domain"})], ignore_index=True)
    table["label"] = table["node"].map({node.id: node.text(language) for node in recipe.nodes()})
    return table[["domain", "node", "label", *ESTIMATES]]


def _flagged(session: Session, campaigns: list[Campaign], statuses: Sequence[str]) -> dict[str, dict[str, int]]:
    """Unit code -> data-quality rule -> responses it flags (survey.quality: too short, straight-lining,
    many don't-know, duplicate serials, bursts at collection), over the responses reported."""
    counts: dict[str, Counter] = {}
    for campaign in campaigns:
        codes = {target.unit_id: target.unit.code for target in campaign.units}
        for flagged in flagged_responses(session, campaign, None):
            if flagged.status in statuses:
                counts.setdefault(codes[flagged.unit_id], Counter()).update(f.rule for f in flagged.findings)
    return {code: dict(rules) for code, rules in counts.items()}


def _names(campaigns: list[Campaign], language: str) -> dict[str, str]:
    return {t.unit.code: unit_name(t.unit, language)
            for campaign in campaigns for t in campaign.units}
