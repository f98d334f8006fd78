"""Weight adjustments: post-stratification, raking and trimming. Each returns a new Design.

Post-stratification and raking are calibration estimators (Deville & Särndal 1992; Lumley
2010, "Complex Surveys", chapter 7); the new design records each step as R's postStratify()
and rake() do, so standard errors get the same calibration adjustment as in R.
"""

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis import _calibration as cal
from analysis import _replicate_calibration as replicate_calibration
from analysis._codes import cached_factorize, chunks, domains
from analysis.design import Design
from analysis.replicates import ReplicateDesign

# R's svyrecvar() sweeps the raking margins this many times when adjusting the variance.
RAKING_SWEEPS = 10


def poststratify(design: Design, column: str | Sequence[str], population: Mapping | pd.Series) -> Design:
    """Post-stratify: w_i * N_g / sum_{j in g} w_j for the post-stratum g of row i.

    `column` is one column (population keys are its values) or several (keys are tuples of
    values); `population` maps every post-stratum in the data to its population count, as
    R's postStratify(design, ~column, population).
    """
    if isinstance(design, ReplicateDesign):
        return replicate_calibration.poststratify(design, column, population)
    key = column if isinstance(column, str) else tuple(column)
    record, parts, (target,), cell_w = _cells(design, {key: population})
    level = parts[:, 0]
    record, r, base = cal.anchor(record, design.weights)
    factor = (target / np.bincount(level, cell_w, len(target)))[level]
    record, ones = cal.add_vector(record, (design.weights, 0))
    step = cal.Step(level, len(target), base * factor, 1.0 / factor, r, ones)
    record = cal.add_block(record, cal.Block((step,), 1))
    return design._derive(_scaled(design.weights, factor, record.cell), record)


def rake(design: Design, margins: Mapping[str, Mapping | pd.Series], tol: float = 1e-10,
         max_iter: int = 100) -> Design:
    """Rake (iterative proportional fitting, Deming & Stephan 1940) to population margins.

    `margins` maps each column to {level: population count}. Each iteration post-stratifies to
    every margin in turn, as R's rake(); it stops when every weighted margin is within `tol`
    of its target, relative to the target, and raises ValueError after `max_iter` iterations.
    The iteration runs on the totals of the cells of the margins' cross-classification, not on
    rows, so its cost does not grow with the sample.
    """
    if isinstance(design, ReplicateDesign):
        return replicate_calibration.rake(design, margins, tol, max_iter)
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")
    record, parts, targets, cell_w = _cells(design, margins)
    record, r, base = cal.anchor(record, design.weights)
    factors = _fit(cell_w, parts.T, targets, tol, max_iter)
    record, inverse = cal.add_vector(record, (record.vectors[r][0], -1))
    steps = tuple(cal.Step(level, len(target), base * f, 1.0 / (base * f), r, inverse)
                  for level, target, f in zip(parts.T, targets, factors, strict=True))
    record = cal.add_block(record, cal.Block(steps, RAKING_SWEEPS))
    return design._derive(_scaled(design.weights, factors[-1], record.cell), record)


def _cells(design: Design, margins: Mapping) -> tuple[cal.Calibration, np.ndarray, list[np.ndarray], np.ndarray]:
    """Split the calibration cells by the margins' columns.

    Returns the record, each new cell's level of every margin, the population counts in the
    order of the levels, and the weight total of every cell. Refuses levels found on one side
    only and levels without weight.
    """
    if not margins:
        raise ValueError("calibration needs at least one margin")
    coded = {name: _calibration_codes(design, name) for name in margins}
    targets = [_targets(levels, margins[name], name) for name, (_, levels) in coded.items()]
    record, parts = cal.refine(_record(design), [c for c, _ in coded.values()], [len(t) for t in targets])
    cell_w = np.bincount(record.cell, design.weights, record.n_cells)
    for k, (name, (_, levels)) in enumerate(coded.items()):
        _refuse_empty(np.bincount(parts[:, k], cell_w, len(levels)), levels, name)
    return record, parts, targets, cell_w


