"""Design effects on a replicate-weight design, as R's svymean(..., deff = TRUE) and
svytotal(..., deff = TRUE) on an svyrep.design (survey 4.1, also through svyby):

    deff = V_rep / V_srs,   V_srs(mean) = s^2 / n (N - n) / N,   V_srs(total) = N^2 V_srs(mean),

V_rep the replicate variance of the estimate (`_replicate_estimate.variance`), and, over the
domain's rows with a value (R drops the others, `na.rm = TRUE`, and svyby keeps the domain's
rows): n their number (rows of weight 0 included: R subsets the rows of an svyrep.design),
N = sum w of the full-sample weights and s^2 = n / (n - 1) sum w (y - ybar)^2 / N (R's svyvar
with the full-sample weights). A categorical column gives one deff per category (the diagonal
of R's matrices). Unlike the linearised Design's, a mean whose weights sum below n is not set
to NaN: R returns the negative ratio.
"""

import numpy as np

from analysis import _estimate
from analysis._codes import chunks


def deff(design, var: _estimate.Variable, codes: np.ndarray, total, kind: str, variance: np.ndarray) -> np.ndarray:
    """deff per domain x category, in the order of `_replicate_estimate.table`; `total` its Sums."""
    width = var.width
    big_n = np.repeat(total.weight[:, 0], width)
    n = np.repeat(total.count, width).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = total.weighted[:, 0] / big_n
        s2 = _squares(design, var, codes, np.nan_to_num(centre)) / big_n * n / (n - 1)
        srs = s2 / n * (big_n - n) / big_n
        return variance / (srs if kind == "mean" else srs * big_n ** 2)


def _squares(design, var: _estimate.Variable, codes: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """sum w (y - centre)^2 over each domain's valid rows, per domain x category."""
    width, w_all = var.width, design.weights
    out = np.zeros(len(centre))
    for rows in chunks(len(w_all)):
        y, valid = var.read(rows)
        inside = np.flatnonzero(valid & (codes[rows] >= 0))
        key = codes[rows][inside].astype(np.int64)[:, None] * width + np.arange(width)
        deviation = y[inside] - centre[key]
        out += np.bincount(key.ravel(), (w_all[rows][inside, None] * deviation ** 2).ravel(), len(out))
    return out
