"""Index estimates from a recipe: every criterion, element and the overall index, with SEs.

    from analysis.indices import estimate_indices
    table = estimate_indices(design, load_recipe("sipas-2017"), by="unit", min_cell_size=30)

Each item's score is a + b R (R a share or a mean over the item's valid answers, see
`Measure.affine`), and each node a mean, weighted mean or own item of the scores below it, so
every node is an affine combination c + sum_k C_k R_k of the distinct items' ratios. All nodes
are estimated in one pass by `Design.linear_combination`: the SE of a combined index comes from
the combined influence values (covariances between items answered by the same people count).

Every node is on a 0-100 scale (a share, a rescaled bounded mean, or a mean of those), so its
interval is the logit one of R's svyciprop on the 0-1 scale, with the delta method for the
combination: 100 expit(logit p -/+ t(0.975, df) se_p / (p (1 - p))), p = estimate / 100,
se_p = se / 100, df the design's degrees of freedom. It stays within [0, 100]; for a node that
is a single share it is svyciprop(method = "logit", df = degf(design)). A node at 0 or 100 with
no variance gets [estimate, estimate].
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis._combination import Ratio
from analysis.design import By, Design
from analysis.proportion import logit_bounds, t_quantile
from analysis.recipes import Measure, Node, Recipe

Score = tuple[np.ndarray, float]  # coefficients on the distinct items' ratios, and a constant


INTERVAL = "logit"  # the interval method of every node, recorded in the methodology outputs


def estimate_indices(design: Design, recipe: Recipe, by: By = None, min_cell_size: int = 30,
                     deff: bool = False) -> pd.DataFrame:
    """One row per node (in `recipe.nodes()` order), then per `by` domain.

    Columns: level (overall, element, criterion), parent, estimate (0-100), se, ci_low, ci_high,
    n (respondents with a valid answer to some item of the node), n_min (valid answers of its
    least answered item), effective_n (Kish), suppressed (n_min < min_cell_size: too few answers
    to publish), and for nodes with PAR INDEX points: points, points_low, points_high (the
    estimate and interval bounds converted by `Points.of`; NaN for nodes without points).
    Intervals are logit intervals (module docstring); `deff=True` adds R's design effect (deff).
    """
    if isinstance(min_cell_size, bool) or not isinstance(min_cell_size, (int, np.integer)) or min_cell_size < 1:
        raise ValueError(f"min_cell_size must be a positive whole number, got {min_cell_size!r}")
    ratios, keys = item_ratios(recipe)
    _require_columns(design, ratios)
    nodes = recipe.nodes()
    scores = [node_score(node, keys) for node in nodes]
    table = design.linear_combination(ratios, np.array([c for c, _ in scores]), np.array([k for _, k in scores]),
                                      names=[node.id for node in nodes], by=by, deff=deff)
    table["ci_low"], table["ci_high"] = _bounded(table, design.df)
    table.index = table.index.rename("node", level=0) if by is not None else table.index.rename("node")
    return _annotate(table, recipe, min_cell_size)


def _bounded(table: pd.DataFrame, df: float) -> tuple[np.ndarray, np.ndarray]:
    """Logit interval bounds (0-100) of every node."""
    p = np.clip(table["estimate"].to_numpy() / 100, 0.0, 1.0)
    low, high = logit_bounds(p, (table["se"].to_numpy() / 100) ** 2, t_quantile(df))
    return 100 * low, 100 * high


def item_ratios(recipe: Recipe) -> tuple[list[Ratio], dict[tuple, int]]:
    """The distinct items' ratio estimators, and each item key's position among them."""
    keys: dict[tuple, int] = {}
    ratios = []
    for measure in recipe.measures():
        if measure.key not in keys:
            keys[measure.key] = len(ratios)
            ratios.append(_ratio(measure))
    return ratios, keys


def _ratio(measure: Measure) -> Ratio:
    if measure.rule == "mean_score":
        return Ratio(measure.question, bounds=measure.bounds)
    return Ratio(measure.question, levels=measure.positive, missing=measure.missing)


def node_score(node: Node, keys: dict[tuple, int]) -> Score:
    """The node's score as coefficients on the items' ratios plus a constant.

    own_item: its item's a + b R; mean: the parts' average; weighted_mean: sum w_p s_p / sum w_p.
    """
    if node.combine == "own_item":
        return _item_score(node.items[0], keys)
    parts = [(_item_score(m, keys), m.weight) for m in node.items] if node.level == "criterion" \
        else [(node_score(child, keys), child.weight) for child in node.children]
    weights = np.array([w if node.combine == "weighted_mean" else 1.0 for _, w in parts])
    weights = weights / weights.sum()
    return (sum(w * s[0] for (s, _), w in zip(parts, weights)),
            float(sum(w * s[1] for (s, _), w in zip(parts, weights))))


def _item_score(measure: Measure, keys: dict[tuple, int]) -> Score:
    constant, slope = measure.affine()
    coefficients = np.zeros(len(keys))
    coefficients[keys[measure.key]] = slope
    return coefficients, constant


def _require_columns(design: Design, ratios: Sequence[Ratio]) -> None:
    absent = sorted({r.var for r in ratios} - set(design.data.columns))
    if absent:
        raise ValueError(f"the data has no column for the recipe's question(s) {', '.join(absent)}")


def _annotate(table: pd.DataFrame, recipe: Recipe, min_cell_size: int) -> pd.DataFrame:
    nodes = {node.id: node for node in recipe.nodes()}
    ids = table.index.get_level_values("node")
    parents = recipe.parent_of()
    table.insert(0, "level", [nodes[i].level for i in ids])
    table.insert(1, "parent", [parents[i] for i in ids])
    table["suppressed"] = table["n_min"] < min_cell_size
    for column, source in (("points", "estimate"), ("points_low", "ci_low"), ("points_high", "ci_high")):
        table[column] = [nodes[i].points.of(v) if nodes[i].points is not None else np.nan
                         for i, v in zip(ids, table[source])]
    return table
