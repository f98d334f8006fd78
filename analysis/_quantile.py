"""Quantiles in domains with Woodruff's interval, as R's svyquantile() in survey >= 4 (defaults).

- The quantile is R's `qrule = "math"`: rows sorted by value (ties in row order), cumulative
  weights c_i; with pos the last row where c_i <= p sum(w) (the first row when there is none),
  the quantile is x_pos when c_pos / sum(w) equals p, else the next value (Hyndman and Fan's
  type 1, the inverse of the weighted distribution function). R sums the weights in extended
  precision (`cumsum`, `sum`); so does this, so that ties are decided as R decides them.
- The interval is Woodruff's (1952), R's `interval.type = "mean"`: the proportion m of the
  domain at or below the quantile, m -/+ t(0.975, df) SE(m), is mapped back through the same
  rule; a bound outside [0, 1] gives NaN. SE = (upper - lower) / (2 t(0.975, df)).
- df is R's degf() of the subset svyquantile(na.rm = TRUE) works on: PSUs minus strata holding
  a row of the domain with a value (`_inference.subset_df`).
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import special

from analysis import _estimate
from analysis._inference import numeric_values, subset_df


def quantile_table(design, var: str, q: float | Sequence[float], by=None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n per quantile (and domain of `by`)."""
    probs = _probabilities(q)
    x, w = numeric_values(design, var), design.weights
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    inside = ~np.isnan(x) & (codes >= 0)
    domain = np.where(inside, codes, -1)
    segments = _sorted_segments(x, w, domain, n_domains)
    qhat = np.array([[_rule(seg, p) for p in probs] for seg in segments])
    share, share_se = _share_below(design, x, inside, by, qhat)
    df = subset_df(design, inside, domain, n_domains).astype(np.float64)
    bounds = [_bounds(seg, m, s, d) for seg, m, s, d in zip(segments, share, share_se, df, strict=True)]
    low, high = (np.array([b[k] for b in bounds]) for k in (0, 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        se = (high - low) / (2 * special.stdtrit(df, 0.975)[:, None])
    frame = pd.DataFrame({"estimate": qhat.ravel(), "se": se.ravel(), "ci_low": low.ravel(), "ci_high": high.ravel()})
    frame["n"] = np.repeat(np.bincount(domain[domain >= 0], minlength=n_domains), len(probs))
    frame.index = _index(domains, probs, var)
    return frame


def _probabilities(q) -> list[float]:
    probs = [float(p) for p in np.atleast_1d(np.asarray(q, dtype=np.float64))]
    if not probs or not all(0 < p < 1 for p in probs):
        raise ValueError(f"quantiles must be probabilities strictly between 0 and 1, got {q!r}")
    return probs


def _sorted_segments(x, w, domain, n_domains) -> list[tuple[np.ndarray, np.ndarray, np.float64]]:
    """Per domain: its values sorted (stable), their cumulative weights and the total (R's rounding)."""
    keep = np.flatnonzero((domain >= 0) & (w > 0))  # R's qrule drops rows of zero weight
    order = keep[np.lexsort((x[keep], domain[keep]))]
    starts = np.searchsorted(domain[order], np.arange(n_domains + 1))
    out = []
    for d in range(n_domains):
        rows = order[starts[d]:starts[d + 1]]
        cumulative = np.cumsum(w[rows].astype(np.longdouble))
        total = cumulative[-1] if len(rows) else np.longdouble(0)
        out.append((x[rows], cumulative.astype(np.float64), np.float64(total)))
    return out


def _rule(segment, p: float) -> float:
    """R's qrule_math (via qs): see the module docstring."""
    values, cumulative, total = segment
    if len(values) == 0 or np.isnan(p):
        return np.nan
    below = np.flatnonzero(cumulative <= p * total)
    pos = below[-1] if len(below) else 0
    if p - cumulative[pos] / total == 0:
        return float(values[pos])
    return float(values[min(pos + 1, len(values) - 1)])


def _share_below(design, x, inside, by, qhat) -> tuple[np.ndarray, np.ndarray]:
    """Per domain and quantile: the weighted share of values <= the quantile, and its SE."""
    codes, _ = design.domain_codes(by)

    def read(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        limit = qhat[np.maximum(codes[rows], 0)]
        return (x[rows, None] <= limit).astype(np.float64), inside[rows]
    item = _estimate.Variable("share", read, qhat.shape[1], None)
    est = _estimate.estimates(design, item, by, "mean")
    variance = _estimate.variance(design, est.influence, len(est.count), qhat.shape[1])
    return est.estimate, np.sqrt(variance).reshape(qhat.shape)


def _bounds(segment, share: np.ndarray, se: np.ndarray, df: float) -> tuple[np.ndarray, np.ndarray]:
    """The quantiles at the ends of the share's t interval (NaN when an end leaves [0, 1])."""
    if df <= 0:
        return np.full(len(share), np.nan), np.full(len(share), np.nan)
    lower, upper = share + se * special.stdtrit(df, 0.025), share + se * special.stdtrit(df, 0.975)
    low = [np.nan if not p >= 0 else _rule(segment, p) for p in lower]
    high = [np.nan if not p <= 1 else _rule(segment, p) for p in upper]
    return np.array(low), np.array(high)


def _index(domains: pd.Index | None, probs: list[float], var: str) -> pd.Index:
    """Rows: (domain..., quantile), or the quantiles alone."""
    if domains is None:
        return pd.Index(probs, name=var)
    outer = domains.repeat(len(probs))
    arrays = [outer.get_level_values(i) for i in range(outer.nlevels)]
    return pd.MultiIndex.from_arrays([*arrays, np.tile(probs, len(domains))], names=[*domains.names, "quantile"])
