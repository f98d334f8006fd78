"""Checking a recipe document's structure and turning it into `Recipe` objects.

Every problem is collected (with its line, path and a code) before anything is refused, as
the questionnaire loader does. The format is described in recipes/README.md.
"""

import difflib
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from analysis._recipe_model import COMBINE, LEVELS, SUPPRESSED_CHILD, Measure, Node, Points
from analysis._recipe_yaml import Path, RecipeProblem, format_path

_ID = re.compile(r"[a-z][a-z0-9_-]{0,63}")
_SATISFACTION = (1, 2, 3, 4, 5)
_MEASURE_FIELDS = {
    "top_box": ({"question", "rule"}, {"levels", "weight"}),
    "share": ({"question", "rule", "positive"}, {"missing", "weight"}),
    "mean_score": ({"question", "rule"}, {"scale", "weight"}),
}


class Parser:
    """Reads one document; `problems` collects what is wrong, `rows` gives each path's line."""

    def __init__(self, rows: Mapping[Path, int]):
        self.rows = rows
        self.problems: list[RecipeProblem] = []
        self.seen_ids: dict[str, str] = {}

    def problem(self, code: str, message: str, path: Path, value: Any = None) -> None:
        row = next((self.rows[path[:end]] for end in range(len(path), -1, -1) if path[:end] in self.rows), None)
        self.problems.append(RecipeProblem(code, message, row, format_path(path), value))

    def mapping(self, raw: Any, path: Path, required: set[str], optional: set[str]) -> dict | None:
        """`raw` as a dict with every required key and no unknown one (None if not a mapping)."""
        if not isinstance(raw, dict):
            self.problem("wrong_type", f"expected a mapping, got {_kind(raw)}", path, raw)
            return None
        for key in sorted(required - raw.keys()):
            self.problem("missing_field", f"required field {key!r} is missing", path)
        for key in raw.keys() - required - optional:
            hint = suggestion(key, required | optional)
            self.problem("unknown_field", f"unknown field {key!r}{hint}", (*path, key), key)
        return raw

    def field(self, raw: dict, key: str, path: Path, read: Callable[[Any, Path], Any]) -> Any:
        """read(raw[key]) when the key is there (a missing required key is reported by `mapping`)."""
        return read(raw[key], (*path, key)) if key in raw else None

    def text(self, raw: Any, path: Path) -> str | None:
        if not isinstance(raw, str) or not raw.strip():
            self.problem("wrong_type", f"expected non-empty text, got {_kind(raw)}", path, raw)
            return None
        return raw

    def label(self, raw: Any, path: Path) -> Mapping[str, str]:
        """A label: plain text, or {language: text} (e.g. {vi: ..., en: ...})."""
        if isinstance(raw, str) and raw.strip():
            return {"vi": raw}
        if isinstance(raw, dict) and raw and all(isinstance(k, str) for k in raw):
            return {k: v for k, v in raw.items() if self.text(v, (*path, k)) is not None}
        self.problem("wrong_type", f"expected text or {{language: text}}, got {_kind(raw)}", path, raw)
        return {}

    def number(self, raw: Any, path: Path, positive: bool = False) -> float | None:
        ok = isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw)
        if not ok or (positive and raw <= 0):
            wanted = "a positive number" if positive else "a number"
            self.problem("wrong_type", f"expected {wanted}, got {_kind(raw)}", path, raw)
            return None
        return float(raw)

    def identifier(self, raw: Any, path: Path) -> str:
        """A node id: lower-case letters, digits, '_' and '-', unique in the recipe."""
        if not isinstance(raw, str) or not _ID.fullmatch(raw):
            self.problem("invalid_id", f"invalid id {raw!r}: use a lower-case letter, then letters, digits, "
                         "'_' or '-' (at most 64)", path, raw)
            return str(raw)
        if raw in self.seen_ids:
            self.problem("duplicate_id", f"id {raw!r} is already used ({self.seen_ids[raw]})", path, raw)
        self.seen_ids.setdefault(raw, format_path(path))
        return raw

    def choice(self, raw: Any, path: Path, allowed: tuple[str, ...], what: str) -> str | None:
        if raw not in allowed:
            hint = suggestion(raw, allowed)
            self.problem(f"unknown_{what}", f"unknown {what} {raw!r}{hint}; use one of {', '.join(allowed)}",
                         path, raw)
            return None
        return raw

    def values(self, raw: Any, path: Path, check: Callable[[Any], bool], wanted: str) -> tuple:
        """A non-empty list of distinct values each passing `check`."""
        if not isinstance(raw, list) or not raw:
            self.problem("wrong_type", f"expected a non-empty list of {wanted}, got {_kind(raw)}", path, raw)
            return ()
        for k, value in enumerate(raw):
            if not check(value):
                self.problem("wrong_type", f"expected {wanted}, got {_kind(value)}", (*path, k), value)
            elif value in raw[:k]:
                self.problem("duplicate_value", f"{value!r} is listed twice", (*path, k), value)
        return tuple(raw)

    # --- the parts of a recipe -------------------------------------------------------

    def measure(self, raw: Any, path: Path) -> Measure | None:
        """An item: a question scored by a rule (see recipes/README.md)."""
        if not isinstance(raw, dict) or "rule" not in raw:
            self.mapping(raw, path, {"question", "rule"}, set().union(*(o for _, o in _MEASURE_FIELDS.values())))
            return None
        rule = self.choice(raw["rule"], (*path, "rule"), tuple(_MEASURE_FIELDS), "rule")
        if rule is None:
            return None
        self.mapping(raw, path, *_MEASURE_FIELDS[rule])
        question = self.field(raw, "question", path, self.text)
        weight = self.number(raw["weight"], (*path, "weight"), positive=True) if "weight" in raw else None
        positive, missing, scale = self._rule_fields(rule, raw, path)
        return Measure(question or "", rule, positive, missing, scale, weight, path)

    def _rule_fields(self, rule: str, raw: dict, path: Path) -> tuple[tuple, tuple, tuple[float, float] | None]:
        if rule == "top_box":
            levels = self.values(raw.get("levels", [4, 5]), (*path, "levels"),
                                 lambda v: v in _SATISFACTION and not isinstance(v, bool), "satisfaction levels 1-5")
            return tuple(sorted(levels)), (9,), None
        if rule == "share":
            text = lambda v: isinstance(v, str) and bool(v)  # noqa: E731
            positive = self.field(raw, "positive", path, lambda v, at: self.values(v, at, text, "answer values (text)"))
            missing = self.field(raw, "missing", path, lambda v, at: self.values(v, at, text, "answer values (text)"))
            positive, missing = positive or (), missing or ()
            for value in sorted(set(positive) & set(missing)):
                self.problem("positive_and_missing", f"{value!r} is both positive and missing",
                             (*path, "missing"), value)
            return positive, missing, None
        return (), (), self.scale(raw["scale"], (*path, "scale")) if "scale" in raw else None

    def scale(self, raw: Any, path: Path) -> tuple[float, float] | None:
        """[lowest, highest] answer of a scale, lowest < highest."""
        if not (isinstance(raw, list) and len(raw) == 2):
            self.problem("wrong_type", f"expected [lowest, highest], got {_kind(raw)}", path, raw)
            return None
        low, high = (self.number(value, (*path, k)) for k, value in enumerate(raw))
        if low is not None and high is not None and low >= high:
            self.problem("bad_range", f"the range [{low:g}, {high:g}] is empty: the first must be below the second",
                         path, raw)
            return None
        return None if low is None or high is None else (low, high)

    def points(self, raw: Any, path: Path) -> Points | None:
        """PAR INDEX points: {max: M} (M x index / 100) or {max: M, conversion: linear, range: [a, b]}."""
        raw = self.mapping(raw, path, {"max"}, {"conversion", "range"})
        if raw is None:
            return None
        maximum = self.field(raw, "max", path, lambda v, at: self.number(v, at, positive=True))
        conversion = self.choice(raw.get("conversion", "proportional"), (*path, "conversion"),
                                 ("proportional", "linear"), "conversion")
        if (conversion == "linear") != ("range" in raw):
            self.problem("range_and_conversion", "'range' is given with, and only with, conversion: linear",
                         path, raw.get("range"))
            return None
        span = self.scale(raw["range"], (*path, "range")) if "range" in raw else (0.0, 100.0)
        return None if maximum is None or span is None else Points(maximum, *span)

    def node(self, raw: Any, path: Path, level: str, node_id: str | None, children: tuple[Node, ...],
             parent_combine: str | None, depth: int | None = None) -> Node | None:
        """The common fields of the overall index, an element or a criterion (`node_id` is read
        first by the caller, so that a duplicate id is reported where it comes second); `depth`
        is the level's place in overall, element, criterion unless given."""
        weight = self._weight(raw, path, parent_combine)
        rule = self.field(raw, "suppressed_child", path, lambda v, at: self.choice(v, at, SUPPRESSED_CHILD, "rule"))
        points = self.points(raw["points"], (*path, "points")) if "points" in raw else None
        combine = self.choice(raw.get("combine", "mean"), (*path, "combine"), _combines(level), "combine")
        items = self._items(raw, path, level, combine)
        if combine in ("mean", "weighted_mean") and level != "criterion" and not children:
            self.problem("nothing_to_combine", f"combine: {combine} needs at least one part below it", path)
        label = self.field(raw, "label", path, self.label)
        measures = tuple(item for item in items if item is not None)
        if len(measures) < len(items) or combine is None or node_id is None or label is None:
            return None
        return Node(node_id, level, label, combine, measures, children, weight, points,
                    LEVELS.index(level) if depth is None else depth, rule)

    def _weight(self, raw: dict, path: Path, parent_combine: str | None) -> float | None:
        if parent_combine == "weighted_mean" and "weight" not in raw:
            self.problem("weight_missing", "this part needs a weight: its parent's combine is weighted_mean", path)
        elif parent_combine != "weighted_mean" and "weight" in raw:
            self.problem("weight_not_used", "a weight is only used when the parent's combine is weighted_mean",
                         (*path, "weight"), raw["weight"])
        return self.number(raw["weight"], (*path, "weight"), positive=True) if "weight" in raw else None

    def _items(self, raw: dict, path: Path, level: str, combine: str | None) -> list[Measure | None]:
        """A criterion's `items`, or an element's / the index's own `item` with combine: own_item."""
        if level == "criterion":
            items = raw.get("items")
            if "items" not in raw:
                return []
            if not isinstance(items, list) or not items:
                self.problem("wrong_type", f"expected a non-empty list of items, got {_kind(items)}",
                             (*path, "items"), items)
                return []
            return [self._item(item, (*path, "items", k), combine) for k, item in enumerate(items)]
        if (combine == "own_item") != ("item" in raw):
            self.problem("own_item", "'item' is given with, and only with, combine: own_item", path)
            return []
        return [self.measure(raw["item"], (*path, "item"))] if "item" in raw else []

    def _item(self, raw: Any, path: Path, combine: str | None) -> Measure | None:
        measure = self.measure(raw, path)
        if measure is not None and (combine == "weighted_mean") != (measure.weight is not None):
            self.problem("item_weight", "items have a weight when, and only when, combine is weighted_mean", path)
        return measure


def _combines(level: str) -> tuple[str, ...]:
    return ("mean", "weighted_mean") if level == "criterion" else COMBINE


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"text {value!r}" if len(value) < 40 else "text"
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__)


def suggestion(value: Any, candidates) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, sorted(c for c in candidates if isinstance(c, str)), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
