"""Affine combinations of domain ratios (composite indices) on replicate-weight designs.

theta_j = c_j + sum_k C_jk R_k is computed with the full-sample weights and with each
replicate's weights, and its variance is R's svrVar() of those replicates, as R's
svycontrast(svytotal(~y1 + d1 + ..., design, return.replicates = TRUE), quote(c + C1 * y1 / d1 + ...))
does: covariances between the items count without being written down. Each R_k is taken over
the rows of the domain where item k is valid, as in `_combination` (same items, same n, n_min
and Kish effective n).
"""

import numpy as np
import pandas as pd

from analysis import _combination, _estimate
from analysis import _replicate_estimate as rep


def combination_table(design, ratios, coefficients, constants=None, names=None, by=None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n, n_min, effective_n of each combination in each domain."""
    items = [_combination._variable(design, ratio) for ratio in ratios]
    matrix, offsets, labels = _combination._checked(coefficients, constants, names, len(items))
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    ratio = np.stack([rep.thetas(rep.sums(design, item, codes, n_domains), 1, "mean") for item in items], axis=1)
    theta = offsets[None, :, None] + np.einsum("dkr,jk->djr", np.nan_to_num(ratio), matrix)
    theta[(np.isnan(ratio)[:, :, None, :] & (matrix != 0).T[None, :, :, None]).any(axis=1)] = np.nan
    theta = theta.reshape(n_domains * len(labels), -1)
    frame = _estimate.interval_frame(theta[:, 0], np.sqrt(rep.variance(design, theta)), design.df)
    sums = _combination._Sums(design, items, codes, n_domains, matrix != 0)
    frame["n"], frame["n_min"], frame["effective_n"] = sums.per_combination(matrix)[:3]
    frame.index = _combination._index(domains, labels)
    if domains is None:
        return frame
    return frame.iloc[np.arange(len(frame)).reshape(n_domains, len(labels)).T.ravel()]  # combination-major