def _fit(cell_totals: np.ndarray, levels: np.ndarray, targets: list[np.ndarray], tol: float,
         max_iter: int) -> list[np.ndarray]:
    """Cell factors after each margin's step of the last iteration of IPF."""
    factor = np.ones(len(cell_totals))
    for _ in range(max_iter):
        after = []
        for level, target in zip(levels, targets, strict=True):
            factor = factor * (target / np.bincount(level, cell_totals * factor, len(target)))[level]
            after.append(factor)
        error = max(np.max(np.abs(np.bincount(lv, cell_totals * factor, len(t)) / t - 1))
                    for lv, t in zip(levels, targets, strict=True))
        if error <= tol:
            return after
    raise ValueError(f"raking did not converge after {max_iter} iterations: "
                     f"largest margin error {error:.3g} (relative to the margin)")


def trim(design: Design, lower: float | None = None, upper: float | None = None,
         strict: bool = False) -> Design:
    """Trim weights to [lower, upper] and share what was cut (or added) among the others.

    As R's trimWeights(): weights outside the bounds are set to the bound and the net amount
    removed is added in equal parts to the weights that were inside, so the total is kept.
    That can push some of them out of bounds again; `strict=True` repeats until none is (R's
    strict = TRUE). A calibrated design keeps its calibration adjustment of the variance.
    """
    low = -np.inf if lower is None else float(lower)
    high = np.inf if upper is None else float(upper)
    if low > high:
        raise ValueError(f"trim bounds: lower {low:g} is above upper {high:g}")
    w = design.weights
    if strict and not len(w) * low <= w.sum() <= len(w) * high:
        raise ValueError(f"trim bounds [{low:g}, {high:g}] cannot hold: the weights' total {w.sum():g} "
                         f"is outside [n * lower, n * upper] for n = {len(w)}")
    w = _trim_once(w, low, high)
    while strict and ((w < low) | (w > high)).any():
        w = _trim_once(w, low, high)
    return design._derive(w, cal.after_trimming(design._calibration))


def _trim_once(w: np.ndarray, low: float, high: float) -> np.ndarray:
    outside = (w < low) | (w > high)
    if not outside.any():
        return w.copy()
    if outside.all():
        raise ValueError(f"every weight lies outside the trim bounds [{low:g}, {high:g}]")
    trimmed = np.clip(w, low, high)
    trimmed[~outside] += (w - trimmed).sum() / np.count_nonzero(~outside)
    return trimmed


def _record(design: Design) -> cal.Calibration:
    if design._calibration is None:
        return cal.blank(design.weights)
    if not isinstance(design._calibration, cal.Calibration):
        raise ValueError("a design calibrated by calibrate() cannot be post-stratified or raked again")
    return design._calibration


def _calibration_codes(design: Design, column: str | tuple[str, ...]) -> tuple[np.ndarray, pd.Index]:
    """Codes of a calibration variable (or of a combination of columns), never missing (R: na.fail)."""
    if isinstance(column, str):
        codes, levels = cached_factorize(design.data, column, design._cache)
    else:
        codes, levels = domains(design.data, column, design._cache)
    if (codes < 0).any():
        raise ValueError(f"calibration column {column!r} has missing values")
    return codes, levels


def _targets(levels: pd.Index, population: Mapping | pd.Series, column) -> np.ndarray:
    """Population counts in the order of the data's levels, refusing levels on one side only."""
    population = dict(population.items()) if isinstance(population, pd.Series) else dict(population)
    for level in levels:
        if level not in population:
            raise ValueError(f"level {level!r} of column {column!r} is in the data but not in the population")
    counts = np.array([population[level] for level in levels], dtype=np.float64)
    if not (np.isfinite(counts) & (counts > 0)).all():
        raise ValueError(f"population counts of {column!r} must be positive and finite")
    extra = set(population) - set(levels)
    if extra:
        raise ValueError(f"level {sorted(extra, key=str)[0]!r} of the population of {column!r} is absent from the data")
    return counts


def _refuse_empty(totals: np.ndarray, levels: pd.Index, column) -> None:
    """A level whose rows all weigh zero (or a Categorical's unused category) cannot be scaled."""
    empty = totals <= 0
    if empty.any():
        raise ValueError(f"level {levels[int(np.argmax(empty))]!r} of column {column!r} is absent from the data")


def _scaled(weights: np.ndarray, factor: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """weights * factor[codes], block by block into one new array."""
    out = np.empty_like(weights)
    for rows in chunks(len(weights)):
        out[rows] = weights[rows] * factor[codes[rows]]
    return out
