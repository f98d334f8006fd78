"""The PAR index definition once read: items (fields, criteria, sub-criteria), their sources, and
the problems found on the way (see analysis.par_index for the format and the rules)."""
from collections.abc import Mapping
from dataclasses import dataclass, field

from analysis.par_index_formula import Expr

LEVELS = ("field", "criterion", "sub_criterion")
"""The levels of the tree, top down; a level's parent is of the level before it."""
COLUMNS = ("id", "parent", "level", "label::vi", "label::en", "max_points", "source", "rule", "recipe", "node",
           "scale_max", "table", "formula", "levels::vi", "levels::en")
"""The columns of the `tree` sheet, in order; a document row is a mapping of some of them to cells."""
LEVEL_LABELS = ("levels::vi", "levels::en")
"""The columns naming a levels rule's levels (`tot=Tốt; dat=Đạt`), optional: older documents have none."""
FIRST_ROW = 2
"""The sheet row of the document's first row (row 1 holds the column names)."""
SOURCES = {"self": ("yes_no", "levels", "percent"), "survey": ("share", "mean_rescale"), "formula": ("",)}
"""Each source and the rules it takes (a formula takes none: its expression is the rule)."""
CODES = (
    # A row
    "invalid_id", "duplicate_id", "label_missing", "unknown_level", "bad_points", "source_not_allowed",
    "unknown_source", "unknown_rule", "bad_table", "level_over_max", "threshold_out_of_range", "thresholds_unordered",
    "value_required", "bad_scale", "bad_formula", "bad_level_labels", "level_label_missing",
    "level_labels_not_allowed",
    # The tree
    "unknown_parent", "wrong_parent", "no_children", "no_fields", "points_do_not_add_up", "unknown_recipe",
    "unknown_node", "unknown_reference", "formula_cycle",
    # A unit's inputs
    "unknown_input", "bad_value",
)
"""Every problem code; a service says each in its people's words."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong, by `code`, at a sheet `row` and `column` (None: the whole document); `params`
    fill the catalogue's text. `str()` is for logs; people read the catalogue's text."""

    code: str
    row: int | None = None
    column: str | None = None
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.row and f"row {self.row}", self.column and f"column {self.column}")
                          if part)
        details = ", ".join(f"{name}={value}" for name, value in self.params.items())
        return f"{where or 'definition'}: {self.code}" + (f" ({details})" if details else "")


class ParIndexError(ValueError):
    """A definition or an input refused; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class SelfRule:
    """Points from the unit's self-assessment (appraised by Home Affairs): `yes_no` gives all or
    nothing; `levels` the points of the level chosen; `percent` the share of the maximum of the
    first threshold the percentage reaches, highest first (0 below them all). `labels` name each
    level by language (`{"tot": {"vi": "Tốt", "en": "Good"}}`); empty when the document gives none."""

    rule: str
    levels: Mapping[str, float] = field(default_factory=dict)
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    thresholds: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class SurveyRule:
    """Points from a survey result: the unit's result at `node` of recipe `recipe`. `share`: the
    node's index (0-100), max × index / 100; `mean_rescale`: a mean on 1..scale_max,
    max × (mean − 1) / (scale_max − 1). Both kept within [0, max]."""

    recipe: str
    node: str
    rule: str
    scale_max: float | None = None


@dataclass(frozen=True)
class FormulaRule:
    """Points computed from other sub-criteria's points (analysis.par_index_formula), kept within [0, max]."""

    text: str
    expr: Expr


Source = SelfRule | SurveyRule | FormulaRule


@dataclass(frozen=True)
class Item:
    """A field, criterion or sub-criterion; only a sub-criterion has a `source`."""

    id: str
    level: str
    parent: str | None
    label: Mapping[str, str]
    max_points: float
    row: int
    source: Source | None = None
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class Definition:
    """A checked definition: `items` by id in the sheet's order; `fields` the top level."""

    items: Mapping[str, Item]
    content_hash: str

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items.values() if item.level == "field")

    @property
    def sub_criteria(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items.values() if item.level == "sub_criterion")

    @property
    def max_points(self) -> float:
        return sum(self.items[name].max_points for name in self.fields)
