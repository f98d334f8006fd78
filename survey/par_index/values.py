"""A published definition as analysis.par_index reads it, and a self-assessed value between the
text people type, the text stored (survey.par_index.assessments) and the value the scoring takes.

Stored texts: `yes` or `no` for a yes_no rule, a level's key for levels, a percentage written
without trailing zeros for percent (`87.5`); the scoring takes True/False, the key, the number.
"""
from collections.abc import Mapping
from typing import Any

from analysis.par_index import Definition, Item, load_definition
from analysis.par_index_model import SelfRule
from analysis.par_index_rules import number, text
from survey.errors import InvalidInput, Problem
from survey.kept import KeptValues
from survey.par_index.messages import CATALOGUE
from survey.par_index.models import IndexDefinition

YES_NO = ("yes", "no")
PARSED_DEFINITIONS = 16
"""Definitions kept read per process, by content hash (a published document never changes): a
year's and the year before's, with room to spare."""


def parsed(definition: IndexDefinition) -> Definition:
    """The definition's tree read by analysis.par_index. Its survey sources were checked against the
    recipes when it was published; here they are taken as they are, so a recipe changed since
    cannot make a published definition unreadable."""
    return _parsed.get(definition.content_hash, lambda: _read(definition.document["tree"]))


def _read(rows: list[dict]) -> Definition:
    named: dict[str, frozenset[str]] = {}
    for row in rows:
        if row.get("recipe"):
            named[text(row["recipe"])] = named.get(text(row["recipe"]), frozenset()) | {text(row.get("node"))}
    return load_definition(rows, named)


_parsed: KeptValues[Definition] = KeptValues(PARSED_DEFINITIONS)


def self_items(definition: Definition) -> list[Item]:
    """The sub-criteria whose points come from the self-assessment, in the sheet's order."""
    return [item for item in definition.sub_criteria if isinstance(item.source, SelfRule)]


Groups = list[tuple[Item, list[tuple[Item, list[Item]]]]]
"""[(field, [(criterion, [sub-criterion, ...]), ...]), ...]: a definition's items as nested headings."""


def self_groups(definition: Definition) -> Groups:
    """The self-assessed sub-criteria under their criterion under their field, in the sheet's order
    (a criterion or field with none of them left out), as the assessment pages list them."""
    items, tree = definition.items, []
    for field in definition.fields:
        criteria = [(items[name], [items[sub] for sub in items[name].children
                                   if isinstance(items[sub].source, SelfRule)])
                    for name in items[field].children]
        criteria = [(criterion, subs) for criterion, subs in criteria if subs]
        if criteria:
            tree.append((items[field], criteria))
    return tree


def typed(item: Item, stored: str) -> Any:
    """The stored text of a value as the scoring takes it (see the module's docstring)."""
    assert isinstance(item.source, SelfRule)
    if item.source.rule == "yes_no":
        return stored == "yes"
    if item.source.rule == "levels":
        return stored
    return number(stored)


def canonical(item: Item, given: str, field: str) -> str | None:
    """The text to store for what a person typed (None: left empty); InvalidInput, keyed to
    `field`, when it does not fit the sub-criterion's rule."""
    given = given.strip()
    if not given:
        return None
    assert isinstance(item.source, SelfRule)
    rule = item.source
    if rule.rule == "yes_no" and given in YES_NO:
        return given
    if rule.rule == "levels" and given in rule.levels:
        return given
    percent = number(given) if rule.rule == "percent" else None
    if percent is not None and 0 <= percent <= 100:
        return f"{percent:g}"
    raise InvalidInput(_refusal(rule, given, field))


def _refusal(rule: SelfRule, given: str, field: str) -> Problem:
    if rule.rule == "levels":
        return CATALOGUE.problem("par_level_unknown", field)  # never the levels' keys: no words for a reader
    if rule.rule == "percent":
        return CATALOGUE.problem("par_percent_out_of_range", field, value=given)
    return CATALOGUE.problem("par_yes_no_required", field)


def levels_of(item: Item) -> Mapping[str, float]:
    """A levels rule's levels and their points (empty for the other rules)."""
    return item.source.levels if isinstance(item.source, SelfRule) else {}
