"""The validation step for ``relevant`` and ``constraint`` expressions.

Each expression must parse, may read only questions that come before it (a section's
``relevant`` only questions of earlier sections), may use '.' only in a constraint, and
must call known functions correctly: ``selected(q, 'v')`` needs a question with choices
among which is 'v'.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import suggestion
from .expressions import CURRENT, FUNCTIONS, Call, Expression, ExpressionError, parse, signature_error
from .types import QUESTION_TYPES
from .validation import Context, Item, expect, present


@dataclass(frozen=True)
class _Site:
    """Where an expression is written."""

    path: tuple[str | int, ...]
    index: int  # position of its section or question among ctx.items
    item: Item
    in_constraint: bool


_EXPRESSION_KEYS = ("relevant", "constraint", "calculation", "choice_filter")


def check_expressions(ctx: Context) -> None:
    """Parse every relevant/constraint and check what it refers to."""
    order = _first_positions(ctx.items)
    for index, item in enumerate(ctx.items):
        for key in _EXPRESSION_KEYS:
            if not present(item.raw, key):
                continue
            site = _Site((*item.path, key), index, item, key == "constraint")
            expression = _parse(ctx, site.path, item.raw[key])
            if expression is not None:
                _check(ctx, site, expression, order)


def _first_positions(items: list[Item]) -> dict[str, int]:
    """Name -> position of the first item of that name (duplicates are reported elsewhere)."""
    order: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.name is not None:
            order.setdefault(item.name, index)
    return order


def _parse(ctx: Context, path: tuple[str | int, ...], source: Any) -> Expression | None:
    if not expect(ctx, path, source, str, "an expression (text)"):
        return None
    try:
        return parse(source)
    except ExpressionError as error:
        ctx.report("expression_syntax", path, source, detail=error.detail,
                   position=error.position)
        return None


def _check(ctx: Context, site: _Site, expression: Expression, order: dict[str, int]) -> None:
    for name in sorted(expression.references):
        _check_reference(ctx, site, name, order)
    if expression.uses_current and not site.in_constraint:
        ctx.report("dot_outside_constraint", site.path, expression.source)
    for call in expression.calls:
        if call.name == "choice" and site.path[-1] != "choice_filter":
            ctx.report("choice_outside_filter", site.path, expression.source)
        _check_call(ctx, site, call, order)


def _check_reference(ctx: Context, site: _Site, name: str, order: dict[str, int]) -> None:
    position = order.get(name)
    if position is None or ctx.items[position].is_section:
        questions = [item.name for item in ctx.items if item.name and not item.is_section]
        ctx.report("unknown_reference", site.path, name, suggestion=suggestion(name, questions))
    elif position == site.index:
        hint = "; use '.' for its answer" if site.in_constraint else ""
        ctx.report("self_reference", site.path, name, hint=hint)
    elif position > site.index:
        ctx.report("forward_reference", site.path, name)
    elif not _has_answer(ctx.items[position]):
        ctx.report("note_reference", site.path, name)


def _has_answer(item: Item) -> bool:
    return item.type is None or QUESTION_TYPES[item.type].has_answer


def _check_call(ctx: Context, site: _Site, call: Call, order: dict[str, int]) -> None:
    if call.name not in FUNCTIONS:
        ctx.report("unknown_function", site.path, call.name,
                   suggestion=suggestion(call.name, list(FUNCTIONS)))
        return
    if signature_error(call) is not None:
        ctx.report("bad_arguments", site.path, call.name, function=call.name,
                   expected=FUNCTIONS[call.name])
        return
    target = _target(ctx, site, call.question or "", order)
    if target is not None and call.name in ("selected", "count_selected"):
        _check_choice_call(ctx, site, call, target)


def _target(ctx: Context, site: _Site, name: str, order: dict[str, int]) -> Item | None:
    """The question a call reads, when it is a valid earlier question (or '.')."""
    if name == CURRENT:
        return site.item if site.in_constraint else None
    position = order.get(name)
    if position is None or position >= site.index or ctx.items[position].is_section:
        return None  # already reported as a reference problem
    return ctx.items[position]


def _check_choice_call(ctx: Context, site: _Site, call: Call, target: Item) -> None:
    if target.type is None:
        return
    kind = QUESTION_TYPES[target.type]
    if not kind.has_choices:
        ctx.report("not_a_choice_question", site.path, target.name or CURRENT,
                   function=call.name, type=target.type)
        return
    values = _choice_values(ctx, target)
    written = call.choice_value is not None  # else a choice's column, read as each choice is filtered
    if call.name == "selected" and written and values is not None and call.choice_value not in values:
        ctx.report("unknown_selected_value", site.path, call.choice_value,
                   question=target.name, choices=", ".join(sorted(values)))


def _choice_values(ctx: Context, item: Item) -> frozenset[str] | None:
    """The values a question may take; None when its choice list is broken or unknown."""
    kind = QUESTION_TYPES[item.type or "text"]
    if kind.builtin_choices:
        return frozenset(choice.value for choice in kind.builtin_choices)
    list_name = item.raw.get("choices")
    return ctx.choice_lists.get(list_name) if isinstance(list_name, str) else None
