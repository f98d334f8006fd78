"""Post-stratification and raking of replicate-weight designs, as R's postStratify() and rake()
on an svyrep.design: the full-sample weights and every replicate's weights are each calibrated
to the population, so the replicates carry the calibration into the variance (Lumley 2010,
"Complex Surveys", section 7.2; Valliant 1993).

Every row of a cell of the margins' cross-classification gets the same factor in a column
of weights, so the fitting runs on cell totals (cells x (1 + replicates)), never on rows; the
rows are scaled once at the end.
"""

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis import adjust
from analysis._codes import chunks, combine


def poststratify(design, column: str | Sequence[str], population: Mapping | pd.Series):
    """Each set of weights times N_g / (its total in post-stratum g), as R's postStratify()."""
    key = column if isinstance(column, str) else tuple(column)
    return rake(design, {key: population}, tol=np.inf, max_iter=1)


def rake(design, margins: Mapping, tol: float = 1e-10, max_iter: int = 100):
    """Iterative proportional fitting of every set of weights to the margins, as R's rake():
    stops when every margin of every set is within `tol` of its target, relative to it."""
    if not margins:
        raise ValueError("calibration needs at least one margin")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")
    cell, levels, targets = _cells(design, margins)
    weights = design._all_weights
    totals = _cell_totals(weights, cell, len(levels))
    fitted = _fit(totals, levels.T, targets, tol, max_iter)
    with np.errstate(divide="ignore", invalid="ignore"):
        # cells without weight keep their zeros, unless a level had no weight at all (NaN, as R)
        factor = np.where(totals > 0, fitted / totals, np.where(np.isnan(fitted), np.nan, 1.0))
    return design._with_weights(_scaled(weights, factor, cell))


def _cells(design, margins: Mapping) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Row cells of the margins' cross-classification, each cell's level per margin, targets."""
    coded = [adjust._calibration_codes(design, name) for name in margins]
    targets = [adjust._targets(levels, margins[name], name) for name, (_, levels) in zip(margins, coded, strict=True)]
    for name, (codes, levels) in zip(margins, coded, strict=True):
        adjust._refuse_empty(np.bincount(codes, design.weights, len(levels)), levels, name)
    cell, cell_levels = combine([codes for codes, _ in coded], [len(t) for t in targets])
    return cell, cell_levels, targets


def _cell_totals(weights: np.ndarray, cell: np.ndarray, n_cells: int) -> np.ndarray:
    """cells x sets of weights: one sparse by dense product per block of rows."""
    totals = np.zeros((n_cells, weights.shape[1]))
    for rows in chunks(len(weights)):
        codes = cell[rows].astype(np.int64)
        select = sp.csr_array((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(n_cells, len(codes)))
        totals += select @ weights[rows]
    return totals


def _fit(totals: np.ndarray, levels: np.ndarray, targets: list[np.ndarray], tol: float, max_iter: int) -> np.ndarray:
    """IPF of each column of cell totals; a replicate left without weight in a level gets NaN
    weights there (R gives the same), and is then left out of the variance."""
    fitted = totals.copy()
    for _ in range(max_iter):
        for level, target in zip(levels, targets, strict=True):
            with np.errstate(divide="ignore", invalid="ignore"):
                fitted *= (target[:, None] / _level_sums(fitted, level, len(target)))[level]
        error = max(np.nan_to_num(np.abs(_level_sums(fitted, lv, len(t)) / t[:, None] - 1)).max()
                    for lv, t in zip(levels, targets, strict=True))
        if error <= tol:
            return fitted
    raise ValueError(f"raking did not converge after {max_iter} iterations: "
                     f"largest margin error {error:.3g} (relative to the margin)")


def _level_sums(fitted: np.ndarray, level: np.ndarray, n_levels: int) -> np.ndarray:
    selector = sp.csr_array((np.ones(len(level)), (level, np.arange(len(level)))), shape=(n_levels, len(level)))
    return selector @ fitted


def _scaled(weights: np.ndarray, factor: np.ndarray, cell: np.ndarray) -> np.ndarray:
    out = np.empty_like(weights)
    for rows in chunks(len(weights)):
        out[rows] = weights[rows] * factor[cell[rows]]
    return out
