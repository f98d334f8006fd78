"""Shared pieces of the tests and models: degrees of freedom of a subset, covariance matrices.

R computes these estimators on `design[subset, ]` (the rows with complete data, and the domain
for svyby). Such a subset keeps the design's sample sizes, so variances equal domain estimation
(influence values 0 outside), but `degf()` of the subset counts only the PSUs and strata that
still hold a row of positive weight. `subset_df` is that count.
"""

import numpy as np

from analysis import _covariance, _estimate
from analysis._codes import chunks, compact


def subset_df(design, mask: np.ndarray, domain: np.ndarray | None = None, n_domains: int = 1) -> np.ndarray:
    """R's degf(design[mask, ]) per domain: PSUs minus strata with a row of positive weight in `mask`.

    `domain` gives each row's domain code (-1: none); without it there is one domain.
    """
    st = design._structure
    keep = mask & (design.weights > 0)
    code = np.zeros(len(keep), np.int64) if domain is None else domain.astype(np.int64)
    keep &= code >= 0
    inside = code[keep]
    if st.row_psu is None:
        psus = np.bincount(inside, minlength=n_domains)  # every row is a PSU
    else:
        psus = _distinct(inside, st.row_psu[keep], st.n_psus, n_domains)
    return psus - _distinct(inside, st.row_stratum[keep], st.n_strata, n_domains)


def _distinct(domain: np.ndarray, group: np.ndarray, n_groups: int, n_domains: int) -> np.ndarray:
    """Number of distinct groups per domain."""
    present, _ = compact(domain * n_groups + group.astype(np.int64), n_domains * n_groups)
    return np.bincount(present // n_groups, minlength=n_domains)


def covariance(design, influence, k: int) -> np.ndarray:
    """The design covariance matrix of k estimates; `influence(rows)` gives their influence values
    on a block of rows (rows x k). Strata, PSUs, fpc, stages and calibration as the variances of
    `_estimate.variance`, in one matrix product per block (`_covariance`)."""
    return _covariance.covariance(design._linearization, influence, len(design.weights), k)


def numeric_values(design, name: str) -> np.ndarray:
    """A numeric column as float64 (NaN where missing), or a ValueError naming it."""
    var = _estimate.variable(design, name)
    if var.categories is not None:
        raise ValueError(f"column {name!r} is categorical, a numeric column is needed")
    out = np.empty(len(design.weights))
    for rows in chunks(len(out)):
        y, valid = var.read(rows)
        out[rows] = np.where(valid, y[:, 0], np.nan)
    return out
