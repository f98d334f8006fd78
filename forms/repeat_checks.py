"""The validation step for repeats (``forms.repeats``): a section's ``repeat``, ``repeat_count``
and ``repeat_max``, and which expressions may read a repeat's questions.

A question of a repeat has one answer per instance, so only the repeat's own questions may read
it (they read their own instance's); an expression outside, or the repeat's own ``relevant`` or
``repeat_count``, could not say which instance it means. The count is read before any instance
exists: it may name only earlier questions outside repeats.
"""

from __future__ import annotations

from typing import Any

from .expressions import Expression, ExpressionError, parse
from .repeats import MAX_INSTANCES
from .validation import Context, Item, expect, present

_REPEAT_FIELDS = ("repeat_count", "repeat_max")
_EXPRESSION_KEYS = ("relevant", "constraint", "calculation", "choice_filter")


def check_repeats(ctx: Context) -> None:
    """Each section's repeat fields, then every expression's references into repeats."""
    repeats = {item.path: item.name or "" for item in ctx.items if item.is_section and item.raw.get("repeat") is True}
    owner = {item.name: repeats.get(item.path[:2]) for item in ctx.items if not item.is_section and item.name}
    inside = {name: repeat for name, repeat in owner.items() if repeat is not None}
    for index, item in enumerate(ctx.items):
        own = None if item.is_section else repeats.get(item.path[:2])
        if item.is_section:
            _check_section(ctx, index, item, inside)
        for key in _EXPRESSION_KEYS:
            expression = _parsed(item.raw.get(key))
            if expression is not None:
                _check_references(ctx, (*item.path, key), expression, own, inside)


def _check_section(ctx: Context, index: int, item: Item, inside: dict[str, str]) -> None:
    raw = item.raw
    if present(raw, "repeat"):
        expect(ctx, (*item.path, "repeat"), raw["repeat"], bool, "true or false")
    for key in _REPEAT_FIELDS:
        if present(raw, key) and raw.get("repeat") is not True:
            ctx.report("field_not_allowed", (*item.path, key), raw[key], field=key,
                       reason="only a repeat (repeat: true) has instances to count")
    if present(raw, "repeat_count") and present(raw, "repeat_max"):
        ctx.report("field_not_allowed", (*item.path, "repeat_max"), raw["repeat_max"], field="repeat_max",
                   reason="a repeat with a repeat_count has that many instances")
    _check_most(ctx, item, raw.get("repeat_max"))
    _check_count(ctx, index, item, inside)


def _check_most(ctx: Context, item: Item, value: Any) -> None:
    path = (*item.path, "repeat_max")
    if value is None or not expect(ctx, path, value, int, "a whole number"):
        return
    if not 1 <= value <= MAX_INSTANCES:
        ctx.report("invalid_repeat", path, value, field="repeat_max", most=MAX_INSTANCES)


def _check_count(ctx: Context, index: int, item: Item, inside: dict[str, str]) -> None:
    """The count: an expression (a number, or earlier answers) of earlier questions outside repeats."""
    path, source = (*item.path, "repeat_count"), item.raw.get("repeat_count")
    if source is None or not expect(ctx, path, source, (str, int), "an expression (text) or a number"):
        return
    try:
        expression = parse(str(source))
    except ExpressionError as error:
        ctx.report("expression_syntax", path, source, detail=error.detail, position=error.position)
        return
    earlier = {other.name for other in ctx.items[:index] if not other.is_section and other.name}
    for name in sorted(expression.references):
        if name not in earlier:
            ctx.report("forward_reference" if _named(ctx, name) else "unknown_reference", path, name,
                       suggestion="")
    if expression.uses_current:
        ctx.report("dot_outside_constraint", path, expression.source)
    _check_references(ctx, path, expression, None, inside)


def _named(ctx: Context, name: str) -> bool:
    return any(item.name == name and not item.is_section for item in ctx.items)


def _check_references(ctx: Context, path: tuple[str | int, ...], expression: Expression,
                      own_repeat: str | None, inside: dict[str, str]) -> None:
    """Refuse names of a repeat's questions read from outside that repeat."""
    for name in sorted(expression.references):
        repeat = inside.get(name)
        if repeat is not None and repeat != own_repeat:
            ctx.report("repeat_reference", path, name, repeat=repeat)


def _parsed(source: Any) -> Expression | None:
    """The parsed expression, or None: a broken one is reported by ``forms.expression_checks``."""
    if not isinstance(source, str):
        return None
    try:
        return parse(source)
    except ExpressionError:
        return None
