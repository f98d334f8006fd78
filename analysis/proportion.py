"""Confidence intervals for a proportion that stay within [0, 1], as R's `svyciprop`.

    design.proportion("q05", 5, by="unit", method="logit")   # estimate, se, ci_low, ci_high, n, df

The estimate p is the domain mean of the indicator "value in `level`" over valid values and its
variance V the linearised one of `Design.mean`. The 95 % interval (t quantile with `df`) is,
for each `method` of R's svyciprop (survey 4.1; Lumley 2010, "Complex Surveys", section 2.3.1):

- `logit` (default): expit(logit p -/+ t sqrt(V) / (p (1 - p))), the Wald interval of the
  intercept of the quasi-binomial `svyglm(y ~ 1)`;
- `likelihood`: the profile of that model's deviance, scaled by the design effect of the
  intercept (Rao-Scott), read off R's spline as `confint(..., method = "likelihood")` does
  (see `_profile`);
- `beta`: Korn and Graubard (1998): Clopper-Pearson with the effective sample size
  n* = p (1 - p) / V (t(n - 1) / t(df))^2, n the rows of the design the domain is taken from;
- `asin`: sin^2(asin sqrt p -/+ t sqrt(V) / (2 sqrt(p (1 - p))));
- `mean`: the Wald interval p -/+ t sqrt(V), which can leave [0, 1].

Degrees of freedom are R's: `degf` of the design, and with `by` the degf of each domain (PSUs
minus strata with a positive weight in the domain), as svyby(..., svyciprop) computes them on
the subset design. A domain whose answers are all in (or all out of) `level` has V = 0: logit
and mean give [p, p]; beta, asin and likelihood give NaN, as R does (R's likelihood fails).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from analysis import _estimate
from analysis._codes import chunks

METHODS = ("logit", "likelihood", "beta", "asin", "mean")
_HALF = (1 - _estimate.CONFIDENCE) / 2
# Only these intervals use more than p, V and df: the others skip `_sums`' pass over the rows.
_NEEDS_SUMS = ("beta", "likelihood")


@dataclass(frozen=True)
class Shares:
    """Per domain: estimate p, variance V, degrees of freedom, and the sums that the beta and
    likelihood methods need (empty for the others, which need no second pass over the rows)."""

    p: np.ndarray
    variance: np.ndarray
    df: np.ndarray
    sums: dict[str, np.ndarray]


def proportion(design, var: str, level, by=None, method: str = "logit", missing: Sequence = (),
               df: float | None = None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n and df of the share of valid `var` values in `level`.

    `level` is one value or a sequence of values; blanks and values in `missing` are not valid.
    `df` overrides R's degrees of freedom (as svyciprop's `df` argument).
    """
    if method not in METHODS:
        raise ValueError(f"method {method!r} is not one of {', '.join(METHODS)}")
    levels = list(level) if isinstance(level, (list, tuple, set, frozenset, np.ndarray, pd.Index)) else [level]
    item = _estimate.indicator(design, var, levels, missing)
    est = _estimate.estimates(design, item, by, "mean")
    variance = _estimate.variance(design, est.influence, len(est.count), 1)
    dfs = np.full(len(est.count), float(df)) if df is not None else \
        (np.array([float(design.df)]) if by is None else design.domain_df(by).astype(np.float64))
    sums = _sums(design, item, design.domain_codes(by)[0], len(est.count), by is not None) \
        if method in _NEEDS_SUMS else {}
    shares = Shares(est.estimate.ravel(), variance, dfs, sums)
    low, high = interval(shares, method)
    frame = pd.DataFrame({"estimate": shares.p, "se": np.sqrt(variance), "ci_low": low, "ci_high": high,
                          "n": est.count, "df": dfs})
    frame.index = _estimate._index(est.domains, item)
    return frame


def interval(shares: Shares, method: str) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper 95 % bounds of each domain's share by `method`."""
    if method == "likelihood":
        from analysis._profile import likelihood_interval
        return likelihood_interval(shares)
    return _INTERVALS[method](shares.p, shares.variance, shares.df, shares)


def t_quantile(df: float | np.ndarray) -> np.ndarray:
    """t(0.975, df), NaN where df <= 0 (R's confint gives NaN there)."""
    df = np.asarray(df, dtype=np.float64)
    return np.where(df > 0, special.stdtrit(np.where(df > 0, df, 1.0), 1 - _HALF), np.nan)


def expit(eta: np.ndarray) -> np.ndarray:
    """exp(eta) / (1 + exp(eta)), written as R's survey:::expit."""
    e = np.exp(eta)
    return e / (1 + e)


