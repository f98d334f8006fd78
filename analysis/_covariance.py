"""The design covariance matrix of a few estimates whose influence values are dense columns.

For k estimates defined on every row (a model's coefficients, a table's cells) the matrix is
built directly (Lumley 2010, "Complex Surveys", appendix C; R's svyrecvar on a matrix):

    V = sum_stages [ sum_p s_p z_p z_p' - sum_h (s_h / n_h) t_h t_h' ],

z_p the PSU totals of the influence values (rows x k), t_h their stratum totals, s_h = (1 - f_h)
n_h / (n_h - 1) with the earlier stages' fractions (`_stages`). A calibrated design first
replaces the influence values by their calibration residuals, as R's svyrecvar does:

- `calibrate()` (`_greg.Greg`): e = x - w1 X b, b = (X' W0 X)^-1 X' (x / g);
- postStratify/rake (`_calibration.Calibration`): e = x - sum_r vectors[r] E_r[cell], E_r from
  R's sweeps applied to the cell sums of rho x (`_variance._Geometry.corrections`).

Two passes over the rows (one without calibration), each a few matrix products per block, in
place of a variance per pair of columns.
"""

import numpy as np
import scipy.sparse as sp

from analysis._calibration import Calibration, read
from analysis._codes import chunks
from analysis._greg import Greg
from analysis._structure import Structure


def covariance(lin, influence, n: int, k: int) -> np.ndarray:
    """k x k covariance of the estimates whose influence values `influence(rows)` (rows x k)
    gives on the `n` rows of the design whose `_variance.Linearization` is `lin`."""
    residual = _residual(lin, influence, n, k)
    stages = [_StageSums(st, k) for st in (lin.st, *lin.st.later)]
    for rows in chunks(n):
        e = residual(rows)
        for stage in stages:
            stage.add(rows, e)
    return sum((stage.covariance() for stage in stages), np.zeros((k, k)))


def _residual(lin, influence, n: int, k: int):
    """The influence values as R's svyrecvar sees them: calibration residuals, if calibrated."""
    cal = lin.cal
    if isinstance(cal, Greg):
        return _greg_residual(cal, influence, n, k)
    if isinstance(cal, Calibration) and cal.used_vectors()[0]:
        return _sweep_residual(lin, influence, n, k)
    return lambda rows: np.asarray(influence(rows), dtype=np.float64)


def _greg_residual(greg: Greg, influence, n: int, k: int):
    basis, n_dummies = greg.basis, greg.basis.dummies.shape[1]
    cells, numbers = np.zeros((len(basis.dummies), k)), np.zeros((basis.numbers.shape[1], k))
    for rows in chunks(n):
        x = influence(rows) * greg.inverse_g[rows, None]
        cells += _group(basis.cell[rows], len(basis.dummies)) @ x
        numbers += basis.numbers[rows].T @ x
    b = greg.gram_inverse @ np.vstack([basis.dummies.T @ cells, numbers])
    fitted_by_cell = basis.dummies @ b[:n_dummies]

    def residual(rows: slice) -> np.ndarray:
        fitted = fitted_by_cell[basis.cell[rows]] + basis.numbers[rows] @ b[n_dummies:]
        return influence(rows) - greg.calibrated[rows, None] * fitted
    return residual


def _sweep_residual(lin, influence, n: int, k: int):
    cal: Calibration = lin.cal
    _, rho_used = cal.used_vectors()
    level = {rho: np.zeros((cal.n_cells, k)) for rho in rho_used}
    for rows in chunks(n):
        x, by_cell = influence(rows), _group(cal.cell[rows], cal.n_cells)
        for rho, total in level.items():
            total += by_cell @ (read(cal.vectors[rho], rows)[:, None] * x)
    corrections = lin.geometry.corrections(level)

    def residual(rows: slice) -> np.ndarray:
        e = np.array(influence(rows), dtype=np.float64)
        for r, correction in corrections.items():
            e -= read(cal.vectors[r], rows)[:, None] * correction[cal.cell[rows]]
        return e
    return residual


def _group(codes: np.ndarray, n_groups: int) -> sp.csr_array:
    """The groups x rows indicator matrix of a block's codes (its product with values sums them)."""
    return sp.csr_array((np.ones(len(codes)), (codes.astype(np.int64), np.arange(len(codes)))),
                        shape=(n_groups, len(codes)))


class _StageSums:
    """One stage's sums: sum s e e' over rows (every row a PSU) or PSU totals, and stratum totals."""

    def __init__(self, st: Structure, k: int):
        self.st = st
        self.square = np.zeros((k, k))
        self.stratum = np.zeros((st.n_strata, k))
        self.psu = None if st.row_psu is None else np.zeros((st.n_psus, k))

    def add(self, rows: slice, e: np.ndarray) -> None:
        st = self.st
        self.stratum += _group(st.row_stratum[rows], st.n_strata) @ e
        if self.psu is not None and st.row_psu is not None:  # both or neither (see __init__)
            self.psu += _group(st.row_psu[rows], st.n_psus) @ e
        else:
            self.square += e.T @ (st.scale[st.row_stratum[rows]][:, None] * e)

    def covariance(self) -> np.ndarray:
        st = self.st
        square = self.square if self.psu is None else self.psu.T @ (st.psu_scale()[:, None] * self.psu)
        matrix = square - self.stratum.T @ (st.centre_scale()[:, None] * self.stratum)
        return matrix * _average_factor(st)


def _average_factor(st: Structure) -> float:
    """lonely_psu "average": strata / strata with several PSUs, every stratum being reached
    (the estimates here are defined on every row of the design)."""
    return 1.0 if st.average is None else len(st.average) / np.count_nonzero(~st.average)
