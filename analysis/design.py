"""The survey design object: data, weights, strata, clusters and finite population corrections."""

from collections.abc import Sequence
from functools import cached_property
from typing import overload

import numpy as np
import pandas as pd

from analysis import _deff, _estimate, _stages, proportion
from analysis._calibration import Calibration
from analysis._codes import column, compact, domains
from analysis._combination import Ratio, combination_table
from analysis._greg import Greg
from analysis._quantile import quantile_table
from analysis._ratio import ratio_table
from analysis._structure import Structure
from analysis._variance import Linearization
from analysis.replicates import ReplicateDesign, from_design

By = str | Sequence[str] | None


class Design:
    """A one-stage survey design, as R's `svydesign(ids = ~cluster or ~1, strata = ~strata,
    weights = ~weights, fpc = ~fpc, data = data)`.

    - `weights`: column of sampling weights (non-negative, finite). Without it every row weighs
      1, except that with an `fpc` the weights are N_h / n_h as R derives them from the fpc.
    - `strata`: column of strata; `cluster`: column of primary sampling units (PSUs), taken
      within strata (R's nest = TRUE); without it every row is a PSU.
    - `fpc`: column holding, per stratum, the population size (number of PSUs for a cluster
      design) or, when every value is <= 1, the sampling fraction.
    - Multistage: `cluster` and `fpc` as lists, one column per stage (R's ids = ~psu + ssu,
      fpc = ~N1 + N2; the last cluster may be None: every row its own unit), `strata` a column
      or a list per stage; R's multistage variance (see `_stages`). Without fpc only the first
      stage counts (ultimate cluster), as in R.
    - `lonely_psu`: R's options(survey.lonely.psu) for strata with a single PSU: "fail"
      (ValueError naming the stratum), "remove", "certainty", "adjust" or "average".

    Estimates use Taylor linearisation with strata, PSUs and fpc (Lumley 2010, "Complex
    Surveys", section 2.2 and appendix C), and after calibration the residual adjustment of
    R's postStratify()/rake(). Confidence intervals are Student t with the design's degrees of
    freedom `df` = PSUs - strata (R's `degf`), as `confint(est, df = degf(design))`.

    A design never changes: rake(), poststratify() and trim() return new designs. It keeps a
    reference to `data` (no copy, as data can be large) and caches integer codes of the columns
    it has used, so the DataFrame must not be modified while the design is in use.
    """

    def __init__(self, data: pd.DataFrame, weights: str | None = None, strata: _stages.Columns = None,
                 cluster: _stages.Columns = None, fpc: _stages.Columns = None, lonely_psu: str = "fail"):
        if not isinstance(data, pd.DataFrame):
            raise ValueError("data must be a pandas DataFrame")
        structure = _stages.build(data, strata, cluster, fpc, lonely_psu)
        w = structure.default_weights() if weights is None else _checked_weights(data, weights)
        self._setup(data, w, structure, None, {})

    def _setup(self, data: pd.DataFrame, weights: np.ndarray, structure: Structure,
               calibration: Calibration | Greg | None, cache: dict) -> None:
        weights.setflags(write=False)
        self._data, self._weights, self._structure = data, weights, structure
        self._calibration, self._cache = calibration, cache
        self._domain_df: dict = {}
        self._linearization = Linearization(structure, calibration)

    def _derive(self, weights: np.ndarray, calibration: Calibration | Greg | None) -> "Design":
        """A design on the same data and structure with new weights (for the adjustments)."""
        new = object.__new__(Design)
        new._setup(self._data, weights, self._structure, calibration, self._cache)
        return new

    def with_columns(self, columns: dict[str, pd.Series]) -> "Design":
        """The design with `columns` added to a copy of its data (e.g. indicators derived from
        answers), on the same rows, structure and weights; the data given stays as it was."""
        new = object.__new__(type(self))
        new._setup(self._data.assign(**columns), self._weights, self._structure, self._calibration, dict(self._cache))
        return new

    @property
    def data(self) -> pd.DataFrame:
        return self._data

    @property
    def weights(self) -> np.ndarray:
        """The current weights, one per row of `data` (read-only)."""
        return self._weights

    @property
    def calibrated(self) -> bool:
        return self._calibration is not None

    @cached_property
    def df(self) -> int:
        """Degrees of freedom: PSUs minus strata, counting only those with positive weight (R's degf)."""
        st, positive = self._structure, self._weights > 0
        if st.row_psu is None:
            psus = np.count_nonzero(positive)
        else:
            psus = np.count_nonzero(np.bincount(st.row_psu[positive], minlength=st.n_psus))
        strata = np.count_nonzero(np.bincount(st.row_stratum[positive], minlength=st.n_strata))
        return int(psus - strata)

    def domain_df(self, by: str | Sequence[str]) -> np.ndarray:
        """Degrees of freedom per `by` domain: PSUs minus strata with a positive weight in it (R's
        degf of the subset design, which svyby() hands to svyciprop)."""
        key = by if isinstance(by, str) else tuple(by)
        if key not in self._domain_df:
            codes, index = domains(self._data, by, self._cache)
            st, n = self._structure, len(index)
            inside = (self._weights > 0) & (codes >= 0)
            units = np.arange(len(codes)) if st.row_psu is None else st.row_psu
            self._domain_df[key] = _distinct(units[inside], codes[inside], n) - \
                _distinct(st.row_stratum[inside], codes[inside], n)
        return self._domain_df[key]

    def mean(self, var: str, by: By = None, deff: bool = False) -> pd.DataFrame:
        """Weighted mean of a numeric column, or category proportions of a categorical one.

        The mean is the ratio estimator sum(w y) / sum(w) over the domain's non-missing values,
        with influence values u_i = w_i (y_i - mean) / sum(w) inside the domain and 0 outside
        (domain estimation: the variance keeps the whole design), as R's svymean(na.rm = TRUE)
        and svyby(). A pandas Categorical, string/object or bool column gives one row per
        category (a Categorical keeps its categories and their order, others are sorted).
        Returns columns estimate, se, ci_low, ci_high (95 % t intervals with `df`) and n (rows
        with a non-missing value), one row per level of `by` (a column or list of columns).
        With `deff=True` a column deff: R's design effect (`_deff`).
        """
        return self._table(_estimate.variable(self, var), by, "mean", deff)

    def total(self, var: str, by: By = None, deff: bool = False) -> pd.DataFrame:
        """Weighted total sum(w y) (counts per category for a categorical column), as svytotal.

        Influence values are u_i = w_i y_i inside the domain; otherwise as `mean`.
        """
        return self._table(_estimate.variable(self, var), by, "total", deff)

    def _table(self, var: _estimate.Variable, by: By, kind: str, deff: bool) -> pd.DataFrame:
        table = _estimate.table(self, var, by, kind)
        if deff:
            table["deff"] = _deff.deff(self, var, by, kind, table["se"].to_numpy())
        return table

    def proportion(self, var: str, level, by: By = None, method: str = "logit", missing: Sequence = (),
                   df: float | None = None) -> pd.DataFrame:
        """Share of valid values of `var` in `level` with R's svyciprop interval (`proportion`).

        Columns estimate, se, ci_low, ci_high, n and df (R's: per domain with `by`); `method` one
        of logit (default), likelihood, beta, asin, mean (the Wald interval).
        """
        return proportion.proportion(self, var, level, by, method, missing, df)

    def top_box(self, var: str, levels: Sequence = (4, 5), by: By = None,
                missing: Sequence = (9,), method: str = "logit", df: float | None = None) -> pd.DataFrame:
        """Share of valid answers in `levels` (SIPAS "top-two-box" with the default levels).

        Answers in `missing` (default 9 = don't know / not applicable) or blank are not valid.
        Its SE is that of `mean`; the interval is svyciprop's `method`, the logit one by
        default, so it stays within [0, 1] (see `proportion`).
        """
        return proportion.proportion(self, var, levels, by, method, missing, df)

    def linear_combination(self, ratios: Sequence[Ratio], coefficients, constants=None,
                           names: Sequence | None = None, by: By = None, deff: bool = False) -> pd.DataFrame:
        """Estimates of c_j + sum_k C_jk R_k for each row j of `coefficients` (combinations x ratios).

        Each R_k is the mean or share of a `Ratio` over its own valid values in the domain (e.g.
        a composite index: the mean of several top-box shares). The SE comes from the combined
        influence values, so covariances between the items count (see `_combination`).
        Returns estimate, se, ci_low, ci_high (t with `df`), n (rows with any item used valid),
        n_min (fewest valid values of an item used) and effective_n (Kish, over the n rows),
        one row per combination (`names`, default 0, 1, ...), then per `by` domain; with
        `deff=True` a column deff (R's design effect on the combination's linearised variable, `_deff`).
        """
        return combination_table(self, ratios, coefficients, constants, names, by, deff)

    def ratio(self, numerator: str, denominator: str, by: By = None) -> pd.DataFrame:
        """sum(w y) / sum(w x) over rows with both values, as R's svyratio (see `_ratio`).

        Columns estimate, se, ci_low, ci_high (t with `df`), n; one row per `by` domain.
        """
        return ratio_table(self, numerator, denominator, by)

    def quantile(self, var: str, q: float | Sequence[float] = 0.5, by: By = None) -> pd.DataFrame:
        """Quantiles `q` of a numeric column with Woodruff's interval, as R's svyquantile in
        survey >= 4 with its defaults (see `_quantile`). Columns estimate, se, ci_low,
        ci_high, n; rows per quantile (and `by` domain, quantile last in the index).
        """
        return quantile_table(self, var, q, by)

    @overload
    def effective_n(self, by: None = None) -> float: ...
    @overload
    def effective_n(self, by: str | Sequence[str]) -> pd.Series: ...

    def effective_n(self, by: By = None) -> float | pd.Series:
        """Kish's (1965) effective sample size (sum w)^2 / sum w^2, overall or per domain."""
        total, square, _ = self._weight_sums(by)
        with np.errstate(divide="ignore", invalid="ignore"):
            return _per_domain(total ** 2 / square, by, self)

    @overload
    def deff_weighting(self, by: None = None) -> float: ...
    @overload
    def deff_weighting(self, by: str | Sequence[str]) -> pd.Series: ...

    def deff_weighting(self, by: By = None) -> float | pd.Series:
        """Kish's (1965) design effect of unequal weighting n / n_eff = n sum w^2 / (sum w)^2."""
        total, square, count = self._weight_sums(by)
        with np.errstate(divide="ignore", invalid="ignore"):
            return _per_domain(count * square / total ** 2, by, self)

    def _weight_sums(self, by: By) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        codes, index = self.domain_codes(by)
        inside, w = codes >= 0, self._weights
        n = 1 if index is None else len(index)
        total, square, count = (np.bincount(codes[inside], v, n) for v in (w[inside], w[inside] ** 2, None))
        return total, square, count.astype(np.float64)

    def domain_codes(self, by: By) -> tuple[np.ndarray, pd.Index | None]:
        """Row codes of the `by` domains (-1 where a `by` value is missing) and their index."""
        if by is None:
            return np.zeros(len(self._weights), dtype=np.int8), None
        return domains(self._data, by, self._cache)

    def to_replicates(self, type: str = "auto", replicates: int = 50, seed=None,
                      mse: bool = False) -> "ReplicateDesign":
        """The design as replicate weights, R's `as.svrepdesign(design, type, replicates, mse)`.

        `type`: "JK1" (unstratified), "JKn" (stratified), "auto" (whichever fits), "bootstrap"
        (R's Canty-Davison bootweights, with the fpc) or "subbootstrap" (Rao-Wu); `replicates`
        and `seed` (reproducible draws) for the bootstraps. See `analysis._replicate_weights`.
        """
        return from_design(self, type, replicates, seed, mse)

    def __repr__(self) -> str:
        st = self._structure
        kind = "calibrated " if self.calibrated else ""
        return f"<{kind}Design: {len(self._weights)} rows, {st.n_psus} PSUs in {st.n_strata} strata>"