def logit_bounds(p: np.ndarray, variance: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """expit(logit p -/+ t sqrt(V) / (p (1 - p))); [p, p] where V = 0 (all or no answers in level)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        eta, se = np.log(p / (1 - p)), np.sqrt(variance) / (p * (1 - p))
        low, high = expit(eta - t * se), expit(eta + t * se)
    flat = (variance == 0) & np.isfinite(t)
    return np.where(flat, p, low), np.where(flat, p, high)


def _logit(p, variance, df, _shares) -> tuple[np.ndarray, np.ndarray]:
    return logit_bounds(p, variance, t_quantile(df))


def _mean(p, variance, df, _shares) -> tuple[np.ndarray, np.ndarray]:
    half = t_quantile(df) * np.sqrt(variance)
    return p - half, p + half


def _asin(p, variance, df, _shares) -> tuple[np.ndarray, np.ndarray]:
    """R: svycontrast(asin(sqrt(p))), bounds sin(.)^2 (so a bound past pi/2 folds back, as in R)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        root = np.sqrt(p)
        se = np.sqrt(variance) * (1 / (2 * root) / np.sqrt(1 - root ** 2))
        centre, half = np.arcsin(root), t_quantile(df) * se
        return np.sin(centre - half) ** 2, np.sin(centre + half) ** 2


def _beta(p, variance, df, shares: Shares) -> tuple[np.ndarray, np.ndarray]:
    """Korn-Graubard: Clopper-Pearson bounds with R's effective n (qbeta = betaincinv)."""
    rows = shares.sums["rows"]
    with np.errstate(divide="ignore", invalid="ignore"):
        n_eff = p * (1 - p) / variance
        n_eff = n_eff * (_t_lower(rows - 1) / _t_lower(df)) ** 2
        low = special.betaincinv(n_eff * p, n_eff * (1 - p) + 1, _HALF)
        high = special.betaincinv(n_eff * p + 1, n_eff * (1 - p), 1 - _HALF)
    return low, high


def _t_lower(df: np.ndarray) -> np.ndarray:
    """t(0.025, df) as R's qt: NaN for df < 0, -Inf for df = 0."""
    df = np.asarray(df, dtype=np.float64)
    value = special.stdtrit(np.where(df > 0, df, 1.0), _HALF)
    return np.where(df > 0, value, np.where(df == 0, -np.inf, np.nan))


_INTERVALS = {"logit": _logit, "mean": _mean, "asin": _asin, "beta": _beta}


def _sums(design, item: _estimate.Variable, codes: np.ndarray, n_domains: int, by: bool) -> dict[str, np.ndarray]:
    """Per domain, over the rows R's svyciprop sees (the domain's subset design under svyby):

    rows: rows of that design (all rows for a calibrated design, whose subset keeps every row
    with weight 0); weight_all: sum of weights of the domain's rows, valid or not; valid:
    rows with a valid value in that design; positive: valid rows of the domain with w > 0;
    w, wy: sums of w and w y over the domain's valid rows; pearson_rows: rows left once blanks
    are dropped (R drops them from an uncalibrated design, sets their weight to 0 otherwise).
    """
    names = ("rows", "weight_all", "valid_all", "valid", "positive", "w", "wy")
    out = {name: np.zeros(n_domains + 1) for name in names}
    w_all = design.weights
    for rows in chunks(len(w_all)):
        y, valid = item.read(rows)
        domain = np.where(codes[rows] >= 0, codes[rows], n_domains).astype(np.int64)
        w, y = w_all[rows], y[:, 0]
        inside = np.where(valid, domain, n_domains)
        _add(out, "rows", domain, None)
        _add(out, "weight_all", domain, w)
        out["valid_all"] += np.count_nonzero(valid)
        _add(out, "valid", inside, None)
        _add(out, "positive", np.where(w > 0, inside, n_domains), None)
        _add(out, "w", inside, w)
        _add(out, "wy", inside, w * y)
    out = {name: values[:n_domains] for name, values in out.items()}
    out["pearson_rows"] = out["rows"] if design.calibrated else out["valid"]
    if by and design.calibrated:  # R's subset of a calibrated design keeps every row (weight 0 outside)
        out["rows"] = out["pearson_rows"] = np.full(n_domains, float(len(w_all)))
        out["valid"] = out["valid_all"]
    return out


def _add(out: dict, name: str, key: np.ndarray, values: np.ndarray | None) -> None:
    out[name] += np.bincount(key, values, len(out[name]))
