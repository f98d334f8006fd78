"""What a reader of the PAR index results is told besides the points: the definition, the year
compared with, the campaigns the survey points come from (and their weighting), campaigns left
out and why, survey points withheld for anonymity; and every sub-criterion's score of every unit
with the evidence behind it. Shared by the pages, the files and the scorecards."""
from collections.abc import Callable, Sequence
from statistics import mean
from typing import Any

from analysis.par_index import Definition, UnitScore
from analysis.par_index_model import FormulaRule, Item, SelfRule, SurveyRule
from survey.par_index.results import YearResults, shown_scores
from survey.par_index.results_messages import say
from survey.text import unit_name

SCORE_HEADINGS = ("col_unit", "col_name", "col_item", "col_source", "col_claimed_value", "col_self_assessed",
                  "col_appraised_value", "col_appraised", "col_survey_result", "col_points", "col_max", "col_evidence")
Evidence = Callable[[str, str], Sequence[str]]
"""The evidence files' names of a unit's sub-criterion (unit code, sub-criterion id)."""


def notes(results: YearResults, language: str) -> list[str]:
    """Lines about the whole year's results, in `language`."""
    lines = [say("pr_definition", language, name=results.stored.name), summary(results, language)]
    year = results.compared_with
    lines.append(say("pr_compared", language, year=year) if year else say("pr_not_compared", language))
    return lines + survey_notes(results, language)


def summary(results: YearResults, language: str) -> str:
    """The province-wide summary: units scored, mean, highest and lowest percentage."""
    shares = [unit.percent for unit in results.scores]
    if not shares:
        return say("pr_no_units", language, year=results.year)
    return say("pr_summary", language, units=len(shares), mean=decimal(mean(shares), language),
               best=decimal(max(shares), language), worst=decimal(min(shares), language))


def decimal(value: float, language: str, digits: int | None = 1) -> str:
    """A number written the reader's way (67,9 in Vietnamese), with `digits` decimals, or with as
    few as it needs when None (87,5 and 10)."""
    text = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "vi" else text


def survey_notes(results: YearResults, language: str) -> list[str]:
    """The campaigns used with their weighting, those that could not be, or that there were none."""
    survey = results.survey
    lines = [say("pr_campaign_used", language, campaign=survey.names[slug],
                 weighting=say(f"pr_weighting_{method}", language)) for slug, method in survey.used.items()]
    lines += [say("pr_campaign_skipped", language, campaign=survey.names[slug],
                  problems="; ".join(problem.text(language) for problem in problems))
              for slug, problems in survey.skipped.items()]
    has_survey = any(isinstance(item.source, SurveyRule) for item in results.definition.sub_criteria)
    if has_survey and not survey.used:
        lines.append(say("pr_no_campaign", language, year=results.year))
    return lines


def withheld(results: YearResults, unit: str, language: str) -> str | None:
    """Which survey sub-criteria got no points for the unit (below the minimum cell, or unanswered)."""
    hidden = results.survey.withheld.get(unit, set())
    got = results.survey.values.get(unit, {})
    items = [item_name(results.definition, item, language) for item in results.definition.sub_criteria
             if isinstance(item.source, SurveyRule) and ((item.source.recipe, item.source.node) in hidden
                                                          or (item.source.recipe, item.source.node) not in got)]
    return say("pr_withheld", language, items="; ".join(items)) if items else None


def item_name(definition: Definition, item: Item, language: str) -> str:
    """A sub-criterion's label, or its criterion's where another sub-criterion has the same label
    (the sample's officials' sub-criteria are each alone in a criterion naming its field)."""
    label = item.label[language]
    twins = sum(1 for other in definition.sub_criteria if other.label[language] == label)
    return definition.items[item.parent].label[language] if twins > 1 and item.parent else label


def source_name(item: Item, language: str) -> str:
    kind = {SelfRule: "self", SurveyRule: "survey", FormulaRule: "formula"}[type(item.source)]
    return say(f"src_{kind}", language)


def score_rows(results: YearResults, language: str, evidence: Evidence) -> tuple[list[str], list[list[Any]]]:
    """Headings and a row per unit shown and sub-criterion: values, points, survey result, evidence."""
    rows = [_score_row(results, unit, item, language, evidence)
            for unit in sorted(shown_scores(results), key=lambda s: s.unit) for item in results.definition.sub_criteria]
    return [say(key, language) for key in SCORE_HEADINGS], rows


def _score_row(results: YearResults, unit: UnitScore, item: Item, language: str, evidence: Evidence) -> list[Any]:
    sub, given = unit.sub[item.id], results.inputs.get(unit.unit)
    claimed = given.claimed.get(item.id) if given else None
    appraised = given.appraised.get(item.id) if given else None
    result = None
    if isinstance(item.source, SurveyRule):
        result = results.survey.values.get(unit.unit, {}).get((item.source.recipe, item.source.node))
    named = results.units.get(unit.unit)
    name = item_name(results.definition, item, language)
    return [unit.unit, unit_name(named, language) if named else unit.unit, name,
            source_name(item, language), value_text(item, claimed, language), sub.claimed,
            value_text(item, appraised, language), sub.appraised, result, sub.points, item.max_points,
            ", ".join(evidence(unit.unit, item.id))]


def value_text(item: Item, value: Any, language: str) -> str | None:
    """A self-assessed or appraised value as written: yes/no in words, a level by its label, a percentage."""
    if value is None:
        return None
    if isinstance(value, bool):
        return say("yes" if value else "no", language)
    if isinstance(value, float):
        return decimal(value, language, 2)
    return level_label(item, str(value), language)


def level_label(item: Item, key: str, language: str) -> str:
    """A level of a levels rule by its label in `language`; its key where the definition (an older
    one) names none."""
    named = item.source.labels.get(key, {}) if isinstance(item.source, SelfRule) else {}
    return named.get(language) or named.get("vi") or key
