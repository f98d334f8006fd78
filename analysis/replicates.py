"""Replicate-weight designs: R's svrepdesign() and as.svrepdesign(), with the estimators of Design.

    design = ReplicateDesign(frame, repweights=[f"rw{r}" for r in range(80)], weights="w",
                             type="JK1")                      # weights as delivered
    design = Design(frame, weights="w", strata="unit").to_replicates("JKn")
    design.top_box("q05", by="unit")                          # SE from the replicates
"""

from collections.abc import Sequence
from functools import cached_property
from typing import overload

import numpy as np
import pandas as pd

from analysis import _estimate, _replicate_proportion, _replicate_statistics, _replicate_weights
from analysis import _replicate_estimate as rep
from analysis._codes import column, domains
from analysis._combination import Ratio
from analysis._replicate_combination import combination_table

By = str | Sequence[str] | None
TYPES = ("JK1", "JKn", "bootstrap", "subbootstrap", "BRR", "Fay", "other")


class ReplicateDesign:
    """A design given by replicate weights, as R's `svrepdesign(data, repweights, weights, type,
    combined.weights, rho, scale, rscales, mse)`.

    - `repweights`: the replicate weight columns (a list of names) or an array rows x replicates.
      With `combined_weights=True` (R's default) they are the replicates' full weights, else
      multipliers of `weights`.
    - `weights`: the full-sample weights column (every row 1 without it).
    - `type` sets R's defaults for `scale` and `rscales`: BRR 1 / R; Fay 1 / (R (1 - rho)^2);
      JK1 (R - 1) / R (multipliers: 1 / the largest multiplier of the first replicate);
      JKn needs `rscales` ((n_h - 1) / n_h for each replicate's stratum) unless the weights
      are multipliers (then 1 / each replicate's largest); bootstrap 1 / (R - 1); otherwise 1.
    - `mse`: centre the squared deviations on the estimate instead of the replicates' mean.

    The variance of an estimate is scale * sum_r rscales_r (theta_r - centre)^2 (R's svrVar);
    intervals are t with `df` = rank of the replicate weights - 1 (R's degf). Domains (`by`)
    are estimated with the weights of the rows outside set to 0, as R's svyby().
    """

    def __init__(self, data: pd.DataFrame, repweights, weights: str | None = None, type: str = "JK1",
                 scale: float | None = None, rscales=None, rho: float | None = None, mse: bool = False,
                 combined_weights: bool = True):
        if not isinstance(data, pd.DataFrame):
            raise ValueError("data must be a pandas DataFrame")
        full = np.ones(len(data)) if weights is None else _checked(column(data, weights), repr(weights))
        matrix = _replicate_matrix(data, repweights)
        scale, rscales = _scales(type, matrix, scale, rscales, rho, combined_weights)
        if not combined_weights:
            matrix = matrix * full[:, None]
        self._setup(data, full, matrix, scale, rscales, bool(mse))

    @classmethod
    def _from_parts(cls, data: pd.DataFrame, full: np.ndarray, matrix: np.ndarray, scale: float,
                    rscales: np.ndarray, mse: bool, df: int | None = None) -> "ReplicateDesign":
        """A design from analysis weights already checked (Design.to_replicates, calibration);
        `df` when it is known without the rank of the rows x replicates matrix."""
        new = object.__new__(cls)
        new._setup(data, full, matrix, scale, rscales, mse)
        if df is not None:
            new.df = df  # fills the cached property
        return new

    def _setup(self, data, full, matrix, scale, rscales, mse) -> None:
        weights = np.empty((len(full), matrix.shape[1] + 1))
        weights[:, 0], weights[:, 1:] = full, matrix
        weights.setflags(write=False)
        self._data, self._all_weights = data, weights
        self._cache: dict = {}  # factorized columns, as Design's
        self._domain_df: dict[tuple[str, ...], np.ndarray] = {}
        self.scale, self.rscales, self.mse = float(scale), np.asarray(rscales, dtype=np.float64), mse

    def _with_weights(self, weights: np.ndarray) -> "ReplicateDesign":
        """The design with new full-sample and replicate weights (calibration)."""
        return ReplicateDesign._from_parts(self._data, weights[:, 0], weights[:, 1:], self.scale,
                                           self.rscales, self.mse)

    @property
    def data(self) -> pd.DataFrame:
        return self._data

    @property
    def weights(self) -> np.ndarray:
        """The full-sample weights, one per row of `data` (read-only)."""
        return self._all_weights[:, 0]

    @property
    def repweights(self) -> np.ndarray:
        """The replicates' weights (rows x replicates, read-only; multipliers already applied)."""
        return self._all_weights[:, 1:]

    @cached_property
    def df(self) -> int:
        """Degrees of freedom: rank of the replicate weights minus 1 (R's degf for svyrep.design)."""
        return rep.rank(np.nan_to_num(self.repweights)) - 1

    def mean(self, var: str, by: By = None, deff: bool = False) -> pd.DataFrame:
        """Weighted mean (category proportions for a categorical column), as Design.mean; with
        `deff=True` a column deff, R's design effect on replicates (`_replicate_deff`)."""
        return rep.table(self, _estimate.variable(self, var), by, "mean", deff)

    def total(self, var: str, by: By = None, deff: bool = False) -> pd.DataFrame:
        """Weighted total (counts per category for a categorical column), as Design.total; `deff`
        as for `mean`."""
        return rep.table(self, _estimate.variable(self, var), by, "total", deff)

    def proportion(self, var: str, level, by: By = None, method: str = "logit", missing: Sequence = (),
                   df: float | None = None) -> pd.DataFrame:
        """Share of valid values of `var` in `level` with R's svyciprop interval on replicates:
        `method` logit (default), beta, asin or mean; columns as Design.proportion."""
        return _replicate_proportion.proportion(self, var, level, by, method, missing, df)

    def top_box(self, var: str, levels: Sequence = (4, 5), by: By = None, missing: Sequence = (9,),
                method: str = "logit", df: float | None = None) -> pd.DataFrame:
        """Share of valid answers in `levels`, as Design.top_box (logit interval by default)."""
        return _replicate_proportion.proportion(self, var, levels, by, method, missing, df)

    def ratio(self, numerator: str, denominator: str, by: By = None) -> pd.DataFrame:
        """sum(w y) / sum(w x) over rows with both values, SE from the replicates' ratios (R's
        svyratio on an svyrep.design); columns as Design.ratio."""
        return _replicate_statistics.ratio_table(self, numerator, denominator, by)

    def quantile(self, var: str, q: float | Sequence[float] = 0.5, by: By = None) -> pd.DataFrame:
        """Quantiles `q` with Woodruff's interval from the replicates (R's svyquantile on an
        svyrep.design, interval.type = "mean"); columns as Design.quantile."""
        return _replicate_statistics.quantile_table(self, var, q, by)

    def domain_df(self, by: str | Sequence[str]) -> np.ndarray:
        """Degrees of freedom of each `by` domain's rows taken as a design (R's svyby subsets)."""
        key = (by,) if isinstance(by, str) else tuple(by)
        if key not in self._domain_df:
            codes, index = domains(self._data, by, self._cache)
            self._domain_df[key] = _replicate_proportion.domain_df(self, codes, len(index))
        return self._domain_df[key]

    def linear_combination(self, ratios: Sequence[Ratio], coefficients, constants=None,
                           names: Sequence | None = None, by: By = None) -> pd.DataFrame:
        """c_j + sum_k C_jk R_k per combination and domain, as Design.linear_combination, with
        the SE from the combination computed on every replicate (R's svycontrast on replicates)."""
        return combination_table(self, ratios, coefficients, constants, names, by)

    @overload
    def effective_n(self, by: None = None) -> float: ...
    @overload
    def effective_n(self, by: str | Sequence[str]) -> pd.Series: ...

    def effective_n(self, by: By = None) -> float | pd.Series:
        """Kish's (1965) effective sample size (sum w)^2 / sum w^2 of the full-sample weights."""
        codes, index = self.domain_codes(by)
        inside, w = codes >= 0, self.weights
        size = 1 if index is None else len(index)
        total, square = (np.bincount(codes[inside], v, size) for v in (w[inside], w[inside] ** 2))
        with np.errstate(divide="ignore", invalid="ignore"):
            kish = total ** 2 / square
        return float(kish[0]) if index is None else pd.Series(kish, index=index)

    def domain_codes(self, by: By) -> tuple[np.ndarray, pd.Index | None]:
        """Row codes of the `by` domains (-1 where a `by` value is missing) and their index."""
        if by is None:
            return np.zeros(len(self._all_weights), dtype=np.int8), None
        return domains(self._data, by, self._cache)

    def __repr__(self) -> str:
        rows, replicates = self.repweights.shape
        return f"<ReplicateDesign: {rows} rows, {replicates} replicates>"


