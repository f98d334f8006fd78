"""Weighted frequencies of one question, campaign-wide or crossed with a breakdown (unit,
district, level, channel, or a respondent-profile question), with 95 % intervals.

The responses and weights are those of the index results (`survey.results.scope`, `weigh`): the
share of each option among the valid answers in each group is `Design.proportion` (R's
svyciprop, logit interval, so it stays within 0-100); a number question gets its weighted mean
(`Design.mean`). "Don't know" (9) and blanks are not valid answers. Shares are in percent.
"""
from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd
from sqlalchemy.orm import Session

import forms
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.questionnaires.queries import version_definition
from survey.results.loading import META, load_campaign
from survey.results.messages import CATALOGUE
from survey.results.report import LEVEL_NAMES
from survey.results.scope import in_scope, transactions_of
from survey.results.weighting import weigh
from survey.text import unit_name

SHARED = ("select_one", "yes_no", "satisfaction")
"""Question types whose options are counted."""
MEANS = ("integer", "decimal")
BREAKDOWNS = ("unit", "district", "level", "channel")
COLUMNS = ("group", "group_name", "value", "option", "estimate", "ci_low", "ci_high", "n")


def askable(definition: forms.Definition) -> list[forms.Question]:
    """The questions the page can tabulate, in form order."""
    return [q for q in definition.questions if q.type in SHARED + MEANS]


def profiles(definition: forms.Definition) -> list[forms.Question]:
    """The questions a table can be crossed with: those with options."""
    return [q for q in definition.questions if q.type in ("select_one", "yes_no")]


def frequencies(session: Session, campaign: Campaign, key: str, by: str, method: str, language: str,
                names: Mapping[str, str] = MappingProxyType({})) -> pd.DataFrame:
    """A row per group and option (or per group for a number): estimate and interval, valid n;
    groups named by `names` (e.g. channels), units, levels or the profile question's options."""
    definition = version_definition(campaign.questionnaire_version)
    question = _checked(definition, key, by)
    keys = [key] + ([by] if by not in ("", *BREAKDOWNS) else [])
    scope = in_scope(session, load_campaign(session, campaign, keys=keys))
    design = weigh(scope.copy(), method, transactions_of(campaign)).design
    column = META.get(by, by) or None
    parts = _means(design, question, column) if question.type in MEANS else _shares(design, question, column, language)
    table = pd.concat(parts, ignore_index=True)
    known = _group_names(campaign, definition, by, language) | dict(names)
    table["group_name"] = table["group"].map(known).fillna(table["group"])
    return table[list(COLUMNS)]


def _checked(definition: forms.Definition, key: str, by: str) -> forms.Question:
    questions = {q.name: q for q in askable(definition)}
    problems = [] if key in questions else [CATALOGUE.problem("question_not_tabulated", "question", key=key)]
    if (by not in ("", *BREAKDOWNS) and by not in {q.name for q in profiles(definition)}) or by == key:
        problems.append(CATALOGUE.problem("breakdown_unknown", "by", by=by))
    if problems:
        raise InvalidInput(problems)
    return questions[key]


def _shares(design, question: forms.Question, column: str | None, language: str) -> list[pd.DataFrame]:
    parts = []
    for choice in question.choices:
        if question.type == "satisfaction" and choice.value == "9":
            continue  # "don't know" is not a valid answer: loaded as a blank
        level = float(choice.value) if question.type == "satisfaction" else choice.value
        shares = design.proportion(question.name, level, by=column)
        parts.append(_framed(shares, column, choice.value, choice.label.text(language), 100))
    return parts


def _means(design, question: forms.Question, column: str | None) -> list[pd.DataFrame]:
    return [_framed(design.mean(question.name, by=column), column, "", "", 1)]


def _framed(table: pd.DataFrame, column: str | None, value: str, option: str, scale: float) -> pd.DataFrame:
    table = table.reset_index() if column else table.assign(**{"index": ""}).reset_index(drop=True)
    table = table.rename(columns={column or "index": "group"})
    table[["estimate", "ci_low", "ci_high"]] = table[["estimate", "ci_low", "ci_high"]] * scale
    return table.assign(group=table["group"].astype(str), value=value, option=option, n=table["n"].astype(int))


def _group_names(campaign: Campaign, definition: forms.Definition, by: str, language: str) -> dict[str, str]:
    names = dict(LEVEL_NAMES[language])
    for target in campaign.units:
        for unit in (target.unit, target.unit.district):
            if unit is not None:
                names[unit.code] = unit_name(unit, language)
    if by and by not in BREAKDOWNS:
        names |= {c.value: c.label.text(language) for c in definition.question(by).choices}
    return names
