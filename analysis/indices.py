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

    Columns: level (overall, element, criterion), depth (0 for the index), parent, estimate
    (0-100), se, ci_low, ci_high, n (respondents with a valid answer to some item of the node),
    n_min (valid answers of its least answered item), effective_n (Kish), suppressed, dropped,
    and for nodes with PAR INDEX points: points, points_low, points_high (the estimate and
    interval bounds converted by `Points.of`; NaN for nodes without points).

    Suppression is per node: a node scoring its own items is suppressed when one of them has
    fewer than `min_cell_size` valid answers in the domain; a node combining its children, when
    a child is suppressed and its rule (`Recipe.rule_of`) is "suppress", or when every child is.
    Under "drop" it combines the children left (weights renormalised) and `dropped` names the
    children left out (comma-separated; "" when none). Intervals are logit intervals (module
    docstring); `deff=True` adds R's design effect (deff).
    """
    if isinstance(min_cell_size, bool) or not isinstance(min_cell_size, (int, np.integer)) or min_cell_size < 1:
        raise ValueError(f"min_cell_size must be a positive whole number, got {min_cell_size!r}")
    ratios, keys = item_ratios(recipe)
    _require_columns(design, ratios)
    table = _combination(design, recipe, ratios, keys, by, deff, {})
    status = node_status(table, recipe, min_cell_size)
    for dropped, rows in _patterns(status):
        table.loc[rows] = _combination(design, recipe, ratios, keys, by, deff, dropped).loc[rows, table.columns]
    table["ci_low"], table["ci_high"] = _bounded(table, design.df)
    table["suppressed"] = status["suppressed"].astype(bool)
    table["dropped"] = status["dropped"].map(",".join)
    return _annotate(table, recipe)


def _combination(design: Design, recipe: Recipe, ratios: list[Ratio], keys: dict[tuple, int], by: By, deff: bool,
                 dropped: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Every node's estimate, its children in `dropped` left out of its combination."""
    nodes = recipe.nodes()
    scores = [node_score(node, keys, dropped) for node in nodes]
    table = design.linear_combination(ratios, np.array([c for c, _ in scores]), np.array([k for _, k in scores]),
                                      names=[node.id for node in nodes], by=by, deff=deff)
    return table.rename_axis(["node", *table.index.names[1:]]) if by is not None else table.rename_axis("node")


def node_status(table: pd.DataFrame, recipe: Recipe, min_cell_size: int) -> pd.DataFrame:
    """suppressed and dropped (a tuple of child ids) of every row of `table` (node, then domain)."""
    short = table["n_min"].fillna(0) < min_cell_size
    status = pd.DataFrame({"suppressed": False, "dropped": [()] * len(table)}, index=table.index, dtype=object)
    for domain in _domains(table):
        for node_id, (suppressed, dropped) in _tree_status(recipe, recipe.overall, _of(short, domain)).items():
            status.at[_row(node_id, domain), "suppressed"] = suppressed
            # an object column holds the tuple, which pandas-stubs' .at does not foresee
            status.at[_row(node_id, domain), "dropped"] = dropped  # type: ignore[assignment]
    return status


def _tree_status(recipe: Recipe, node: Node, short: pd.Series) -> dict[str, tuple[bool, tuple[str, ...]]]:
    """Node id -> (suppressed, children dropped), bottom-up from the criteria."""
    found: dict[str, tuple[bool, tuple[str, ...]]] = {}
    for child in node.children:
        found.update(_tree_status(recipe, child, short))
    if not node.combines_children:
        found[node.id] = (bool(short[node.id]), ())
        return found
    bad = tuple(child.id for child in node.children if found[child.id][0])
    keeps = recipe.rule_of(node) == "drop" and len(bad) < len(node.children)
    found[node.id] = (False, bad) if keeps else (bool(bad), ())
    return found


