"""Domain estimates of means, proportions and totals with linearised standard errors.

A domain estimate is computed on the whole sample with the weights of rows outside the domain
(or with a missing value) set to zero, so its variance keeps every stratum and PSU of the
design (Lumley 2010, "Complex Surveys", section 2.3), as R's svyby() and na.rm = TRUE do.
Rows are read in blocks (`_codes.chunks`): one pass for the sums, one for the variance.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import special  # the t distribution's functions; scipy.stats costs 0.7 s more to import

from analysis._codes import cached_factorize, chunks, column

if TYPE_CHECKING:  # design.py imports this module
    from analysis.design import Design
    from analysis.replicates import ReplicateDesign

CONFIDENCE = 0.95

Reader = Callable[[slice], tuple[np.ndarray, np.ndarray]]
Influence = Callable[[slice], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Variable:
    """What is estimated: `read(rows)` gives values y (rows x width, 0 where not valid) and the
    validity of each row; `categories` labels the columns of a categorical variable."""

    name: str
    read: Reader
    width: int
    categories: pd.Index | None


@dataclass(frozen=True)
class Estimates:
    """Estimates (domains x width), valid rows per domain, the domain index (None: no domains),
    and `influence(rows)` = (domain code, influence values rows x width) of a block of rows;
    the code is n_domains for rows outside every domain."""

    estimate: np.ndarray
    count: np.ndarray
    domains: pd.Index | None
    influence: Influence


def variable(design: "Design | ReplicateDesign", name: str) -> Variable:
    """A numeric column as itself; a categorical, string, object or bool one as indicators."""
    series = column(design.data, name)
    if _is_categorical(series):
        codes, levels = cached_factorize(design.data, name, design._cache)
        return Variable(name, lambda rows: _indicators(codes[rows], len(levels)), len(levels), levels)
    if not pd.api.types.is_numeric_dtype(series):
        raise ValueError(f"column {name!r} is neither numeric nor categorical")
    values = _numbers(series)

    def read(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        v = values[rows].astype(np.float64, copy=False)
        if np.isinf(v).any():
            raise ValueError(f"column {name!r} has infinite values")
        valid = ~np.isnan(v)
        return np.where(valid, v, 0.0)[:, None], valid
    return Variable(name, read, 1, None)


def indicator(design: "Design", name: str, levels: Sequence, missing: Sequence) -> Variable:
    """1 where the answer is in `levels`, 0 for other valid answers; blanks and `missing` are invalid."""
    levels, missing = list(levels), list(missing)
    if not levels or set(levels) & set(missing):
        raise ValueError(f"levels {levels!r} must be non-empty and disjoint from missing codes {missing!r}")
    series = column(design.data, name)
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        valid_all = (series.notna() & ~series.isin(missing)).to_numpy()
        hit_all = series.isin(levels).to_numpy() & valid_all
        return Variable(name, lambda rows: (hit_all[rows, None].astype(np.float64), valid_all[rows]), 1, None)
    values = _numbers(series)

    def read(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        v = values[rows]
        valid = ~_member(v, missing)
        if v.dtype.kind == "f":
            valid &= ~np.isnan(v)
        return _member(v, levels)[:, None].astype(np.float64), valid
    return Variable(name, read, 1, None)


def _member(values: np.ndarray, codes: list) -> np.ndarray:
    """values in codes, by comparisons (faster than np.isin for a few codes)."""
    hit = values == codes[0] if codes else np.zeros(len(values), dtype=bool)
    for code in codes[1:]:
        hit |= values == code
    return hit


def _numbers(series: pd.Series) -> np.ndarray:
    """The column's numpy values without copying when it has a plain numpy dtype."""
    if isinstance(series.dtype, np.dtype):
        return series.to_numpy()
    return series.to_numpy(np.float64, na_value=np.nan)


def _indicators(codes: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    valid = codes >= 0
    y = np.zeros((len(codes), width))
    y[np.flatnonzero(valid), codes[valid]] = 1.0
    return y, valid


def _is_categorical(series: pd.Series) -> bool:
    dtype = series.dtype
    return (isinstance(dtype, pd.CategoricalDtype) or pd.api.types.is_bool_dtype(dtype)
            or pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype))


def estimates(design: "Design", var: Variable, by, kind: str) -> Estimates:
    """Means ("mean") or totals ("total") of `var` in the domains of `by`.

    Mean: the ratio sum(w y) / sum(w), influence u_i = w_i (y_i - mean) / sum(w).
    Total: sum(w y), influence u_i = w_i y_i. Rows outside every domain, or whose value is
    missing, get the extra domain code n_domains: their sums land in a column that is dropped,
    which is cheaper than zeroing their weights.
    """
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    weights = design.weights

    def block(rows: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        y, valid = var.read(rows)
        domain = codes[rows].astype(np.int64)
        return np.where(valid & (domain >= 0), domain, n_domains), weights[rows], y

    total_w, sums, count = _sums(block, len(weights), n_domains + 1, var.width)
    estimate, influence = (_ratio if kind == "mean" else _total)(total_w, sums)

    def influence_of(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        domain, w, y = block(rows)
        return domain, influence(domain, w, y)
    return Estimates(estimate[:n_domains], count[:n_domains], domains, influence_of)


def _sums(block, n: int, n_domains: int, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """sum(w), sum(w y) and the number of rows per domain."""
    total_w, sums, count = np.zeros(n_domains), np.zeros((n_domains, width)), np.zeros(n_domains, np.int64)
    for rows in chunks(n):
        domain, w, y = block(rows)
        total_w += np.bincount(domain, w, n_domains)
        count += np.bincount(domain, minlength=n_domains)
        for k in range(width):
            sums[:, k] += np.bincount(domain, w * y[:, k], n_domains)
    return total_w, sums, count


def _ratio(total_w: np.ndarray, sums: np.ndarray):
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = sums / total_w[:, None]
    inverse, centre = 1.0 / np.where(total_w > 0, total_w, 1.0), np.nan_to_num(mean)
    return mean, lambda d, w, y: (w * inverse[d])[:, None] * (y - centre[d])


def _total(total_w: np.ndarray, sums: np.ndarray):
    return sums, lambda d, w, y: w[:, None] * y


def variance(design: "Design", influence: Influence, n_domains: int, width: int) -> np.ndarray:
    """Variances of the n_domains x width estimates whose influence values `influence` gives.

    Its domain codes may also be n_domains (rows outside every domain), a column dropped here.
    """
    acc = design._linearization.accumulator((n_domains + 1) * width)
    for rows in chunks(len(design.weights)):
        domain, x = influence(rows)
        for k in range(width):
            acc.add(rows, domain * width + k if width > 1 else domain, x[:, k])
    return acc.variance()[: n_domains * width]


def table(design: "Design", var: Variable, by, kind: str) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n per domain (and category)."""
    est = estimates(design, var, by, kind)
    se = np.sqrt(variance(design, est.influence, len(est.count), var.width))
    frame = interval_frame(est.estimate.ravel(), se, design.df)
    frame["n"] = np.repeat(est.count, var.width)
    frame.index = _index(est.domains, var)
    return frame


def interval_frame(estimate: np.ndarray, se: np.ndarray, df: float) -> pd.DataFrame:
    """estimate, se and the t interval estimate -/+ t(0.975, df) se (NaN when df <= 0)."""
    t = special.stdtrit(df, 0.5 + CONFIDENCE / 2) if df > 0 else np.nan
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
