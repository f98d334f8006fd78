"""Difference of means between the two groups of a column, as R's svyttest(var ~ group, design).

R fits svyglm(var ~ group): the coefficient of the group is mean(second level) - mean(first
level) (levels sorted as R sorts a factor's), and its sandwich SE equals that of the difference
of the two domain means (influence values u_second - u_first, see `compare`). The t test and
interval use R's degrees of freedom for that model, df = degf - 1, where degf counts the PSUs
and strata holding a row with both values (svyglm works on the complete rows).
"""

from collections.abc import Hashable
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import special

from analysis import _estimate
from analysis._codes import chunks
from analysis._inference import subset_df
from analysis.replicates import ReplicateDesign


@dataclass(frozen=True)
class TTest:
    """mean_second - mean_first with its SE, t statistic, df, two-sided p-value and 95 % interval."""

    first: Hashable
    second: Hashable
    mean_first: float
    mean_second: float
    difference: float
    se: float
    t: float
    df: float
    p_value: float
    ci_low: float
    ci_high: float

    def as_series(self) -> pd.Series:
        return pd.Series(asdict(self))


def ttest(design, var: str, group: str) -> TTest:
    """R's svyttest(var ~ group, design): `group` must have exactly two levels among its values.
    On a ReplicateDesign the SE comes from the replicates (`_replicate_tests`)."""
    if isinstance(design, ReplicateDesign):
        from analysis import _replicate_tests  # imported here: it builds on this module
        return _replicate_tests.ttest(design, var, group)
    item = numeric(design, var)
    est = _estimate.estimates(design, item, group, "mean")
    assert est.domains is not None, "a group column always gives domains"
    two_levels(group, est.domains)

    def contrast(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        domain, x = est.influence(rows)
        u = np.where(domain == 1, x[:, 0], 0.0) - np.where(domain == 0, x[:, 0], 0.0)
        return np.zeros_like(domain), u[:, None]
    se = float(np.sqrt(_estimate.variance(design, contrast, 1, 1)[0]))
    df = float(subset_df(design, _complete(design, item, group))[0] - 1)
    first, second = est.estimate[:, 0]
    return _result(est.domains, float(first), float(second), se, df)


def numeric(design, var: str) -> _estimate.Variable:
    """The variable tested, or a ValueError naming a categorical column."""
    item = _estimate.variable(design, var)
    if item.categories is not None:
        raise ValueError(f"column {var!r} is categorical: a t test needs a numeric column")
    return item


def two_levels(group: str, levels: pd.Index) -> None:
    """ValueError naming the group column unless it has exactly two levels."""
    if len(levels) != 2:
        raise ValueError(f"column {group!r} must have exactly two levels for a t test, it has {len(levels)}")


def _complete(design, item: _estimate.Variable, group: str) -> np.ndarray:
    """Rows with a value of both the variable and the group."""
    codes, _ = design.domain_codes(group)
    valid = np.concatenate([item.read(rows)[1] for rows in chunks(len(codes))])
    return valid & (codes >= 0)


def _result(levels: pd.Index, first: float, second: float, se: float, df: float) -> TTest:
    difference = second - first
    with np.errstate(divide="ignore", invalid="ignore"):
        t = difference / se
    p = float(2 * special.stdtr(df, -abs(t))) if df > 0 else np.nan
    half = float(special.stdtrit(df, 0.975)) * se if df > 0 else np.nan
    return TTest(levels[0], levels[1], first, second, difference, se, float(t), df, p,
                 difference - half, difference + half)