def _checked(values, name: str) -> np.ndarray:
    """Weights as floats; ValueError naming the column with missing, infinite or negative values."""
    if isinstance(values, pd.Series) and (not pd.api.types.is_numeric_dtype(values)
                                          or pd.api.types.is_bool_dtype(values)):
        raise ValueError(f"weights column {name} is not numeric")
    w = np.array(values, dtype=np.float64)
    for bad, what in ((np.isnan(w), "missing"), (np.isinf(w), "infinite"), (w < 0, "negative")):
        if bad.any():
            raise ValueError(f"weights column {name} has {what} values")
    return w


def _replicate_matrix(data: pd.DataFrame, repweights) -> np.ndarray:
    """rows x replicates from column names or an array, every column checked."""
    if isinstance(repweights, str) or not len(repweights):
        raise ValueError("repweights must name at least one column (a list) or be an array")
    if all(isinstance(name, str) for name in repweights):
        return np.column_stack([_checked(column(data, name), repr(name)) for name in repweights])
    matrix = np.asarray(repweights, dtype=np.float64)
    if matrix.ndim != 2 or len(matrix) != len(data):
        raise ValueError(f"repweights must be an array of {len(data)} rows x replicates, got shape {matrix.shape}")
    for r in range(matrix.shape[1]):
        _checked(matrix[:, r], f"{r} of repweights")
    return matrix


