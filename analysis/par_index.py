"""A province's internal PAR index as data, and its scoring engine (issue 20).

    from analysis.par_index import load_definition, shipped_recipe_nodes, score, UnitInput
    definition = load_definition(rows, shipped_recipe_nodes())   # ParIndexError listing every problem
    results = score(definition, [UnitInput("so_noi_vu", "department", claimed={"tt1_1_1": True})])

A definition is a tree: fields → criteria → sub-criteria, each with a stable id, a label in
Vietnamese and English and its maximum points; the children's maxima add up to the parent's.
Its document is the rows of the `tree` sheet (analysis.par_index_model.COLUMNS), a row a mapping
of column to cell. Each sub-criterion takes its points from a source (analysis.par_index_rules):
the unit's appraised self-assessment (`yes_no`, `levels`, `percent`), a survey result (`share`,
`mean_rescale` of a recipe node), or a `formula` over other sub-criteria. The conversion of a
survey result into points is the sub-criterion's own rule, never fixed here.

Problems name their code, sheet row and column, e.g. `row 7, column max_points:
points_do_not_add_up (value=6, children=5.5)`; texts for people are in the service's catalogue
(survey.par_index.messages). Scoring and ranking: analysis.par_index_scoring.
"""
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from analysis.par_index_checks import TREE_CHECKS, Recipes, numbered, read_items, with_children
from analysis.par_index_model import COLUMNS, LEVELS, Definition, Item, ParIndexError, Problem
from analysis.par_index_scoring import SubScore, UnitInput, UnitScore, rank, score
from analysis.recipes import Node, Recipe, load_recipe, shipped_recipes

__all__ = ["COLUMNS", "LEVELS", "Definition", "Item", "ParIndexError", "Problem", "SubScore", "UnitInput",
           "UnitScore", "content_hash", "load_definition", "rank", "recipe_nodes", "score", "shipped_recipe_nodes"]


def load_definition(rows: Sequence[Mapping[str, Any]], recipes: Recipes) -> Definition:
    """The checked definition of the rows; `recipes` maps the recipes a survey source may name to
    their node ids. ParIndexError lists every problem of the first stage that has any."""
    items, problems = read_items(numbered(rows))
    if not problems:
        items = with_children(items)
        problems = [problem for check in TREE_CHECKS for problem in check(items, recipes)]
    if problems:
        raise ParIndexError(problems)
    return Definition(items, content_hash([dict(row) for row in rows]))


def content_hash(document: Any) -> str:
    """sha256 of the canonical JSON of a document (keys sorted, no spaces): layout never changes it."""
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recipe_nodes(recipe: Recipe) -> frozenset[str]:
    """The ids of every node of a recipe (the index, its elements and criteria)."""
    return frozenset(_walk(recipe.overall))


def _walk(node: Node) -> Iterator[str]:
    yield node.id
    for child in node.children:
        yield from _walk(child)


def shipped_recipe_nodes() -> dict[str, frozenset[str]]:
    """The shipped recipes (analysis/recipes/) by id, each with its node ids."""
    recipes = (load_recipe(name) for name in shipped_recipes())
    return {recipe.id: recipe_nodes(recipe) for recipe in recipes}
