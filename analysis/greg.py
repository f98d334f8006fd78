"""Generalised regression (GREG) calibration, as R's calibrate() (Deville & Särndal 1992).

The calibrated weights are w1 = g w0 with g = F(x' eta), x the calibration variables of the
row, F the calibration function, and eta solving the calibration equations sum w1 x = X
(the population totals) by Newton's method, exactly as R's grake(). The variance uses the
residuals of the influence values on x (see `_greg`), so it differs from rake()'s iterative
post-stratification in small domains of unequal-weight designs (Lumley 2010, "Complex
Surveys", section 7.3; R's `calibrate(calfun = "linear" | "raking" | "logit", bounds = )`).
"""

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis._codes import column, combine
from analysis._greg import Basis, Greg, rows_of
from analysis.adjust import _calibration_codes, _refuse_empty, _targets
from analysis.design import Design

# R's grake() rescales the weights first when every population total exceeds this multiple
# of its sample total (bounds then apply to the rescaled weights).
_RESCALE_ABOVE = 20
# R's grake() inverts the Newton matrix with MASS::ginv(tol = 256 * .Machine$double.eps).
_GINV_TOLERANCE = 256 * np.finfo(float).eps
# Columns of X' W0 X whose share of the scaled matrix falls below this are collinear.
_SINGULAR = 1e-10


def _linear(u, low, high):
    return np.clip(u + 1, low, high) - 1, ((u < high - 1) & (u > low - 1)).astype(float)


def _raking(u, low, high):
    e = np.exp(u)
    return np.clip(e, low, high) - 1, np.where((u < high - 1) & (u > low - 1), e, 0.0)


def _logit(u, low, high):
    a = (high - low) / ((high - 1) * (1 - low))
    e = np.exp(a * u)
    below = high - 1 + (1 - low) * e
    top = low * (high - 1) + high * (1 - low) * e
    return top / below - 1, high * (1 - low) * e * a / below - top * (1 - low) * e * a / below ** 2


# F(u) - 1 and F'(u) of R's cal.linear, cal.raking and cal.logit, with their bounds on g
# (including R's test of the log-scale u against the bounds minus one for raking).
CALFUNS = {"linear": _linear, "raking": _raking, "logit": _logit}


def calibrate(design: Design, margins: Mapping | None = None, totals: Mapping | None = None,
              calfun: str = "linear", bounds: tuple[float, float] | None = None, tol: float = 1e-10,
              max_iter: int = 100) -> Design:
    """Calibrate the weights to population margins and totals, as R's calibrate().

    `margins` = {column (or tuple of columns): {level: count}} as rake() takes them; `totals` =
    {numeric column: population total}. With margins, X is an intercept and the dummies of
    every margin's levels but the first (R's `~a + b + x`); totals alone give no intercept
    (R's `~x - 1`). `bounds` = (low, high) on g (required by "logit"). Newton's iteration
    stops when every total is within tol * (1 + |total|), as R's epsilon; ValueError names the
    margin when the bounds cannot be met, the system is singular or the totals disagree.
    """
    fn = _calfun(calfun)
    low, high = _bounds(bounds, calfun)
    if design._calibration is not None:
        raise ValueError("calibrate() needs a design that is not already calibrated (rake, "
                         "poststratify or calibrate)")
    if max_iter < 1 or not tol > 0:
        raise ValueError(f"calibrate needs max_iter >= 1 and tol > 0, got {max_iter} and {tol}")
    basis, population, names = _basis(design, margins or {}, totals or {})
    w0 = design.weights
    units, unit_w = _units(basis, w0)
    gram = units.gram(unit_w)
    _refuse_singular(gram, names)
    g = _solve(units, unit_w, population, names, fn, (low, high), tol, max_iter)
    g = rows_of(g, basis.cell) if units is not basis else g
    w1 = w0 * g
    with np.errstate(divide="ignore"):
        record = Greg(basis, np.where(g != 0, 1.0 / g, 0.0), w1, np.linalg.inv(gram), design._structure)
    return design._derive(w1, record)


def _calfun(calfun: str):
    if calfun not in CALFUNS:
        raise ValueError(f"calfun must be one of {', '.join(CALFUNS)}, got {calfun!r}")
    return CALFUNS[calfun]


def _bounds(bounds, calfun: str) -> tuple[float, float]:
    low, high = (-np.inf, np.inf) if bounds is None else (float(bounds[0]), float(bounds[1]))
    if calfun == "logit" and not (np.isfinite(low) and np.isfinite(high)):
        raise ValueError("logit calibration needs finite bounds (low, high)")
    if not low < 1 < high:
        raise ValueError(f"calibration bounds ({low:g}, {high:g}) must have low < 1 < high")
    return low, high


def _basis(design: Design, margins: Mapping, totals: Mapping) -> tuple[Basis, np.ndarray, list]:
    """X as dummies per cell of the margins plus numeric columns, the population totals and,
    per column of X, the margin or total it comes from."""
    if not margins and not totals:
        raise ValueError("calibration needs at least one margin or total")
    dummies, cell, population, names = _dummies(design, margins)
    numbers, numeric_totals = _numbers(design, totals)
    return (Basis(cell, dummies, numbers), np.concatenate([population, numeric_totals]),
            names + list(totals))


