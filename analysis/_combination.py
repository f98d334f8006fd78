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

from analysis import _deff, _estimate
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
                      names: Sequence[Hashable] | None = None, by=None, deff: bool = False) -> pd.DataFrame:
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
    ratio = sums.ratios()
    estimate = offsets[None, :] + np.nan_to_num(ratio) @ matrix.T
    estimate[(np.isnan(ratio)[:, :, None] & (matrix != 0).T[None]).any(axis=1)] = np.nan
    influence = _influence(design, items, codes, n_domains, sums, ratio, matrix)
    variance = _estimate.variance(design, influence, n_domains, len(labels))
    se = np.where(np.isnan(estimate.ravel()), np.nan, np.sqrt(variance))
    frame = _estimate.interval_frame(estimate.ravel(), se, design.df)
    frame["n"], frame["n_min"], frame["effective_n"], weight = sums.per_combination(matrix)
    if deff:
        n = frame["n"].to_numpy()
        frame["deff"] = _deff.combination_deff(design, influence, n_domains, len(labels), variance, n, weight)
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
    if not (matrix != 0).any(axis=1).all():
        raise ValueError(f"combination {int(np.argmin((matrix != 0).any(axis=1)))} uses no ratio "
                         "(all its coefficients are 0)")
    offsets = np.zeros(len(matrix)) if constants is None else np.asarray(constants, dtype=np.float64)
    if offsets.shape != (len(matrix),) or not np.isfinite(offsets).all():
        raise ValueError(f"constants must be {len(matrix)} finite numbers, one per combination")
    labels = list(range(len(matrix))) if names is None else list(names)
    if len(labels) != len(matrix) or len(set(labels)) != len(labels):
        raise ValueError(f"names must be {len(matrix)} distinct labels, one per combination")
    return matrix, offsets, labels


class _Sums:
    """Per domain and item: sum(w), sum(w y), sum(w^2) and valid rows. For Kish's effective n of a
    combination, the rows with a valid value for some item it uses: a combination using one item
    reads them from that item's sums, others from sums per distinct set of items used."""

    def __init__(self, design, items: list[_estimate.Variable], codes: np.ndarray, n_domains: int,
                 used: np.ndarray):
        self.sets, self.set_of = np.unique(used, axis=0, return_inverse=True)
        self.multi = {int(s): m for m, s in enumerate(np.flatnonzero(self.sets.sum(axis=1) > 1))}
        self.weight, self.weighted, self.square, self.count = np.zeros((4, n_domains + 1, len(items)))
        self.rows, self.w1, self.w2 = np.zeros((3, n_domains + 1, len(self.multi)))
        w = design.weights
        for rows in chunks(len(w)):
            domain = np.where(codes[rows] >= 0, codes[rows], n_domains).astype(np.int64)
            valid = np.empty((len(domain), len(items)), dtype=bool)
            for k, item in enumerate(items):
                y, valid[:, k] = item.read(rows)
                self._add(k, np.where(valid[:, k], domain, n_domains), w[rows], y[:, 0])
            self._add_sets(valid, domain, w[rows])

    def _add(self, k: int, domain: np.ndarray, w: np.ndarray, y: np.ndarray) -> None:
        size = len(self.weight)
        self.weight[:, k] += np.bincount(domain, w, size)
        self.weighted[:, k] += np.bincount(domain, w * y, size)
        self.square[:, k] += np.bincount(domain, w * w, size)
        self.count[:, k] += np.bincount(domain, minlength=size)

    def _add_sets(self, valid: np.ndarray, domain: np.ndarray, w: np.ndarray) -> None:
        size = len(self.rows)
        for s, m in self.multi.items():
            inside = np.where(valid[:, self.sets[s]].any(axis=1), domain, size - 1)
            self.rows[:, m] += np.bincount(inside, minlength=size)
            self.w1[:, m] += np.bincount(inside, w, size)
            self.w2[:, m] += np.bincount(inside, w * w, size)

    def ratios(self) -> np.ndarray:
        """R (domains x items); NaN where an item has no valid value in the domain."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.weighted[:-1] / self.weight[:-1]

    def per_combination(self, matrix: np.ndarray) -> tuple[np.ndarray, ...]:
        """n, n_min, effective n and sum of weights, flattened domain-major like the estimates."""
        counts = np.where((matrix != 0)[None], self.count[:-1, None, :], np.inf).min(axis=2)
        columns = [self._set_sums(s) for s in self.set_of]
        rows, w1, w2 = (np.column_stack([c[part] for c in columns]) for part in range(3))
        with np.errstate(divide="ignore", invalid="ignore"):
            kish = w1 ** 2 / w2
        return rows.ravel().astype(np.int64), counts.ravel().astype(np.int64), kish.ravel(), w1.ravel()

    def _set_sums(self, s: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if s in self.multi:
            m = self.multi[s]
            return self.rows[:-1, m], self.w1[:-1, m], self.w2[:-1, m]
        (k,) = np.flatnonzero(self.sets[s])
        return self.count[:-1, k], self.weight[:-1, k], self.square[:-1, k]


def _influence(design, items, codes: np.ndarray, n_domains: int, sums: _Sums, ratio: np.ndarray,
               matrix: np.ndarray) -> _estimate.Influence:
    """Rows' influence values on every combination: sum_k C_jk w d_k (y_k - R_k) / sum(w d_k)."""
    weight = sums.weight[:-1]
    inverse = np.vstack([1.0 / np.where(weight > 0, weight, 1.0), np.zeros((1, len(items)))])
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
