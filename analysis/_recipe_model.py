"""What a loaded recipe is: items (a question scored by a rule), nodes and their points.

Each item scores a question 0-100 as an affine function of one ratio estimator R (a share or
a mean over the valid answers), and each node is a mean or weighted mean of the scores below
it, or its own item's score: every node is therefore an affine combination of item ratios,
which is what `analysis.indices` estimates.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from analysis._recipe_yaml import Path

RULES = ("top_box", "share", "mean_score")
COMBINE = ("mean", "weighted_mean", "own_item")
LEVELS = ("overall", "element", "criterion")
SUPPRESSED_CHILD = ("suppress", "drop")
"""What a node combining its parts does when one of them is suppressed: be suppressed too, or
drop that part and combine the others (weights renormalised)."""
SATISFACTION_SCALE = (1.0, 5.0)


@dataclass(frozen=True)
class Measure:
    """A question scored 0-100.

    - top_box: 100 x share of valid answers in `positive` (satisfaction levels; 9 = missing);
    - share: 100 x share of valid answers in `positive` (answer values); answers in `missing`
      (e.g. "don't know") and blanks are not valid;
    - mean_score: 100 x (mean - low) / (high - low) over answers within `scale` = [low, high]
      (default [1, 5], the satisfaction scale, so 9 is left out).
    """

    question: str
    rule: str
    positive: tuple = ()
    missing: tuple = ()
    scale: tuple[float, float] | None = None
    weight: float | None = None
    path: Path = field(default=(), compare=False)

    @property
    def bounds(self) -> tuple[float, float]:
        return self.scale or SATISFACTION_SCALE

    @property
    def key(self) -> tuple:
        """What identifies the estimator: equal keys are estimated once."""
        return self.question, self.rule, self.positive, self.missing, self.scale if self.rule == "mean_score" else None

    def affine(self) -> tuple[float, float]:
        """(a, b) with score = a + b R, R the share (0-1) or the mean answer."""
        if self.rule != "mean_score":
            return 0.0, 100.0
        low, high = self.bounds
        return -100.0 * low / (high - low), 100.0 / (high - low)


@dataclass(frozen=True)
class Points:
    """PAR INDEX points: `maximum` x (index - low) / (high - low), kept within [0, maximum].

    low = 0, high = 100 is the proportional rule points = maximum x index / 100.
    """

    maximum: float
    low: float = 0.0
    high: float = 100.0

    def of(self, index):
        """Points of an index value (a float or a numpy array)."""
        raw = self.maximum * (index - self.low) / (self.high - self.low)
        return raw.clip(0.0, self.maximum) if hasattr(raw, "clip") else min(max(raw, 0.0), self.maximum)


@dataclass(frozen=True)
class Node:
    """A node of the recipe's tree: the overall index (the root), an element (any node between)
    or a criterion (a leaf); `depth` counts from the root (0), so a tree may have any depth.

    Its score is `combine` of its parts: a criterion's parts are its `items`, another node's its
    children; with own_item it is its single `items[0]` and the nodes below are reported
    alongside. `weight` is its weight in its parent's weighted_mean; `suppressed_child` (one of
    SUPPRESSED_CHILD, None for the recipe's rule) what it does when a child is suppressed.
    """

    id: str
    level: str
    label: Mapping[str, str]
    combine: str
    items: tuple[Measure, ...]
    children: tuple["Node", ...]
    weight: float | None = None
    points: Points | None = None
    depth: int = 0
    suppressed_child: str | None = None

    @property
    def combines_children(self) -> bool:
        """Whether its score is made of its children's (not of its own items)."""
        return not self.items

    def text(self, language: str) -> str:
        """The label in `language`, else in the first language given, else the id."""
        return self.label.get(language) or next(iter(self.label.values()), self.id)


@dataclass(frozen=True)
class Expectation:
    """A question on what to improve (select_one or select_multiple), reported as the share of
    respondents choosing each answer, beside the index and never in it."""

    id: str
    question: str
    label: Mapping[str, str]
    path: Path = field(default=(), compare=False)

    def text(self, language: str) -> str:
        return self.label.get(language) or next(iter(self.label.values()), self.id)


@dataclass(frozen=True)
class Recipe:
    """A loaded, structurally valid recipe; `content_hash` is sha256 of its canonical JSON.

    `suppressed_child` is the rule of every node combining children that does not state its own.
    """

    id: str
    form: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    points_note: Mapping[str, str]
    overall: Node
    content_hash: str
    source: str = field(compare=False)
    rows: Mapping[Path, int] = field(default_factory=dict, compare=False, repr=False)
    suppressed_child: str = "suppress"
    expectations: tuple[Expectation, ...] = ()

    def nodes(self) -> tuple[Node, ...]:
        """Every node, depth first: the overall index, then each child followed by its descendants."""
        return tuple(_walk(self.overall))

    def parent_of(self) -> dict[str, str | None]:
        """Node id -> its parent's id (None for the overall index)."""
        parents: dict[str, str | None] = {self.overall.id: None}
        for node in self.nodes():
            parents.update({child.id: node.id for child in node.children})
        return parents

    def rule_of(self, node: Node) -> str:
        """What `node` does when a child is suppressed (its own rule, else the recipe's)."""
        return node.suppressed_child or self.suppressed_child

    def measures(self) -> tuple[Measure, ...]:
        """Every item of every node, in order (the same estimator may appear twice)."""
        return tuple(item for node in self.nodes() for item in node.items)


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)
