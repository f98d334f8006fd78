"""Index recipes as data: which questions form each criterion and element, and how to combine them.

    from analysis.recipes import load_recipe, validate_recipe
    recipe = load_recipe("sipas-2017")          # a shipped recipe (recipes/*.yaml), or a file path
    load_recipe(default_recipe("sipas"))        # the shipped recipe written for a form ("sipas-local")
    validate_recipe(recipe, definition)         # against a questionnaire (forms.load_definition)

The format is described in recipes/README.md. Loading checks the structure, checking against a
questionnaire the question keys, rules and answer values; both raise `RecipeError` (a
ValueError) listing every problem with its row, path and code.
"""

import functools
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path as FilePath
from typing import Any, Protocol

from analysis._recipe_model import LEVELS, RULES, SUPPRESSED_CHILD, Expectation, Measure, Node, Points, Recipe
from analysis._recipe_parse import Parser, suggestion
from analysis._recipe_tree import expectations, tree
from analysis._recipe_yaml import RecipeError, RecipeProblem, format_path, read_yaml

__all__ = ["LEVELS", "RULES", "SUPPRESSED_CHILD", "Expectation", "Measure", "Node", "Points", "Recipe", "RecipeError",
           "RecipeProblem", "check_recipe", "default_recipe", "load_recipe", "recipe_from_text", "recipes_for",
           "shipped_recipes", "validate_recipe"]

RECIPES = FilePath(__file__).parent / "recipes"
OFFICIAL = "sipas-2017"
"""The recipe of a form no shipped recipe is written for (which that form then does not fit)."""
# Which question types each rule fits.
RULE_TYPES = {"top_box": ("satisfaction",), "share": ("yes_no", "select_one"),
              "mean_score": ("satisfaction", "integer", "decimal")}

EXPECTATION_TYPES = ("select_one", "select_multiple")


class Choice(Protocol):
    """A choice as a recipe reads it. Members are read-only properties so that frozen dataclasses
    (forms.Choice) fit: a recipe never writes to the questionnaire it is checked against."""

    @property
    def value(self) -> str: ...


class Question(Protocol):
    """A question as a recipe reads it (forms.Question is one); read-only, as Choice."""

    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def choices(self) -> Sequence[Choice]: ...


class Questionnaire(Protocol):
    """What a recipe is checked against; forms.Definition is one (its questions are a cached
    property, its id a frozen field, hence read-only members)."""

    @property
    def id(self) -> str: ...
    @property
    def questions(self) -> Sequence[Question]: ...

    def question(self, name: str) -> Question: ...


def shipped_recipes() -> list[str]:
    """Names of the recipes shipped in analysis/recipes/."""
    return sorted(path.stem for path in RECIPES.glob("*.yaml"))


def default_recipe(form_id: str) -> str:
    """The recipe a campaign on form `form_id` is analysed with unless one is named: the first of
    `recipes_for(form_id)`, else OFFICIAL (which such a form then does not fit: form_mismatch)."""
    return next(iter(recipes_for(form_id)), OFFICIAL)


def fitting_recipe(questionnaire: Questionnaire) -> str:
    """The recipe a questionnaire is analysed with unless one is named: the one written for its
    form if it fits, else the first shipped recipe that fits, else the one written for it (which
    then refuses with form_mismatch)."""
    written = default_recipe(questionnaire.id)
    return next((name for name in (written, *shipped_recipes()) if not check_recipe(load_recipe(name), questionnaire)),
                written)


def recipes_for(form_id: str) -> list[str]:
    """The shipped recipes written for form `form_id` (their `recipe.form`), by name: a variant
    takes a longer name (sipas-local before sipas-local-criteria)."""
    return [name for name, form in _shipped_forms() if form == form_id]


@functools.cache
def _shipped_forms() -> tuple[tuple[str, str], ...]:
    """(recipe name, its form) of every shipped recipe; the files do not change while running."""
    return tuple((name, load_recipe(name).form) for name in shipped_recipes())


