"""Ratios and quantiles of replicate-weight designs, as R's svyratio and svyquantile on an
svyrep.design (survey 4.1).

- Ratio: R = sum(w y) / sum(w x) over the domain's rows where both values are present, computed
  with the full-sample weights and with each replicate's; its variance is svrVar of the
  replicates' ratios (`_replicate_estimate.variance`). Interval R -/+ t(0.975, df) SE with the
  design's df, as confint(r, df = degf(design)).
- Quantile: R's qrule "math" on the full-sample weights (`_quantile`), and R's default
  interval.type = "mean" (Woodruff 1952): the share m of the domain at or below the quantile,
  its SE from the replicates' shares, m -/+ t(0.975, df) SE mapped back through the rule; df is
  the degf of the rows with a value (rank of their replicate weights - 1, as R recomputes it on
  `design[!is.na(x), ]`), per domain with `by`. SE = (upper - lower) / (2 t(0.975, df)).

Both read the rows once per set of sums, every replicate at once (one sparse product per block).
"""

import numpy as np
import pandas as pd
from scipy import special

from analysis import _estimate, _quantile
from analysis import _replicate_estimate as rep
from analysis._inference import numeric_values
from analysis._replicate_proportion import domain_df


def ratio_table(design, numerator: str, denominator: str, by=None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n (rows with both values) per domain of `by`."""
    y, x = numeric_values(design, numerator), numeric_values(design, denominator)
    both = ~np.isnan(y) & ~np.isnan(x)
    pair = np.column_stack([np.nan_to_num(y), np.nan_to_num(x)])
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    item = _estimate.Variable("ratio", lambda rows: (pair[rows], both[rows]), 2, None)
    total = rep.sums(design, item, codes, n_domains)
    with np.errstate(divide="ignore", invalid="ignore"):
        theta = total.weighted[0::2] / total.weighted[1::2]
    se = np.sqrt(rep.variance(design, theta))
    frame = _estimate.interval_frame(theta[:, 0], np.where(np.isnan(theta[:, 0]), np.nan, se), design.df)
    frame["n"] = total.count
    frame.index = pd.Index([f"{numerator}/{denominator}"]) if domains is None else domains
    return frame


def quantile_table(design, var: str, q, by=None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n per quantile (and domain of `by`, quantile last)."""
    probs = _quantile._probabilities(q)
    x = numeric_values(design, var)
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    domain = np.where(~np.isnan(x) & (codes >= 0), codes, -1)
    segments = _quantile._sorted_segments(x, design.weights, domain, n_domains)
    qhat = np.array([[_quantile._rule(seg, p) for p in probs] for seg in segments])
    share, share_se = _share_below(design, x, domain, qhat)
    df = domain_df(design, domain, n_domains).astype(np.float64)
    bounds = [_quantile._bounds(seg, m, s, d) for seg, m, s, d in zip(segments, share, share_se, df, strict=True)]
    low, high = (np.array([b[k] for b in bounds]) for k in (0, 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        se = (high - low) / (2 * special.stdtrit(df, 0.975)[:, None])
    frame = pd.DataFrame({"estimate": qhat.ravel(), "se": se.ravel(), "ci_low": low.ravel(), "ci_high": high.ravel()})
    frame["n"] = np.repeat(np.bincount(domain[domain >= 0], minlength=n_domains), len(probs))
    frame.index = _quantile._index(domains, probs, var)
    return frame


def _share_below(design, x: np.ndarray, domain: np.ndarray, qhat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per domain and quantile: the share of values at or below the quantile, and its SE from
    the replicates (the full sample's quantile held fixed, as R's woodruffCI)."""
    n_domains, width = qhat.shape

    def read(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        limit = qhat[np.maximum(domain[rows], 0)]
        return (x[rows, None] <= limit).astype(np.float64), domain[rows] >= 0
    item = _estimate.Variable("share", read, width, None)
    theta = rep.thetas(rep.sums(design, item, domain, n_domains), width, "mean")
    return theta[:, 0].reshape(qhat.shape), np.sqrt(rep.variance(design, theta)).reshape(qhat.shape)
