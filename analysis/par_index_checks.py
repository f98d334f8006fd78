"""Reading a definition's rows as a pipeline of small named checks, each listing coded problems
with their sheet row and column.

First the rows one by one (`row_problems`: ids, levels, labels, points, sources); if they read,
the tree as a whole (`TREE_CHECKS`: parents, children, points adding up, survey nodes, formula
references and cycles). Every problem of a stage is listed at once.
"""
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from analysis.par_index_model import FIRST_ROW, LEVELS, FormulaRule, Item, Problem, Source, SurveyRule
from analysis.par_index_rules import number, read_source, text

ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
TOLERANCE = 1e-9
Recipes = Mapping[str, Collection[str]]
"""The recipes a survey source may name: recipe id → the ids of its nodes."""


def numbered(rows: Sequence[Mapping[str, Any]]) -> list[tuple[int, Mapping[str, Any]]]:
    """The rows with their sheet row numbers, blank rows left out (their numbers kept)."""
    return [(FIRST_ROW + index, row) for index, row in enumerate(rows) if any(text(cell) for cell in row.values())]


def read_items(rows: list[tuple[int, Mapping[str, Any]]]) -> tuple[dict[str, Item], list[Problem]]:
    """The items of the rows, by id in order, and the problems of each row and of the ids."""
    items, problems = {}, id_problems(rows)
    for row, cells in rows:
        item, found = read_item(row, cells)
        problems += found
        if item is not None and item.id not in items:
            items[item.id] = item
    return items, problems


def id_problems(rows: list[tuple[int, Mapping[str, Any]]]) -> list[Problem]:
    """Each id well formed and used once."""
    problems, seen = [], set()
    for row, cells in rows:
        name = text(cells.get("id"))
        if not ID.fullmatch(name):
            problems.append(Problem("invalid_id", row, "id", {"value": name}))
        elif name in seen:
            problems.append(Problem("duplicate_id", row, "id", {"value": name}))
        seen.add(name)
    return problems


def read_item(row: int, cells: Mapping[str, Any]) -> tuple[Item | None, list[Problem]]:
    """One row as an item, or None with its problems (the id's own are id_problems')."""
    level, points = text(cells.get("level")), number(cells.get("max_points"))
    problems = [Problem("label_missing", row, column, {}) for column in ("label::vi", "label::en")
                if not text(cells.get(column))]
    if level not in LEVELS:
        problems.append(Problem("unknown_level", row, "level", {"value": level, "known": ", ".join(LEVELS)}))
    if points is None or points <= 0:
        problems.append(Problem("bad_points", row, "max_points", {"value": text(cells.get("max_points"))}))
    # A source's tables are checked against the maximum, so only once the maximum reads.
    source, found = _source(row, cells, level, points) if points and points > 0 else (None, [])
    if problems or found or not ID.fullmatch(text(cells.get("id"))):
        return None, problems + found
    label = {"vi": text(cells["label::vi"]), "en": text(cells["label::en"])}
    return Item(text(cells["id"]), level, text(cells.get("parent")) or None, label, points or 0.0, row, source), []


def _source(row: int, cells: Mapping[str, Any], level: str, points: float) -> tuple[Source | None, list[Problem]]:
    """A sub-criterion's source; any other level must leave `source` empty."""
    if level == "sub_criterion":
        return read_source(cells, row, points)
    if level in LEVELS and text(cells.get("source")):
        return None, [Problem("source_not_allowed", row, "source", {"level": level})]
    return None, []


def with_children(items: dict[str, Item]) -> dict[str, Item]:
    """The items with their children's ids, in order."""
    children: dict[str, list[str]] = {}
    for item in items.values():
        children.setdefault(item.parent or "", []).append(item.id)
    return {name: _replace(item, children.get(name, [])) for name, item in items.items()}


def _replace(item: Item, children: list[str]) -> Item:
    return Item(item.id, item.level, item.parent, item.label, item.max_points, item.row, item.source,
                tuple(children))


def parent_problems(items: Mapping[str, Item], _recipes: Recipes) -> list[Problem]:
    """A field has no parent; a criterion's parent is a field, a sub-criterion's a criterion."""
    problems = []
    for item in items.values():
        wanted = LEVELS.index(item.level) - 1
        parent = items.get(item.parent or "")
        if item.parent and parent is None:
            problems.append(Problem("unknown_parent", item.row, "parent", {"value": item.parent}))
        elif (parent.level if parent else None) != (LEVELS[wanted] if wanted >= 0 else None):
            problems.append(Problem("wrong_parent", item.row, "parent", {"level": item.level,
                                                                         "value": item.parent or ""}))
    return problems


def children_problems(items: Mapping[str, Item], _recipes: Recipes) -> list[Problem]:
    """Every field and criterion has children; a definition has at least one field."""
    problems = [Problem("no_children", item.row, "id", {"value": item.id})
                for item in items.values() if item.level != "sub_criterion" and not item.children]
    has_field = any(item.level == "field" for item in items.values())
    return problems + ([] if has_field else [Problem("no_fields")])


def points_problems(items: Mapping[str, Item], _recipes: Recipes) -> list[Problem]:
    """The maximum points of a field's or criterion's children add up to its own."""
    problems = []
    for item in items.values():
        total = sum(items[child].max_points for child in item.children if child in items)
        if item.children and abs(total - item.max_points) > TOLERANCE:
            problems.append(Problem("points_do_not_add_up", item.row, "max_points",
                                    {"value": f"{item.max_points:g}", "children": f"{total:.10g}"}))
    return problems


def survey_problems(items: Mapping[str, Item], recipes: Recipes) -> list[Problem]:
    """A survey source names a known recipe and one of its nodes."""
    problems = []
    for item in items.values():
        source = item.source
        if not isinstance(source, SurveyRule):
            continue
        if source.recipe not in recipes:
            problems.append(Problem("unknown_recipe", item.row, "recipe",
                                    {"value": source.recipe, "known": ", ".join(sorted(recipes))}))
        elif source.node not in recipes[source.recipe]:
            problems.append(Problem("unknown_node", item.row, "node", {"value": source.node,
                                                                       "recipe": source.recipe}))
    return problems


def reference_problems(items: Mapping[str, Item], _recipes: Recipes) -> list[Problem]:
    """A formula names only sub-criteria."""
    return [Problem("unknown_reference", items[name].row, "formula", {"value": reference})
            for name, references in formulas(items).items() for reference in sorted(references)
            if getattr(items.get(reference), "level", None) != "sub_criterion"]


def cycle_problems(items: Mapping[str, Item], _recipes: Recipes) -> list[Problem]:
    """No formula depends on itself through others."""
    graph = formulas(items)
    return [Problem("formula_cycle", items[name].row, "formula", {"value": name})
            for name in graph if _reaches(graph, name, name, set())]


def _reaches(graph: Mapping[str, frozenset[str]], start: str, goal: str, seen: set[str]) -> bool:
    for name in graph.get(start, frozenset()) - seen:
        seen.add(name)
        if name == goal or _reaches(graph, name, goal, seen):
            return True
    return False


def formulas(items: Mapping[str, Item]) -> dict[str, frozenset[str]]:
    """Each formula sub-criterion's id and the ids it refers to."""
    return {item.id: item.source.expr.names() for item in items.values() if isinstance(item.source, FormulaRule)}


TREE_CHECKS: tuple[Callable[[Mapping[str, Item], Recipes], list[Problem]], ...] = (
    parent_problems, children_problems, points_problems, survey_problems, reference_problems, cycle_problems)
"""The checks of the tree as a whole, in the order their problems are listed."""
