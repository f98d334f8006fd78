"""Design effects as R's `svymean(..., deff = TRUE)` and `svytotal(..., deff = TRUE)` (Kish 1965;
Lumley 2010, "Complex Surveys", section 2.5; survey 4.1's default, sampling without replacement):

    deff = V_design / V_srs,   V_srs(mean) = s^2 (N - n) / (N n),   V_srs(total) = N^2 V_srs(mean),

where, over the domain's valid rows with a positive weight, n is their number, N = sum w and
s^2 = sum w (y - ybar)^2 / N * n / (n - 1) the weighted population variance (R's `svyvar`).
For a mean R gives NaN when N < n (weights not scaled to the population).

For an affine combination of ratios (`linear_combination`, the index nodes) the same formula is
used on its linearised variable e_i = N u_i / w_i (u the combination's influence values, N and
n over the rows with a valid answer to some item used): V_srs = sum(u^2 / w) (N - n) / (n - 1).
For a single share or mean this is exactly R's deff of svymean.
"""

import numpy as np

from analysis import _estimate
from analysis._codes import chunks


def deff(design, var: _estimate.Variable, by, kind: str, se: np.ndarray) -> np.ndarray:
    """deff of each domain (x category) estimate of `var`, in the order of `_estimate.table`."""
    est = _estimate.estimates(design, var, by, "mean")
    n_domains = len(est.count)
    codes, _ = design.domain_codes(by)
    weight, count, square = np.zeros(n_domains + 1), np.zeros(n_domains + 1), np.zeros((n_domains + 1, var.width))
    centre = np.vstack([np.nan_to_num(est.estimate), np.zeros((1, var.width))])
    w_all = design.weights
    for rows in chunks(len(w_all)):
        y, valid = var.read(rows)
        w = w_all[rows]
        domain = np.where(valid & (codes[rows] >= 0) & (w > 0), codes[rows], n_domains).astype(np.int64)
        weight += np.bincount(domain, w, n_domains + 1)
        count += np.bincount(domain, minlength=n_domains + 1)
        for k in range(var.width):
            square[:, k] += np.bincount(domain, w * (y[:, k] - centre[domain, k]) ** 2, n_domains + 1)
    big_n, n = weight[:n_domains, None], count[:n_domains, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        s2 = square[:n_domains] / big_n * n / (n - 1)
        srs = s2 * (big_n - n) / (big_n * n)
        srs = np.where(big_n < n, np.nan, srs) if kind == "mean" else srs * big_n ** 2
        return (se.reshape(n_domains, var.width) ** 2 / srs).ravel()


def combination_deff(design, influence: _estimate.Influence, n_domains: int, n_cols: int, variance: np.ndarray,
                     n: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """deff of combinations (domain-major, n_cols per domain) from their influence values."""
    total = np.zeros((n_domains + 1) * n_cols)
    w_all = design.weights
    for rows in chunks(len(w_all)):
        domain, u = influence(rows)
        w = w_all[rows]
        inverse = np.where(w > 0, 1 / np.where(w > 0, w, 1.0), 0.0)
        for j in range(n_cols):
            total += np.bincount(domain * n_cols + j, u[:, j] ** 2 * inverse, len(total))
    with np.errstate(divide="ignore", invalid="ignore"):
        srs = total[: n_domains * n_cols] * (weight - n) / (n - 1)
        return np.where(weight < n, np.nan, variance / srs)
