"""A sub-criterion's source read from its cells, and the points a rule gives.

Cells: `source` self | survey | formula; `rule` (self: yes_no, levels, percent; survey: share,
mean_rescale); `table` pairs `key=value` separated by `;`: for `levels` a level and its points
(`tot=2; kha=1; kem=0`, each at most the maximum), for `percent` a minimum percentage and the
share of the maximum it earns (`95=1; 80=0.5`: ≥ 95 % full points, ≥ 80 % half, else 0), highest
first, both strictly decreasing; `recipe`, `node` and (mean_rescale) `scale_max` > 1 for a survey;
`formula` the expression of a formula; `levels::vi` and `levels::en` (levels only, optional so that
older documents still load: without them a level is shown by its key) name each level of the table,
`tot=Tốt; dat=Đạt`, every level in both languages once given.
"""
import itertools
from collections.abc import Callable, Mapping
from typing import Any

from analysis.par_index_formula import FormulaSyntaxError, parse_formula
from analysis.par_index_model import LEVEL_LABELS, SOURCES, FormulaRule, Problem, SelfRule, Source, SurveyRule


def text(cell: Any) -> str:
    """A cell as stripped text (numbers as written, 2.0 as "2")."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return "" if cell is None else str(cell).strip()


def number(cell: Any) -> float | None:
    """A cell as a number, None when it is not one (booleans are not numbers)."""
    if isinstance(cell, bool):
        return None
    try:
        return float(text(cell).replace(",", "."))
    except ValueError:
        return None


def read_source(cells: Mapping[str, Any], row: int, max_points: float) -> tuple[Source | None, list[Problem]]:
    """The source in a sub-criterion's cells, or None with the problems found."""
    source, rule = text(cells.get("source")), text(cells.get("rule"))
    if source not in SOURCES:
        return None, [Problem("unknown_source", row, "source", {"value": source, "known": ", ".join(SOURCES)})]
    if rule not in SOURCES[source]:
        return None, [Problem("unknown_rule", row, "rule", {"value": rule, "known": ", ".join(SOURCES[source])})]
    if rule != "levels" and any(text(cells.get(column)) for column in LEVEL_LABELS):
        column = next(column for column in LEVEL_LABELS if text(cells.get(column)))
        return None, [Problem("level_labels_not_allowed", row, column, {"rule": rule})]
    return READERS[source](cells, row, max_points)


def _self_source(cells: Mapping[str, Any], row: int, max_points: float) -> tuple[Source | None, list[Problem]]:
    rule = text(cells.get("rule"))
    if rule == "yes_no":
        return SelfRule(rule), []
    pairs, problems = _table(cells.get("table"), row)
    if problems:
        return None, problems
    if rule == "levels":
        over = [Problem("level_over_max", row, "table",
                        {"level": key, "points": f"{value:g}", "max": f"{max_points:g}"})
                for key, value in pairs if value > max_points or value < 0]
        labels, wrong = level_labels(cells, row, [key for key, _ in pairs])
        return (None, over + wrong) if over or wrong else (SelfRule(rule, levels=dict(pairs), labels=labels), [])
    thresholds = tuple((float(key), value) for key, value in pairs)
    problems = _threshold_problems(thresholds, row)
    return (None, problems) if problems else (SelfRule(rule, thresholds=thresholds), [])


def _table(cell: Any, row: int) -> tuple[list[tuple[str, float]], list[Problem]]:
    """The `key=value` pairs of a table cell; each value a number, keys unique, at least one pair."""
    parts = [part.strip() for part in text(cell).split(";") if part.strip()]
    pairs = [(key.strip(), number(value)) for key, _, value in (part.partition("=") for part in parts)]
    keys = [key for key, _ in pairs]
    if not pairs or any(value is None or not key for key, value in pairs) or len(set(keys)) < len(keys):
        return [], [Problem("bad_table", row, "table", {"value": text(cell)})]
    return [(key, float(value)) for key, value in pairs if value is not None], []


Labels = dict[str, dict[str, str]]


