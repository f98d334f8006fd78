"""Intervals for a share on a replicate-weight design, as R's svyciprop() on an svyrep.design.

The share p and its variance V are those of `ReplicateDesign.mean` (R's svymean). The interval
of `method` (see `analysis.proportion` for the formulas) differs from the linearised design in
two ways, both R's:

- `logit`: svyglm(y ~ 1, family = quasibinomial) on replicates fits every replicate, so the SE
  of logit p is svrVar() of the replicates' logit p_r, not the delta method's sqrt(V) / (p (1 - p));
  A replicate whose share is 0 or 1 makes the interval [0, 1] (R's glm stops at some large
  coefficient instead);
- degrees of freedom: with `by`, svyby() hands svyciprop() the domain's rows as a design, whose
  degf is the rank of those rows' replicate weights minus 1.

`likelihood` is refused with a ValueError, as R gives no such interval on replicates: its
summary.svrepglm takes as dispersion sum(w r^2) / sum(w) of Pearson residuals r that carry
sqrt(W / (w / sum w)), W = w / mean(w), which makes it about the number of rows (not about 1), so
the profile of the deviance scaled by it never reaches the cut-off and svyciprop returns NA (or
fails in spline()) on every design and domain of the reference (`replicate_tests.csv`).
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis import _estimate
from analysis import _replicate_estimate as rep
from analysis import proportion as shares_module

METHODS = ("logit", "beta", "asin", "mean")


def proportion(design, var: str, level, by=None, method: str = "logit", missing: Sequence = (),
               df: float | None = None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n and df of the share of valid `var` values in `level`."""
    if method == "likelihood":
        raise ValueError("method 'likelihood' has no interval on a replicate design (R's svyciprop gives NA "
                         "there): use 'logit' or 'beta'")
    if method not in METHODS:
        raise ValueError(f"method {method!r} is not one of {', '.join(METHODS)} (for a replicate design)")
    levels = list(level) if isinstance(level, (list, tuple, set, frozenset, np.ndarray, pd.Index)) else [level]
    item = _estimate.indicator(design, var, levels, missing)
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    total = rep.sums(design, item, codes, n_domains)
    theta = rep.thetas(total, 1, "mean")
    variance = rep.variance(design, theta)
    dfs = np.full(n_domains, float(design.df if df is None else df)) if by is None or df is not None \
        else design.domain_df(by).astype(np.float64)
    if method == "logit":
        low, high = _logit(design, theta, dfs)
    else:
        rows = np.array([float(len(codes))]) if by is None else np.bincount(codes[codes >= 0], minlength=n_domains)
        shares = shares_module.Shares(theta[:, 0], variance, dfs, {"rows": rows.astype(np.float64)})
        low, high = shares_module.interval(shares, method)
    frame = pd.DataFrame({"estimate": theta[:, 0], "se": np.sqrt(variance), "ci_low": low, "ci_high": high,
                          "n": total.count, "df": dfs})
    frame.index = _estimate._index(domains, item)
    return frame


def _logit(design, theta: np.ndarray, dfs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """expit(logit p -/+ t se) with se from the replicates of logit p; [p, p] at 0 or 1, and
    [0, 1] when a replicate's share is 0 or 1 (its logit is infinite: no bound is informative)."""
    p = theta[:, 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        eta = np.log(theta / (1 - theta))
        se = np.where(np.isinf(eta[:, 1:]).any(axis=1), np.inf, np.sqrt(rep.variance(design, eta)))
        t = shares_module.t_quantile(dfs)
        low, high = shares_module.expit(eta[:, 0] - t * se), shares_module.expit(eta[:, 0] + t * se)
    flat, wide = ((p == 0) | (p == 1)) & np.isfinite(t), np.isinf(se) & np.isfinite(t)
    return np.where(flat, p, np.where(wide, 0.0, low)), np.where(flat, p, np.where(wide, 1.0, high))


def domain_df(design, codes: np.ndarray, n_domains: int) -> np.ndarray:
    """Rank of each domain's rows of replicate weights minus 1 (R's degf of svyby's subset)."""
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(n_domains + 1))
    weights = np.nan_to_num(design.repweights)
    return np.array([rep.rank(weights[order[bounds[d]:bounds[d + 1]]]) - 1 for d in range(n_domains)])