def _patterns(status: pd.DataFrame) -> list[tuple[dict[str, tuple[str, ...]], list]]:
    """The domains grouped by the children their nodes drop: (node id -> dropped, rows to redo)."""
    groups: dict[tuple, list] = {}
    for domain in _domains(status):
        dropped = _of(status["dropped"], domain)
        pattern = tuple((node_id, ids) for node_id, ids in dropped.items() if ids)
        if pattern:
            groups.setdefault(pattern, []).extend(_row(node_id, domain) for node_id in dropped.index)
    return [(dict(pattern), rows) for pattern, rows in groups.items()]


_ALL = object()  # the one domain of a table without `by`


def _domains(table: pd.DataFrame) -> list:
    return [_ALL] if table.index.nlevels == 1 else list(table.index.get_level_values(1).unique())


def _of(column: pd.Series, domain) -> pd.Series:
    """The values of one domain, by node id."""
    return column if domain is _ALL else column.xs(domain, level=1)


def _row(node_id: str, domain):
    return node_id if domain is _ALL else (node_id, domain)


def _bounded(table: pd.DataFrame, df: float) -> tuple[np.ndarray, np.ndarray]:
    """Logit interval bounds (0-100) of every node."""
    p = np.clip(table["estimate"].to_numpy() / 100, 0.0, 1.0)
    low, high = logit_bounds(p, (table["se"].to_numpy() / 100) ** 2, t_quantile(df))
    return 100 * low, 100 * high


def item_ratios(recipe: Recipe) -> tuple[list[Ratio], dict[tuple, int]]:
    """The distinct items' ratio estimators, and each item key's position among them."""
    keys: dict[tuple, int] = {}
    ratios: list[Ratio] = []
    for measure in recipe.measures():
        if measure.key not in keys:
            keys[measure.key] = len(ratios)
            ratios.append(_ratio(measure))
    return ratios, keys


def _ratio(measure: Measure) -> Ratio:
    if measure.rule == "mean_score":
        return Ratio(measure.question, bounds=measure.bounds)
    return Ratio(measure.question, levels=measure.positive, missing=measure.missing)


def node_score(node: Node, keys: dict[tuple, int], dropped: dict[str, tuple[str, ...]] | None = None) -> Score:
    """The node's score as coefficients on the items' ratios plus a constant.

    own_item: its item's a + b R; mean: the parts' average; weighted_mean: sum w_p s_p / sum w_p,
    over the parts left when the children in `dropped[node.id]` are left out.
    """
    dropped = dropped or {}
    if node.combine == "own_item":
        return _item_score(node.items[0], keys)
    parts = [(_item_score(m, keys), m.weight) for m in node.items] if not node.combines_children \
        else [(node_score(child, keys, dropped), child.weight) for child in node.children
              if child.id not in dropped.get(node.id, ())]
    weights = np.array([w if node.combine == "weighted_mean" else 1.0 for _, w in parts])
    weights = weights / weights.sum()
    return (sum(w * s[0] for (s, _), w in zip(parts, weights, strict=True)),
            float(sum(w * s[1] for (s, _), w in zip(parts, weights, strict=True))))


def _item_score(measure: Measure, keys: dict[tuple, int]) -> Score:
    constant, slope = measure.affine()
    coefficients = np.zeros(len(keys))
    coefficients[keys[measure.key]] = slope
    return coefficients, constant


def _require_columns(design: Design, ratios: Sequence[Ratio]) -> None:
    absent = sorted({r.var for r in ratios} - set(design.data.columns))
    if absent:
        raise ValueError(f"the data has no column for the recipe's question(s) {', '.join(absent)}")


def _annotate(table: pd.DataFrame, recipe: Recipe) -> pd.DataFrame:
    nodes = {node.id: node for node in recipe.nodes()}
    ids = table.index.get_level_values("node")
    parents = recipe.parent_of()
    table.insert(0, "level", [nodes[i].level for i in ids])
    table.insert(1, "depth", [nodes[i].depth for i in ids])
    table.insert(2, "parent", [parents[i] for i in ids])
    for column, source in (("points", "estimate"), ("points_low", "ci_low"), ("points_high", "ci_high")):
        table[column] = [points.of(v) if (points := nodes[i].points) is not None else np.nan
                         for i, v in zip(ids, table[source], strict=True)]
    return table