def _dummies(design: Design, margins: Mapping) -> tuple[np.ndarray, np.ndarray, np.ndarray, list]:
    """Per cell of the margins' cross-classification: an intercept and treatment dummies."""
    if not margins:
        return np.zeros((1, 0)), np.zeros(len(design.weights), dtype=np.int8), np.zeros(0), []
    coded = {name: _calibration_codes(design, name) for name in margins}
    targets = [_targets(levels, margins[name], name) for name, (_, levels) in coded.items()]
    for name, (codes, levels) in coded.items():
        _refuse_empty(np.bincount(codes, design.weights, len(levels)), levels, name)
    _refuse_disagreement(list(margins), targets)
    cell, parts = combine([c for c, _ in coded.values()], [len(t) for t in targets])
    columns = [np.ones(len(parts))]
    for k, target in enumerate(targets):
        columns += [(parts[:, k] == level).astype(float) for level in range(1, len(target))]
    population = np.concatenate([[targets[0].sum()], *(t[1:] for t in targets)])
    names = [next(iter(margins))] + [name for name, t in zip(margins, targets, strict=True) for _ in t[1:]]
    return np.column_stack(columns), cell, population, names


def _refuse_disagreement(names: list, targets: list[np.ndarray]) -> None:
    """Every margin must add up to the same population."""
    first = targets[0].sum()
    for name, target in zip(names, targets, strict=True):
        if not np.isclose(target.sum(), first, rtol=1e-9, atol=0):
            raise ValueError(f"margin {name!r} adds up to {target.sum():g}, margin {names[0]!r} to {first:g}")


def _numbers(design: Design, totals: Mapping) -> tuple[np.ndarray, np.ndarray]:
    """The numeric calibration columns (no missing values, as R's model.frame) and their totals."""
    columns = []
    for name, total in totals.items():
        series = column(design.data, name)
        if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            raise ValueError(f"calibration total column {name!r} is not numeric")
        values = series.to_numpy(np.float64, na_value=np.nan)
        if not np.isfinite(values).all():
            raise ValueError(f"calibration total column {name!r} has missing or infinite values")
        if not np.isfinite(float(total)):
            raise ValueError(f"population total of {name!r} must be finite")
        columns.append(values)
    numbers = np.column_stack(columns) if columns else np.zeros((len(design.weights), 0))
    return numbers, np.array([float(t) for t in totals.values()])


def _units(basis: Basis, w0: np.ndarray) -> tuple[Basis, np.ndarray]:
    """What Newton's iteration runs on: the cells when X is constant within them, else rows."""
    if basis.numbers.shape[1]:
        return basis, w0
    n_cells = len(basis.dummies)
    cells = Basis(np.arange(n_cells), basis.dummies, np.zeros((n_cells, 0)))
    return cells, np.bincount(basis.cell, w0, n_cells)


def _refuse_singular(gram: np.ndarray, names: list) -> None:
    """X' W0 X must be invertible: name the first margin whose columns add nothing new."""
    diagonal = np.sqrt(np.diag(gram))
    if (diagonal == 0).any():
        raise ValueError(f"calibration variable {names[int(np.argmax(diagonal == 0))]!r} is zero "
                         f"wherever the weights are positive")
    scaled = gram / np.outer(diagonal, diagonal)
    for k in range(1, len(names) + 1):
        if np.linalg.matrix_rank(scaled[:k, :k], tol=_SINGULAR) < k:
            raise ValueError(f"calibration margin {names[k - 1]!r} is collinear with the margins "
                             f"before it (singular system)")


def _solve(units: Basis, w: np.ndarray, population: np.ndarray, names: list, fn, bounds,
           tol: float, max_iter: int) -> np.ndarray:
    """g per unit by R's grake(): Newton steps on eta with a generalised inverse, halved while
    g or F' is not finite; fails when max_iter steps leave a total off by tol * (1 + |total|)."""
    total = units.totals(w)
    scale = np.mean(population / total) if np.min(population / total) > _RESCALE_ABOVE else 1.0
    w, total = w * scale, total * scale
    _refuse_unreachable(units, w, population, names, bounds)
    eta, u = np.zeros(len(population)), np.zeros(len(w))
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(max_iter):
            f, deriv = fn(u, *bounds)
            missing = population - total - units.totals(w * f)
            step = np.linalg.pinv(units.gram(w * deriv), rtol=_GINV_TOLERANCE) @ missing
            eta, u = _halved(units, eta, step, fn, bounds)
            misfit = np.abs(population - total - units.totals(w * fn(u, *bounds)[0])) / (1 + np.abs(population))
            if (misfit < tol).all():
                return (1 + fn(u, *bounds)[0]) * scale
    raise ValueError(f"calibration to margin {names[int(np.nanargmax(misfit))]!r} failed: no weights within "
                     f"bounds {bounds} meet the totals after {max_iter} iterations")


def _halved(units: Basis, eta: np.ndarray, step: np.ndarray, fn, bounds) -> tuple[np.ndarray, np.ndarray]:
    """eta + step, the step halved (at most 50 times) while g or F' is not finite, as grake()."""
    eta = eta + step
    u = units.times(eta)
    for _ in range(50):
        f, deriv = fn(u, *bounds)
        if np.isfinite(f).all() and np.isfinite(deriv).all():
            break
        step = step / 2
        eta = eta - step
        u = units.times(eta)
    return eta, u


def _refuse_unreachable(units: Basis, w: np.ndarray, population: np.ndarray, names: list, bounds) -> None:
    """With g in [low, high], a margin level's total must lie in [low, high] times its sample total."""
    low, high = bounds
    sample = units.totals(w)
    categorical = units.dummies.shape[1]
    for k in range(categorical):
        reach = sorted((low * sample[k], high * sample[k]))
        if not reach[0] - 1e-9 * abs(population[k]) <= population[k] <= reach[1] + 1e-9 * abs(population[k]):
            raise ValueError(f"calibration bounds ({low:g}, {high:g}) cannot reach the population of a "
                             f"level of margin {names[k]!r}: {population[k]:g} against a sample total "
                             f"of {sample[k]:g}")
