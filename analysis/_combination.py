"""Affine combinations of domain ratio estimators (composite indices), with linearised SEs.

Each ratio R_k = sum(w y_k) / sum(w) is taken over the rows of the domain where item k is
valid (its own missing answers are left out, as in `Design.mean`). A combination is

    theta_j = c_j + sum_k C_jk R_k,

and by the delta method (Binder 1983; Lumley 2010, "Complex Surveys", appendix C) its influence
values are the same combination of the items' influence values

    u_ji = sum_k C_jk w_i d_ki (y_ki - R_k) / sum_i' w_i' d_ki'     (d_ki = 1 when item k is valid),

summed row by row before the design variance is taken (`_estimate.variance`: strata, PSUs,
fpc and the calibration adjustment). Covariances between items answered by the same people
therefore count; nothing assumes the items independent. This is R's
svycontrast(svytotal(~y1 + d1 + y2 + d2 + ...), quote(c + C1 * y1 / d1 + ...)).
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis import _estimate
from analysis._codes import chunks


@dataclass(frozen=True)
class Ratio:
    """One ratio estimator: the mean of column `var` over its valid values.

    With `levels` it is the share of valid answers in `levels` (the top-box share), else the
    mean of a numeric column. Blanks and answers in `missing` are not valid (by default 9 for
    a share, as `Design.top_box`, and nothing for a mean, as `Design.mean`); with `bounds` =
    (low, high), numeric values outside [low, high] are not valid either.
    """

    var: str
    levels: Sequence | None = None
    missing: Sequence | None = None
    bounds: tuple[float, float] | None = None


def combination_table(design, ratios: Sequence[Ratio], coefficients, constants=None,
                      names: Sequence[Hashable] | None = None, by=None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n, n_min, effective_n of each combination in each domain.

    n: rows of the domain with a valid value for at least one item used (coefficient not 0);
    n_min: the smallest number of valid values among those items; effective_n: Kish's
    (sum w)^2 / sum w^2 over the n rows. Rows: combination (then the `by` domains).
    """
    items = [_variable(design, ratio) for ratio in ratios]
    matrix, offsets, labels = _checked(coefficients, constants, names, len(items))
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    sums = _Sums(design, items, codes, n_domains, matrix != 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = sums.weighted / sums.weight          # domains x items
    estimate = offsets[None, :] + np.nan_to_num(ratio) @ matrix.T
    estimate[(np.isnan(ratio)[:, :, None] & (matrix != 0).T[None]).any(axis=1)] = np.nan
    variance = _estimate.variance(design, _influence(design, items, codes, n_domains, sums, ratio, matrix),
                                  n_domains, len(labels))
    se = np.where(np.isnan(estimate.ravel()), np.nan, np.sqrt(variance))
    frame = _estimate.interval_frame(estimate.ravel(), se, design.df)
    frame["n"], frame["n_min"], frame["effective_n"] = sums.per_combination(matrix)
    frame.index = _index(domains, labels)
    if domains is None:
        return frame
    return frame.iloc[np.arange(len(frame)).reshape(n_domains, len(labels)).T.ravel()]  # combination-major


def _variable(design, ratio: Ratio) -> _estimate.Variable:
    """The item as 0/1 indicators (levels) or numbers, validity narrowed by missing codes and bounds."""
    if ratio.levels is not None:
        return _estimate.indicator(design, ratio.var, ratio.levels, (9,) if ratio.missing is None else ratio.missing)
    base = _estimate.variable(design, ratio.var)
    if base.categories is not None:
        raise ValueError(f"column {ratio.var!r} is categorical: give the levels of its share")
    missing, bounds = list(ratio.missing or ()), ratio.bounds

    def read(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        y, valid = base.read(rows)
        valid = valid & ~np.isin(y[:, 0], missing)
        if bounds is not None:
            valid &= (y[:, 0] >= bounds[0]) & (y[:, 0] <= bounds[1])
        return np.where(valid[:, None], y, 0.0), valid
    return _estimate.Variable(ratio.var, read, 1, None)


def _checked(coefficients, constants, names, n_items: int) -> tuple[np.ndarray, np.ndarray, list]:
    matrix = np.asarray(coefficients, dtype=np.float64)
    if n_items == 0 or matrix.ndim != 2 or matrix.shape[1] != n_items or not np.isfinite(matrix).all():
        raise ValueError(f"coefficients must be a finite (combinations x {n_items} ratios) matrix, "
                         f"got shape {matrix.shape}")
    offsets = np.zeros(len(matrix)) if constants is None else np.asarray(constants, dtype=np.float64)
    if offsets.shape != (len(matrix),) or not np.isfinite(offsets).all():
        raise ValueError(f"constants must be {len(matrix)} finite numbers, one per combination")
    labels = list(range(len(matrix))) if names is None else list(names)
    if len(labels) != len(matrix) or len(set(labels)) != len(labels):
        raise ValueError(f"names must be {len(matrix)} distinct labels, one per combination")
    return matrix, offsets, labels


class _Sums:
    """Per domain and item: sum(w), sum(w y), valid rows; per domain and combination: rows with a
    valid item used, and their sum(w) and sum(w^2) for Kish's effective n."""

    def __init__(self, design, items: list[_estimate.Variable], codes: np.ndarray, n_domains: int,
                 used: np.ndarray):
        k, j = len(items), len(used)
        self.weight, self.weighted, self.count = np.zeros((3, n_domains + 1, k))
        self.rows, self.w1, self.w2 = np.zeros((3, n_domains + 1, j))
        w = design.weights
        for rows in chunks(len(w)):
            domain = np.where(codes[rows] >= 0, codes[rows], n_domains).astype(np.int64)
            for index, item in enumerate(items):
                y, valid = item.read(rows)
                self._add(index, np.where(valid, domain, n_domains), w[rows], y[:, 0])
            self._add_any(rows, items, domain, w[rows], used)
        self.weight, self.weighted, self.count = self.weight[:-1], self.weighted[:-1], self.count[:-1]

    def _add(self, index: int, domain: np.ndarray, w: np.ndarray, y: np.ndarray) -> None:
        size = len(self.weight)
        self.weight[:, index] += np.bincount(domain, w, size)
        self.weighted[:, index] += np.bincount(domain, w * y, size)
        self.count[:, index] += np.bincount(domain, minlength=size)

    def _add_any(self, rows: slice, items, domain: np.ndarray, w: np.ndarray, used: np.ndarray) -> None:
        valid = np.column_stack([item.read(rows)[1] for item in items]).astype(np.float64)
        size = len(self.rows)
        for j, counted in enumerate(((valid @ used.T.astype(np.float64)) > 0).T):
            inside = np.where(counted, domain, size - 1)
            self.rows[:, j] += np.bincount(inside, minlength=size)
            self.w1[:, j] += np.bincount(inside, w, size)
            self.w2[:, j] += np.bincount(inside, w * w, size)

    def per_combination(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """n, n_min and effective n, flattened domain-major like the estimates."""
        counts = np.where((matrix != 0)[None], self.count[:, None, :], np.inf).min(axis=2)
        with np.errstate(divide="ignore", invalid="ignore"):
            kish = self.w1[:-1] ** 2 / self.w2[:-1]
        return self.rows[:-1].ravel().astype(np.int64), counts.ravel().astype(np.int64), kish.ravel()


def _influence(design, items, codes: np.ndarray, n_domains: int, sums: _Sums, ratio: np.ndarray,
               matrix: np.ndarray) -> _estimate.Influence:
    """Rows' influence values on every combination: sum_k C_jk w d_k (y_k - R_k) / sum(w d_k)."""
    inverse = np.vstack([1.0 / np.where(sums.weight > 0, sums.weight, 1.0), np.zeros((1, len(items)))])
    centre = np.vstack([np.nan_to_num(ratio), np.zeros((1, len(items)))])
    w = design.weights

    def influence(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        domain = np.where(codes[rows] >= 0, codes[rows], n_domains).astype(np.int64)
        u = np.empty((len(domain), len(items)))
        for k, item in enumerate(items):
            y, valid = item.read(rows)
            u[:, k] = np.where(valid, w[rows] * inverse[domain, k] * (y[:, 0] - centre[domain, k]), 0.0)
        return domain, u @ matrix.T
    return influence


def _index(domains: pd.Index | None, labels: list) -> pd.Index:
    """Domain-major rows (as the estimates are computed): (combination, domain...), or the combinations."""
    if domains is None:
        return pd.Index(labels, name="combination")
    outer = np.repeat(np.arange(len(domains)), len(labels))
    inner = np.tile(np.arange(len(labels)), len(domains))
    arrays = [pd.Index(labels).take(inner)] + [domains.get_level_values(i).take(outer) for i in range(domains.nlevels)]
    return pd.MultiIndex.from_arrays(arrays, names=["combination", *domains.names])
