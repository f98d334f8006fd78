"""Rao-Scott tests of association of two categorical columns, as R's svychisq() (survey 4).

With N rows in the design and the weighted table scaled to total N, Pearson's X^2 is computed
as for a simple random sample. The cell proportions p (row level varying fastest) have the
design covariance V (linearisation over the rows with both values). With C a basis of the
interaction contrasts (the interaction columns of the saturated model on the r x c grid,
residualised on the main effects) and D = diag(p):

    Delta = (C' D^-1 C / N)^-1 C' D^-1 V D^-1 C,

the generalised design effects (Rao and Scott 1984). statistic="F" (R's default):
F = X^2 / tr(Delta) on d0 = tr(Delta)^2 / tr(Delta^2) and d0 nu degrees of freedom, with nu =
PSUs - strata of the whole design. statistic="Chisq": X^2 referred to chi^2 with (r-1)(c-1)
degrees of freedom after division by the mean eigenvalue tr(Delta) / ((r-1)(c-1)), R's
first-order correction. Levels are those present in the column (R's unique()).
"""

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import special

from analysis._codes import column, factorize
from analysis._inference import covariance
from analysis.replicates import ReplicateDesign


@dataclass(frozen=True)
class ChisqTest:
    """The statistic (F, or X^2 for "Chisq"), its degrees of freedom (ddf NaN for "Chisq"),
    the p-value, Pearson's X^2 of the scaled table and the mean generalised design effect."""

    statistic: float
    ndf: float
    ddf: float
    p_value: float
    pearson: float
    mean_deff: float

    def as_series(self) -> pd.Series:
        return pd.Series(asdict(self))


def chisq(design, a: str, b: str, statistic: str = "F") -> ChisqTest:
    """R's svychisq(~a + b, design, statistic = statistic) for statistic "F" or "Chisq"; on a
    ReplicateDesign the cell proportions' covariance comes from the replicates (`_replicate_tests`)."""
    if isinstance(design, ReplicateDesign):
        from analysis import _replicate_tests  # imported here: it builds on this module
        return _replicate_tests.chisq(design, a, b, statistic)
    cell, table, nr, nc = cross_table(design, a, b, statistic)
    n = len(design.weights)
    delta = _delta(design, cell, table, nr, nc, n)
    nu = design._structure.n_psus - design._structure.n_strata
    return result(statistic, _pearson(table / table.sum() * n, nr, nc), delta, nu, nr, nc)


def cross_table(design, a: str, b: str, statistic: str) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Each row's cell (row level fastest; nr * nc where a value is missing), the weighted cell
    totals and the numbers of levels; ValueError for an unknown statistic or a single level."""
    if statistic not in ("F", "Chisq"):
        raise ValueError(f"statistic must be 'F' or 'Chisq', got {statistic!r}")
    (ra, nr), (rb, nc) = _levels(design, a), _levels(design, b)
    if nr < 2 or nc < 2:
        raise ValueError(f"columns {a!r} and {b!r} need at least two levels each, found {nr} and {nc}")
    complete = (ra >= 0) & (rb >= 0)
    cell = np.where(complete, ra.astype(np.int64) + nr * rb.astype(np.int64), nr * nc)
    return cell, np.bincount(cell, design.weights, nr * nc + 1)[: nr * nc], nr, nc


def result(statistic: str, pearson: float, delta: np.ndarray, nu: float, nr: int, nc: int) -> ChisqTest:
    """The Rao-Scott test from Pearson's X^2, the generalised design effects and nu."""
    trace, k = np.trace(delta), (nr - 1) * (nc - 1)
    if statistic == "Chisq":
        return ChisqTest(pearson, k, np.nan, float(special.chdtrc(k, pearson / (trace / k))), pearson, trace / k)
    d0 = trace ** 2 / np.trace(delta @ delta)
    f = pearson / trace
    return ChisqTest(f, d0, d0 * nu, float(special.fdtrc(d0, d0 * nu, f)), pearson, trace / k)


def _levels(design, name: str) -> tuple[np.ndarray, int]:
    """Codes of the levels present in the column (-1 where missing), and their number."""
    codes, levels = factorize(column(design.data, name))
    used = np.bincount(codes[codes >= 0], minlength=len(levels)) > 0
    position = np.append(np.cumsum(used) - 1, -1)
    return position[codes], int(used.sum())


def _pearson(table: np.ndarray, nr: int, nc: int) -> float:
    """Pearson's X^2 of a table given as a vector (row level fastest), as chisq.test(correct = FALSE)."""
    observed = table.reshape(nc, nr).T
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    return float((np.abs(observed - expected) ** 2 / expected).sum())


def _delta(design, cell: np.ndarray, table: np.ndarray, nr: int, nc: int, n: int) -> np.ndarray:
    """The generalised design effects matrix Delta (see the module docstring)."""
    k, w = nr * nc, design.weights
    p = table / table.sum()

    def influence(rows: slice) -> np.ndarray:
        """w (1[cell = k] - p_k) / sum(w) on complete rows (cell k: none of the k cells), else 0."""
        c = cell[rows]
        u = (c[:, None] == np.arange(k)[None, :]) - p[None, :]
        return u * (np.where(c < k, w[rows], 0.0) / table.sum())[:, None]
    return generalised_deffs(covariance(design, influence, k), p, nr, nc, n)


def generalised_deffs(variance: np.ndarray, p: np.ndarray, nr: int, nc: int, n: int) -> np.ndarray:
    """Delta = (C' D^-1 C / N)^-1 C' D^-1 V D^-1 C from the covariance V of the cell proportions p."""
    inverse = np.where(p == 0, 0.0, 1.0 / np.where(p == 0, 1.0, p))
    contrasts = _interaction_contrasts(nr, nc)
    denominator = contrasts.T @ (contrasts * inverse[:, None] / n)
    scaled = contrasts * inverse[:, None]
    return np.linalg.solve(denominator, scaled.T @ variance @ scaled)


def _interaction_contrasts(nr: int, nc: int) -> np.ndarray:
    """The r x c grid's interaction columns, residualised on the main effects (R's Cmat)."""
    rows, cols = np.tile(np.arange(nr), nc), np.repeat(np.arange(nc), nr)
    row_dummies = (rows[:, None] == np.arange(1, nr)[None, :]).astype(np.float64)
    col_dummies = (cols[:, None] == np.arange(1, nc)[None, :]).astype(np.float64)
    main = np.column_stack([np.ones(nr * nc), row_dummies, col_dummies])
    interactions = (row_dummies[:, :, None] * col_dummies[:, None, :]).reshape(nr * nc, -1)
    fitted = main @ np.linalg.lstsq(main, interactions, rcond=None)[0]
    return interactions - fitted
