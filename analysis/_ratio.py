"""Ratio of two totals in domains, as R's svyratio(~y, ~x, design, na.rm = TRUE) and svyby().

R = sum(w y) / sum(w x) over the domain's rows where both y and x are present; its influence
values are u_i = w_i (y_i - R x_i) / sum(w x) (Lumley 2010, "Complex Surveys", section 2.3;
R's svyratio), 0 outside, and its variance the design's (`_estimate.variance`). The interval is
R -/+ t(0.975, df) SE with the design's degrees of freedom, as confint(r, df = degf(design)).
"""

import numpy as np
import pandas as pd

from analysis import _estimate
from analysis._inference import numeric_values


def ratio_table(design, numerator: str, denominator: str, by=None) -> pd.DataFrame:
    """estimate, se, ci_low, ci_high, n (rows with both values) per domain of `by`."""
    y, x = numeric_values(design, numerator), numeric_values(design, denominator)
    codes, domains = design.domain_codes(by)
    n_domains = 1 if domains is None else len(domains)
    domain = np.where(~np.isnan(y) & ~np.isnan(x) & (codes >= 0), codes, n_domains).astype(np.int64)
    w = design.weights
    top, bottom = (np.bincount(domain, w * np.nan_to_num(v), n_domains + 1)[:n_domains] for v in (y, x))
    with np.errstate(divide="ignore", invalid="ignore"):
        estimate = top / bottom
    scale = np.append(1.0 / np.where(bottom != 0, bottom, np.nan), 0.0)
    centre = np.append(np.nan_to_num(estimate), 0.0)

    def influence(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        d = domain[rows]
        u = w[rows] * (np.nan_to_num(y[rows]) - centre[d] * np.nan_to_num(x[rows])) * scale[d]
        return d, np.nan_to_num(u)[:, None]
    se = np.sqrt(_estimate.variance(design, influence, n_domains, 1))
    frame = _estimate.interval_frame(estimate, np.where(np.isnan(estimate), np.nan, se), design.df)
    frame["n"] = np.bincount(domain, minlength=n_domains + 1)[:n_domains]
    frame.index = pd.Index([f"{numerator}/{denominator}"]) if domains is None else domains
    return frame
