"""A campaign's index results: every node of a recipe, campaign-wide and per domain, weighted and
unweighted side by side (computed on demand, nothing stored).

Responses in scope are those of `survey.results.scope` (a rating on the five-level scale,
whatever the recipe), the responses every export weighs. The weighted results use the chosen
weighting (see `weighting`); the unweighted ones equal weights. deff is R's design effect
(svymean(deff = TRUE)): the variance of the estimate under the design over that of a simple
random sample of the same size (see analysis._deff).
"""
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.orm import Session

from analysis.indices import estimate_indices
from analysis.recipes import Recipe, RecipeError, validate_recipe
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.results.expectations import expectation_table
from survey.results.loading import DEFAULT_STATUSES, META, CampaignData, load_campaign
from survey.results.messages import CATALOGUE
from survey.results.scope import in_scope
from survey.results.weighting import Margins, Weighting, margin_columns, weigh
from survey.text import unit_name

BY = ("unit", "district", "level")
UNWEIGHTED = ("estimate", "ci_low", "ci_high", "se")
COLUMNS = ("by", "domain", "domain_name", "node", "label", "level", "parent", "estimate", "ci_low", "ci_high", "se",
           "n", "effective_n", "suppressed", "dropped", *(f"{c}_unweighted" for c in UNWEIGHTED), "deff", "n_min",
           "points", "points_low", "points_high")
LEVEL_NAMES = {"vi": {"province": "Cấp tỉnh", "department": "Sở, ban, ngành", "district": "Cấp huyện",
                      "commune": "Cấp xã"},
               "en": {"province": "Province", "department": "Department", "district": "District",
                      "commune": "Commune"}}


@dataclass(frozen=True)
class Results:
    """The table of every node x domain, and what the methodology needs to explain it."""

    campaign: Campaign
    recipe: Recipe
    data: CampaignData
    scope: pd.DataFrame
    weighting: Weighting
    unweighted: Weighting | None
    by: tuple[str, ...]
    table: pd.DataFrame
    language: str
    expectations: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The recipe's expectations (`survey.results.expectations`), beside the index."""

    def level(self, level: str, by: str | None = None) -> pd.DataFrame:
        """The rows of one node level (overall, element, criterion), optionally of one `by` only."""
        rows = self.table[(self.table["level"] == level) & ((self.table["by"] == by) if by else True)]
        return rows.reset_index(drop=True)


def compute_results(session: Session, campaign: Campaign, recipe: Recipe, method: str = "design",
                    margins: Margins | None = None, by: Sequence[str] = (), statuses: Sequence[str] = DEFAULT_STATUSES,
                    language: str = "vi") -> Results:
    """Results of `recipe` on `campaign`; InvalidInput for anything that does not fit."""
    _check(recipe, campaign, by, language, session)
    questions = sorted({m.question for m in recipe.measures()} | {e.question for e in recipe.expectations})
    data = load_campaign(session, campaign, keys=questions + margin_columns(margins), statuses=statuses)
    scope = in_scope(session, data)
    transactions = {target.unit.code: target.transactions for target in campaign.units}
    weighted = weigh(scope.copy(), method, transactions, margins)
    unweighted = weigh(scope.copy(), "none", transactions) if method != "none" else None
    names = _domain_names(campaign, language)
    parts = [_domain_table(recipe, weighted, unweighted, name, campaign.min_cell_size, names, language)
             for name in ("all", *by)]
    wanted = expectation_table(weighted.design, recipe, data.definition, {"all": None} | {b: META[b] for b in by},
                               campaign.min_cell_size, names, language)
    return Results(campaign, recipe, data, scope, weighted, unweighted, tuple(by), pd.concat(parts, ignore_index=True),
                   language, wanted)


def _check(recipe: Recipe, campaign: Campaign, by: Sequence[str], language: str, session: Session) -> None:
    from survey.questionnaires.queries import version_definition

    problems = [CATALOGUE.problem("by_unknown", "by", by=b, known=", ".join(BY)) for b in by if b not in BY]
    problems += [CATALOGUE.problem("language_unknown", "language", language=language)] \
        if language not in LEVEL_NAMES else []
    try:
        validate_recipe(recipe, version_definition(campaign.questionnaire_version))
    except RecipeError as error:
        problems += [CATALOGUE.problem("recipe_unfit", "recipe", recipe=recipe.id, problem=str(problem))
                     for problem in error.problems]
    if problems:
        raise InvalidInput(problems)


def _domain_table(recipe: Recipe, weighted: Weighting, unweighted: Weighting | None, by: str, min_cell: int,
                  names: dict[str, str], language: str) -> pd.DataFrame:
    column = None if by == "all" else META[by]
    table = _estimates(weighted, recipe, column, min_cell)
    if unweighted is not None:
        plain = _estimates(unweighted, recipe, column, min_cell)[["node", "domain", *UNWEIGHTED]]
        table = table.merge(plain, on=["node", "domain"], suffixes=("", "_unweighted"), validate="one_to_one")
    labels = {node.id: node.text(language) for node in recipe.nodes()}
    table["by"], table["label"] = by, table["node"].map(labels)
    table["domain_name"] = table["domain"].map(names).fillna(table["domain"])
    return table[[c for c in COLUMNS if c in table.columns]]


def _estimates(weighting: Weighting, recipe: Recipe, column: str | None, min_cell: int) -> pd.DataFrame:
    table = estimate_indices(weighting.design, recipe, by=column, min_cell_size=min_cell, deff=True).reset_index()
    if column is None:
        table.insert(1, "domain", "")
    return table.rename(columns={column: "domain"}) if column else table


def _domain_names(campaign: Campaign, language: str) -> dict[str, str]:
    """Domain value -> name: unit codes (targets and their districts) and level names."""
    names = dict(LEVEL_NAMES[language])
    for target in campaign.units:
        for unit in (target.unit, target.unit.district):
            if unit is not None:
                names[unit.code] = unit_name(unit, language)
    return names