def _scales(kind: str, matrix: np.ndarray, scale, rscales, rho, combined: bool) -> tuple[float, np.ndarray]:
    """scale and rscales with R's svrepdesign() defaults for the type."""
    n = matrix.shape[1]
    if kind not in TYPES:
        raise ValueError(f"type must be one of {', '.join(TYPES)}, got {kind!r}")
    if kind == "Fay" and (rho is None or not 0 <= rho < 1):
        raise ValueError(f"type 'Fay' needs rho in [0, 1), got {rho!r}")
    if kind == "JKn" and rscales is None:
        if combined:
            raise ValueError("type 'JKn' with combined weights needs rscales, one per replicate")
        rscales = 1.0 / matrix.max(axis=0)
    defaults = {"BRR": 1.0 / n, "Fay": 1.0 / (n * (1 - (rho or 0)) ** 2),
                "JK1": (n - 1) / n if combined else 1.0 / matrix[:, 0].max(),
                "bootstrap": 1.0 / max(n - 1, 1), "subbootstrap": 1.0 / max(n - 1, 1)}
    if kind in ("BRR", "Fay") or scale is None:
        scale = defaults.get(kind, 1.0)
    rscales = np.ones(n) if rscales is None else np.asarray(rscales, np.float64).reshape(-1)
    if len(rscales) not in (1, n):
        raise ValueError(f"rscales has {len(rscales)} values: give one per replicate ({n})")
    rscales = np.repeat(rscales, n) if len(rscales) == 1 else rscales
    if not np.isfinite(scale) or scale < 0 or not (np.isfinite(rscales).all() and (rscales >= 0).all()):
        raise ValueError("scale and rscales must be finite and non-negative")
    return float(scale), rscales


# A jackknife has one replicate per PSU: beyond this many, rows x replicates would not fit in memory.
MAX_JACKKNIFE = 5000


def from_design(design, kind: str, replicates: int, seed, mse: bool) -> ReplicateDesign:
    """R's as.svrepdesign(design, type, replicates, mse) for a Design (see Design.to_replicates)."""
    if design.calibrated:
        raise ValueError("a calibrated design cannot be turned into replicates: its calibration "
                         "would be lost; make replicates of the design before calibration")
    st = design._structure
    kind = ("JKn" if st.n_strata > 1 else "JK1") if kind == "auto" else kind
    if kind in ("JK1", "JKn") and st.n_psus > MAX_JACKKNIFE:
        raise ValueError(f"a jackknife of {st.n_psus} PSUs needs as many replicates (at most "
                         f"{MAX_JACKKNIFE}): use type 'bootstrap'")
    multipliers, scale, rscales = _replicate_weights.multipliers(st, kind, replicates, seed)
    psu = np.arange(len(design.weights)) if st.row_psu is None else st.row_psu
    matrix = multipliers[psu] * design.weights[:, None]
    df = _replicate_df(st, kind, multipliers, np.bincount(psu, design.weights, len(multipliers)) > 0)
    return ReplicateDesign._from_parts(design.data, design.weights, matrix, scale, rscales, bool(mse), df)


def _replicate_df(st, kind: str, multipliers: np.ndarray, weighted: np.ndarray) -> int:
    """R's degf: the rank of the replicate weights minus 1. The rows of a PSU are its multipliers
    times positive weights (or 0), so the rank is that of the weighted PSUs' multipliers; a
    jackknife whose PSUs all weigh and whose strata all have two PSUs or more has rank
    PSUs - strata + 1 (each stratum's columns span its PSU contrasts and one common vector)."""
    if kind in ("JK1", "JKn") and weighted.all() and (st.stratum_psus > 1).all():
        return int(st.n_psus - st.n_strata)
    return rep.rank(multipliers[weighted]) - 1
