"""Differences between two domain means (or top-box shares), with a two-sided t test."""

from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import special  # the t distribution's functions; scipy.stats costs 0.7 s more to import

from analysis import _estimate
from analysis.design import Design


@dataclass(frozen=True)
class Comparison:
    """estimate_a - estimate_b with its standard error, t interval and two-sided p-value."""

    estimate_a: float
    estimate_b: float
    difference: float
    se: float
    df: float
    t: float
    p_value: float
    ci_low: float
    ci_high: float

    def as_series(self) -> pd.Series:
        return pd.Series(asdict(self))


def compare(design: Design, var: str, by: str | Sequence[str], a: Hashable, b: Hashable,
            levels: Sequence | None = None, missing: Sequence = (9,)) -> Comparison:
    """Mean of `var` in domain `a` of `by` minus its mean in domain `b`, in one design.

    Both means come from the same sample, so the difference's influence values are
    u_a - u_b and its variance Var(a) + Var(b) - 2 Cov(a, b) is linearised jointly, as R's
    svycontrast() of the two domain means. With `levels` the means are top-box shares (see
    Design.top_box). The t test has the design's degrees of freedom, as
    confint(svycontrast(...), df = degf(design)) (verified so against R). R's svyttest(var ~ group),
    which tests a two-level column with df = degf - 1, is `analysis.ttest`.
    """
    if a == b:
        raise ValueError(f"compare needs two different domains, got {a!r} twice")
    est = _estimate.estimates(design, _numeric(design, var, levels, missing), by, "mean")
    assert est.domains is not None, "a by column always gives domains"
    first, second = (_position(est.domains, level, by) for level in (a, b))

    def contrast(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        domain, x = est.influence(rows)
        difference = np.where(domain == first, x[:, 0], 0.0) - np.where(domain == second, x[:, 0], 0.0)
        return np.zeros_like(domain), difference[:, None]
    variance = _estimate.variance(design, contrast, 1, 1)
    return _result(est.estimate[first, 0], est.estimate[second, 0], float(variance[0]), design.df)


def compare_designs(first: Design, second: Design, var: str, by: str | Sequence[str] | None = None,
                    level: Hashable = None, levels: Sequence | None = None,
                    missing: Sequence = (9,)) -> Comparison:
    """Mean of `var` in `first` minus its mean in `second`, two independent samples (e.g. years).

    With `by` and `level` both means are for that domain (e.g. one unit in two years). The
    variance is Var(first) + Var(second); the t test uses Satterthwaite's (1946) degrees of
    freedom (v1 + v2)^2 / (v1^2 / df1 + v2^2 / df2).
    """
    if (by is None) != (level is None):
        raise ValueError("compare_designs needs both by and level, or neither")
    means, variances, dfs = [], [], []
    for design in (first, second):
        frame = _estimate.table(design, _numeric(design, var, levels, missing), by, "mean")
        row = frame.iloc[0] if by is None else frame.iloc[_position(frame.index, level, by)]
        means.append(row.estimate)
        variances.append(row.se ** 2)
        dfs.append(design.df)
    total = sum(variances)
    with np.errstate(divide="ignore", invalid="ignore"):
        df = total ** 2 / (variances[0] ** 2 / dfs[0] + variances[1] ** 2 / dfs[1])
    return _result(means[0], means[1], total, float(df))


def _numeric(design: Design, var: str, levels: Sequence | None, missing: Sequence) -> _estimate.Variable:
    if levels is not None:
        return _estimate.indicator(design, var, levels, missing)
    item = _estimate.variable(design, var)
    if item.categories is not None:
        raise ValueError(f"column {var!r} is categorical: compare its top-box share with levels=")
    return item


def _position(domains: pd.Index, level: Hashable, by) -> int:
    if level not in domains:
        raise ValueError(f"level {level!r} is not a domain of {by!r}")
    return int(domains.get_loc(level))  # type: ignore[arg-type]  # unique domains: an int, never a slice or mask


def _result(mean_a: float, mean_b: float, variance: float, df: float) -> Comparison:
    difference, se = float(mean_a - mean_b), float(np.sqrt(variance))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = difference / se
    p = float(2 * special.stdtr(df, -abs(t))) if df > 0 else np.nan
    row = _estimate.interval_frame(np.array([difference]), np.array([se]), df).iloc[0]
    return Comparison(float(mean_a), float(mean_b), difference, se, float(df), float(t), p,
                      float(row.ci_low), float(row.ci_high))