def level_labels(cells: Mapping[str, Any], row: int, levels: list[str]) -> tuple[Labels, list[Problem]]:
    """Each level's label by language from the `levels::vi` and `levels::en` cells; none when both
    are empty, else every level named once in each, and only the levels of the table."""
    if not any(text(cells.get(column)) for column in LEVEL_LABELS):
        return {}, []
    labels: Labels = {level: {} for level in levels}
    problems = [problem for column in LEVEL_LABELS for problem in _read_labels(cells, row, column, labels)]
    problems += [Problem("level_label_missing", row, column, {"level": level}) for column in LEVEL_LABELS
                 for level in levels if not problems and column.partition("::")[2] not in labels[level]]
    return ({}, problems) if problems else (labels, [])


def _read_labels(cells: Mapping[str, Any], row: int, column: str, labels: Labels) -> list[Problem]:
    """Fill `labels` from one column's `key=label` pairs; a problem when a pair is not one of a known level."""
    language, cell = column.partition("::")[2], text(cells.get(column))
    pairs = [(key.strip(), label.strip()) for key, _, label in
             (part.partition("=") for part in cell.split(";") if part.strip())]
    keys = [key for key, _ in pairs]
    if any(key not in labels or not label for key, label in pairs) or len(set(keys)) < len(keys):
        return [Problem("bad_level_labels", row, column, {"value": cell, "known": ", ".join(labels)})]
    for key, label in pairs:
        labels[key][language] = label
    return []


def _threshold_problems(thresholds: tuple[tuple[float, float], ...], row: int) -> list[Problem]:
    """Percentages within 0-100 and shares within 0-1, both strictly decreasing."""
    if any(not (0 <= low <= 100 and 0 <= share <= 1) for low, share in thresholds):
        return [Problem("threshold_out_of_range", row, "table", {})]
    ordered = all(a[0] > b[0] and a[1] > b[1] for a, b in itertools.pairwise(thresholds))
    return [] if ordered else [Problem("thresholds_unordered", row, "table", {})]


def _survey_source(cells: Mapping[str, Any], row: int, _max: float) -> tuple[Source | None, list[Problem]]:
    recipe, node, rule = text(cells.get("recipe")), text(cells.get("node")), text(cells.get("rule"))
    problems = [Problem("value_required", row, column, {}) for column, value in (("recipe", recipe), ("node", node))
                if not value]
    scale = number(cells.get("scale_max")) if rule == "mean_rescale" else None
    if rule == "mean_rescale" and (scale is None or scale <= 1):
        problems.append(Problem("bad_scale", row, "scale_max", {"value": text(cells.get("scale_max"))}))
    return (None, problems) if problems else (SurveyRule(recipe, node, rule, scale), [])


def _formula_source(cells: Mapping[str, Any], row: int, _max: float) -> tuple[Source | None, list[Problem]]:
    expression = text(cells.get("formula"))
    try:
        return FormulaRule(expression, parse_formula(expression)), []
    except FormulaSyntaxError as error:
        return None, [Problem("bad_formula", row, "formula", {"value": expression, "detail": str(error)})]


READERS: dict[str, Callable[[Mapping[str, Any], int, float], tuple[Source | None, list[Problem]]]] = {
    "self": _self_source, "survey": _survey_source, "formula": _formula_source}


def self_points(rule: SelfRule, value: Any, max_points: float) -> float:
    """Points for a self-assessed or appraised `value`: True/False for yes_no, a level's key for
    levels, a percentage for percent. ValueError when the value does not fit the rule."""
    if rule.rule == "yes_no":
        if not isinstance(value, bool):
            raise ValueError("yes_no takes true or false")
        return max_points if value else 0.0
    if rule.rule == "levels":
        if text(value) not in rule.levels:
            raise ValueError(f"levels are {', '.join(rule.levels)}")
        return rule.levels[text(value)]
    percent = number(value)
    if percent is None or not 0 <= percent <= 100:
        raise ValueError("percent takes a number from 0 to 100")
    return max_points * next((share for low, share in rule.thresholds if percent >= low), 0.0)


def survey_points(rule: SurveyRule, result: float, max_points: float) -> float:
    """Points for the unit's survey result at the rule's node (see SurveyRule), within [0, max]."""
    fraction = result / 100 if rule.rule == "share" else (result - 1) / ((rule.scale_max or 0) - 1)
    return min(max(max_points * fraction, 0.0), max_points)
