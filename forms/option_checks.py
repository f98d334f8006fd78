"""Validation steps for the XLSForm extras: metadata, appearance and a range's parameters.

Run in the pipeline after the questions have been collected (``forms.pipeline.STEPS``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from .loader import Path
from .metadata import METADATA_KINDS
from .validation import Context, Item, check_name, expect, present

RANGE_PARAMETERS = ("start", "end", "step")
MAX_RANGE_STEPS = 10_000
"""More values than a person picks from (and more than a page should list)."""


def check_options(ctx: Context) -> None:
    """Metadata names and kinds, appearances, range parameters."""
    _check_metadata(ctx)
    for item in ctx.items:
        if present(item.raw, "appearance"):
            expect(ctx, (*item.path, "appearance"), item.raw["appearance"], str, "text")
        if not item.is_section:
            _check_parameters(ctx, item)


def _check_metadata(ctx: Context) -> None:
    form = ctx.document.get("form")
    raw = form.get("metadata") if isinstance(form, dict) else None
    path: Path = ("form", "metadata")
    if raw is None or not expect(ctx, path, raw, dict, "a mapping name -> metadata kind"):
        return
    taken = {item.name for item in ctx.items if item.name}
    for name, kind in raw.items():
        where = (*path, str(name))
        if check_name(ctx, where, name) in taken:
            ctx.report("duplicate_name", where, name, first="a section or question")
        if kind not in METADATA_KINDS:
            ctx.report("unknown_metadata", where, kind, kinds=", ".join(METADATA_KINDS))


def _check_parameters(ctx: Context, item: Item) -> None:
    if item.type == "range":
        raw = item.raw.get("parameters") or {}
        if expect(ctx, (*item.path, "parameters"), raw, dict, "a mapping of start, end, step"):
            _check_range(ctx, (*item.path, "parameters"), raw)
    elif present(item.raw, "parameters"):
        ctx.report("field_not_allowed", (*item.path, "parameters"), item.raw["parameters"],
                   field="parameters", reason="only a range takes parameters")


def _check_range(ctx: Context, path: Path, raw: dict[Any, Any]) -> None:
    numbers = {"start": Decimal(1), "end": Decimal(10), "step": Decimal(1)}
    for key, text in raw.items():
        if key not in RANGE_PARAMETERS:
            ctx.report("unknown_field", (*path, str(key)), key, suggestion="")
            continue
        number = _number(text)
        if number is None:
            ctx.report("wrong_type", (*path, key), text, expected="a number", actual=repr(text))
        else:
            numbers[key] = number
    start, end, step = numbers["start"], numbers["end"], numbers["step"]
    if step <= 0 or (end - start) % step != 0 or abs(end - start) / step > MAX_RANGE_STEPS:
        ctx.report("invalid_range", path, raw, start=start, end=end, step=step,
                   most=MAX_RANGE_STEPS)


def _number(text: Any) -> Decimal | None:
    if isinstance(text, bool) or not isinstance(text, (int, float, str)):
        return None
    try:
        number = Decimal(str(text))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