def load_recipe(name_or_path: str | os.PathLike[str]) -> Recipe:
    """A shipped recipe by name (e.g. "sipas-2017"), or a recipe file (a path, or text ending .yaml)."""
    text = os.fspath(name_or_path)
    if isinstance(name_or_path, os.PathLike) or os.sep in text or text.endswith((".yaml", ".yml")):
        path = FilePath(text)
    elif text in shipped_recipes():
        path = RECIPES / f"{text}.yaml"
    else:
        shipped = shipped_recipes()
        raise RecipeError([RecipeProblem("unknown_recipe", f"no shipped recipe {text!r}{suggestion(text, shipped)}"
                                         f" (shipped: {', '.join(shipped)}); give a file path for others",
                                         None, "", text)])
    try:
        data = path.read_bytes()
    except OSError as error:
        problem = RecipeProblem("unreadable", f"cannot read {text}: {error.strerror}", None, "", text)
        raise RecipeError([problem]) from None
    try:
        return recipe_from_text(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise RecipeError([RecipeProblem("not_utf8", f"the file is not UTF-8 text: {error}", None, "")]) from None


def recipe_from_text(text: str) -> Recipe:
    """A recipe from YAML text; RecipeError listing every structural problem."""
    raw, rows = read_yaml(text)
    parser = Parser(rows)
    recipe = _document(parser, raw, text)
    if parser.problems or recipe is None:
        raise RecipeError(sorted(parser.problems, key=lambda problem: problem.row or 0))
    return recipe


def _document(p: Parser, raw: Any, text: str) -> Recipe | None:
    is_tree = isinstance(raw, dict) and "nodes" in raw
    doc = p.mapping(raw, (), {"recipe", "nodes"} if is_tree else {"recipe", "overall", "elements"}, {"expectations"})
    if doc is None:
        return None
    allowed = {"description", "points_note", "suppressed_child"}
    header = p.field(doc, "recipe", (), lambda v, at: p.mapping(v, at, {"id", "form", "title"}, allowed)) or {}
    recipe_id = p.field(header, "id", ("recipe",), p.identifier)
    overall = tree(p, doc["nodes"]) if is_tree else _overall(p, doc)
    fields = (recipe_id, p.field(header, "form", ("recipe",), p.text),
              p.field(header, "title", ("recipe",), p.label))
    description, points_note = (p.field(header, key, ("recipe",), p.label) or {}
                                for key in ("description", "points_note"))
    rule = p.field(header, "suppressed_child", ("recipe",), lambda v, at: p.choice(v, at, SUPPRESSED_CHILD, "rule"))
    wanted = p.field(doc, "expectations", (), lambda v, at: expectations(p, v)) or ()
    if overall is None or p.problems:
        return None
    canonical = json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    content_hash = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return Recipe(*fields, description, points_note, overall, content_hash, text, p.rows, rule or "suppress", wanted)


def _overall(p: Parser, doc: dict) -> Node | None:
    """The index of the three-level format (overall, elements, criteria)."""
    overall_raw = p.field(doc, "overall", (), lambda v, at: p.mapping(v, at, {"id", "label"},
                                                                      {"combine", "item", "points"})) or {}
    overall_id = p.field(overall_raw, "id", ("overall",), p.identifier)
    elements = p.field(doc, "elements", (), lambda v, at: _elements(p, v, overall_raw.get("combine", "mean")))
    return p.node(overall_raw, ("overall",), "overall", overall_id, elements or (), None) if overall_raw else None


def _elements(p: Parser, raw: Any, combine: str) -> tuple[Node, ...]:
    if not isinstance(raw, list) or not raw:
        p.problem("wrong_type", "expected a non-empty list of elements", ("elements",), raw)
        return ()
    nodes = [_element(p, item, ("elements", k), combine) for k, item in enumerate(raw)]
    return tuple(node for node in nodes if node is not None)


def _element(p: Parser, raw: Any, path: tuple, parent_combine: str) -> Node | None:
    raw = p.mapping(raw, path, {"id", "label"}, {"combine", "item", "points", "weight", "criteria"})
    if raw is None:
        return None
    criteria = raw.get("criteria", [])
    if not isinstance(criteria, list):
        p.problem("wrong_type", "expected a list of criteria", (*path, "criteria"), criteria)
        criteria = []
    combine, node_id = raw.get("combine", "mean"), p.field(raw, "id", path, p.identifier)
    found = [_criterion(p, item, (*path, "criteria", k), combine) for k, item in enumerate(criteria)]
    children = tuple(child for child in found if child is not None)
    return p.node(raw, path, "element", node_id, children, parent_combine)


def _criterion(p: Parser, raw: Any, path: tuple, parent_combine: str) -> Node | None:
    raw = p.mapping(raw, path, {"id", "label", "items"}, {"combine", "points", "weight"})
    if raw is None:
        return None
    return p.node(raw, path, "criterion", p.field(raw, "id", path, p.identifier), (), parent_combine)


def check_recipe(recipe: Recipe, questionnaire: Questionnaire) -> list[RecipeProblem]:
    """Problems of using `recipe` on `questionnaire`: another form, unknown question keys, a rule
    that does not fit the question's type, answer values that are not among its choices."""
    problems = []
    if recipe.form != questionnaire.id:
        problems.append(_problem(recipe, "form_mismatch", f"the recipe is for form {recipe.form!r}, "
                                 f"the questionnaire is {questionnaire.id!r}", ("recipe", "form"), recipe.form))
    for measure in recipe.measures():
        problems += _measure_problems(recipe, measure, questionnaire)
    for wanted in recipe.expectations:
        problems += _expectation_problems(recipe, wanted, questionnaire)
    return problems


def validate_recipe(recipe: Recipe, questionnaire: Questionnaire) -> None:
    """Raise RecipeError listing every problem of `check_recipe`."""
    problems = check_recipe(recipe, questionnaire)
    if problems:
        raise RecipeError(problems)


def _measure_problems(recipe: Recipe, measure: Measure, questionnaire: Questionnaire) -> list[RecipeProblem]:
    path = (*measure.path, "question")
    try:
        question = questionnaire.question(measure.question)
    except KeyError:
        hint = suggestion(measure.question, [q.name for q in questionnaire.questions])
        return [_problem(recipe, "unknown_question", f"no question named {measure.question!r}{hint}", path,
                         measure.question)]
    if question.type not in RULE_TYPES[measure.rule]:
        return [_problem(recipe, "rule_does_not_fit", f"rule {measure.rule} does not fit question "
                         f"{question.name!r} of type {question.type} (it fits {', '.join(RULE_TYPES[measure.rule])})",
                         (*measure.path, "rule"), measure.rule)]
    if measure.rule == "mean_score" and question.type != "satisfaction" and measure.scale is None:
        return [_problem(recipe, "scale_required", f"question {question.name!r} is of type {question.type}: "
                         "give its scale: [lowest, highest]", measure.path, None)]
    return _value_problems(recipe, measure, question) if measure.rule == "share" else []


def _expectation_problems(recipe: Recipe, wanted: Expectation, questionnaire: Questionnaire) -> list[RecipeProblem]:
    path = (*wanted.path, "question")
    try:
        question = questionnaire.question(wanted.question)
    except KeyError:
        hint = suggestion(wanted.question, [q.name for q in questionnaire.questions])
        return [_problem(recipe, "unknown_question", f"no question named {wanted.question!r}{hint}", path,
                         wanted.question)]
    if question.type not in EXPECTATION_TYPES:
        return [_problem(recipe, "rule_does_not_fit", f"an expectation is a question with choices "
                         f"({', '.join(EXPECTATION_TYPES)}); {question.name!r} is of type {question.type}", path,
                         wanted.question)]
    return []


def _value_problems(recipe: Recipe, measure: Measure, question: Question) -> list[RecipeProblem]:
    choices = [choice.value for choice in question.choices]
    problems = []
    for key, values in (("positive", measure.positive), ("missing", measure.missing)):
        for k, value in enumerate(values):
            if value not in choices:
                problems.append(_problem(recipe, "unknown_value", f"{value!r} is not a choice of {question.name!r} "
                                         f"(choices: {', '.join(choices)})", (*measure.path, key, k), value))
    return problems


def _problem(recipe: Recipe, code: str, message: str, path: tuple, value: Any) -> RecipeProblem:
    row = next((recipe.rows[path[:end]] for end in range(len(path), -1, -1) if path[:end] in recipe.rows), None)
    return RecipeProblem(code, message, row, format_path(path), value)
