"""Domain estimates of means, proportions and totals with linearised standard errors.

A domain estimate is computed on the whole sample with the weights of rows outside the domain
(or with a missing value) set to zero, so its variance keeps every stratum and PSU of the
design (Lumley 2010, "Complex Surveys", section 2.3), as R's svyby() and na.rm = TRUE do.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis._codes import cached_factorize, column
from analysis._variance import Influence

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Variable:
    """What is estimated: values y (rows x K, 0 where not valid) and the category labels if any."""

    name: str
    y: np.ndarray
    valid: np.ndarray
    categories: pd.Index | None


@dataclass(frozen=True)
class Estimates:
    """Estimates (domains x K), their influence values, valid rows per domain, domain index."""

    estimate: np.ndarray
    influence: Influence
    count: np.ndarray
    domains: pd.Index | None


def variable(design, name: str) -> Variable:
    """A numeric column as itself; a categorical, string, object or bool one as indicators."""
    series = column(design.data, name)
    if _is_categorical(series):
        codes, levels = cached_factorize(design.data, name, design._cache)
        valid = codes >= 0
        y = np.zeros((len(codes), len(levels)))
        y[np.flatnonzero(valid), codes[valid]] = 1.0
        return Variable(name, y, valid, levels)
    if not pd.api.types.is_numeric_dtype(series):
        raise ValueError(f"column {name!r} is neither numeric nor categorical")
    values = series.to_numpy(np.float64, na_value=np.nan)
    if np.isinf(values).any():
        raise ValueError(f"column {name!r} has infinite values")
    valid = ~np.isnan(values)
    return Variable(name, np.where(valid, values, 0.0)[:, None], valid, None)


def indicator(design, name: str, levels: Sequence, missing: Sequence) -> Variable:
    """1 where the answer is in `levels`, 0 for other valid answers; blanks and `missing` are invalid."""
    levels, missing = list(levels), list(missing)
    if not levels or set(levels) & set(missing):
        raise ValueError(f"levels {levels!r} must be non-empty and disjoint from missing codes {missing!r}")
    series = column(design.data, name)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        values = series.to_numpy(np.float64, na_value=np.nan)
        valid = ~np.isnan(values) & ~np.isin(values, missing)
        hit = np.isin(values, levels)
    else:
        valid = (series.notna() & ~series.isin(missing)).to_numpy()
        hit = series.isin(levels).to_numpy()
    return Variable(name, (hit & valid).astype(np.float64)[:, None], valid, None)


def _is_categorical(series: pd.Series) -> bool:
    dtype = series.dtype
    return (isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_bool_dtype(dtype)
            or pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype))


Estimator = Callable[[np.ndarray, np.ndarray, np.ndarray, int], tuple[np.ndarray, np.ndarray]]


def ratio(w: np.ndarray, domain: np.ndarray, y: np.ndarray, n_domains: int) -> tuple[np.ndarray, np.ndarray]:
    """Means sum(w y) / sum(w) per domain; influence u_i = w_i (y_i - mean) / sum(w).

    `w` is zero outside the domains, so those rows have no influence.
    """
    total_w = np.bincount(domain, w, n_domains)
    sums = np.column_stack([np.bincount(domain, w * y[:, k], n_domains) for k in range(y.shape[1])])
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = sums / total_w[:, None]
    share = w / np.where(total_w > 0, total_w, 1.0)[domain]
    return mean, share[:, None] * (y - np.nan_to_num(mean)[domain])


def total(w: np.ndarray, domain: np.ndarray, y: np.ndarray, n_domains: int) -> tuple[np.ndarray, np.ndarray]:
    """Totals sum(w y) per domain; influence u_i = w_i y_i."""
    x = w[:, None] * y
    sums = np.column_stack([np.bincount(domain, x[:, k], n_domains) for k in range(y.shape[1])])
    return sums, x


def estimates(design, var: Variable, by, estimator: Estimator) -> Estimates:
    """Estimates of `var` in the domains of `by` and their influence values."""
    codes, domains = design.domain_codes(by)
    inside = var.valid & (codes >= 0)
    domain = np.where(inside, codes, 0)
    n_domains = 1 if domains is None else len(domains)
    estimate, x = estimator(np.where(inside, design.weights, 0.0), domain, var.y, n_domains)
    count = np.bincount(domain, inside, n_domains).astype(np.int64)
    return Estimates(estimate, Influence(domain, x, n_domains), count, domains)


def table(design, var: Variable, by, estimator: Estimator) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n per domain (and category)."""
    est = estimates(design, var, by, estimator)
    se = np.sqrt(design._linearization.variance(est.influence))
    k = var.y.shape[1]
    frame = interval_frame(est.estimate.ravel(), se, design.df)
    frame["n"] = np.repeat(est.count, k)
    frame.index = _index(est.domains, var)
    return frame


def interval_frame(estimate: np.ndarray, se: np.ndarray, df: float) -> pd.DataFrame:
    """estimate, se and the t interval estimate -/+ t(0.975, df) se (NaN when df <= 0)."""
    t = stats.t.ppf(0.5 + CONFIDENCE / 2, df) if df > 0 else np.nan
    return pd.DataFrame({"estimate": estimate, "se": se, "ci_low": estimate - t * se, "ci_high": estimate + t * se})


def _index(domains: pd.Index | None, var: Variable) -> pd.Index:
    """Rows: the variable (or its categories), per domain when there are domains."""
    if domains is None:
        return var.categories.rename(var.name) if var.categories is not None else pd.Index([var.name])
    if var.categories is None:
        return domains
    outer = domains.repeat(len(var.categories))
    arrays = [outer.get_level_values(i) for i in range(outer.nlevels)]
    inner = var.categories.take(np.tile(np.arange(len(var.categories)), len(domains)))
    return pd.MultiIndex.from_arrays([*arrays, inner], names=[*domains.names, var.name])