def _per_domain(values: np.ndarray, by: By, design: Design) -> float | pd.Series:
    if by is None:
        return float(values[0])
    return pd.Series(values, index=design.domain_codes(by)[1])


def _distinct(units: np.ndarray, codes: np.ndarray, n: int) -> np.ndarray:
    """Number of distinct `units` per domain code (0..n-1)."""
    present, _ = compact(units.astype(np.int64) * n + codes, (int(units.max()) + 1 if len(units) else 1) * n)
    return np.bincount(present % n, minlength=n)


def _checked_weights(data: pd.DataFrame, name: str) -> np.ndarray:
    """The weights column as floats, refusing missing, infinite and negative values."""
    raw = column(data, name)
    if not pd.api.types.is_numeric_dtype(raw) or pd.api.types.is_bool_dtype(raw):
        raise ValueError(f"weights column {name!r} is not numeric")
    w = raw.to_numpy(np.float64, na_value=np.nan, copy=True)
    if not (np.isfinite(w).all() and w.min() >= 0):
        for bad, what in ((np.isnan(w), "missing"), (np.isinf(w), "infinite"), (w < 0, "negative")):
            if bad.any():
                raise ValueError(f"weights column {name!r} has {what} values (row {data.index[int(np.argmax(bad))]!r})")
    if w.sum() <= 0:
        raise ValueError(f"weights column {name!r} sums to zero")
    return w
