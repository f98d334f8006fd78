"""Taylor-linearisation variances of many domain estimates at once.

An estimate's influence values x_i (Lumley 2010, "Complex Surveys", appendix C; Binder 1983)
are summed to PSU totals z_p; the variance is

    V = sum_p s_p z_p^2 - sum_h s_h (sum_{p in h} z_p)^2 / n_h,   s_h = (1 - f_h) n_h / (n_h - 1),

which is R's svyrecvar() for a one-stage design. Columns are domain x category estimates; each
row feeds one column per category, so every sum is an `np.bincount` over rows, fed a block of
rows at a time (`_codes.chunks`).

Calibrated designs first replace x by x - sum_r vectors[r] * E_r[cell] (see `_calibration`).
The corrections E_r (cells x columns) come from sweeping R's post-stratification steps over
cell totals; V is then expanded into sums the rows give in one pass:

    sum_p s_p z_p^2 = A - 2 sum_r <E_r, C_r> + sum_{r, r'} <E_r, K2_{r r'} E_r'>

with A = sum_p s_p Z_p^2, C_r = B_r' S Z and K2 = B_r' S B_r' (B_r: PSU x cell sums of vectors[r]).
"""

from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse as sp

from analysis._calibration import Calibration, Step, read
from analysis._codes import chunks, compact
from analysis._greg import Greg, GregAccumulator
from analysis._structure import Structure

# Sums over (group, cell) pairs of a block of rows are dense up to this many entries, sparse beyond.
_DENSE_LIMIT = 1 << 20


def _sum_matrix(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, shape: tuple[int, int]):
    """The matrix of sums of `values` at (rows, cols): dense when small, else sparse."""
    if shape[0] * shape[1] <= _DENSE_LIMIT:
        return np.bincount(rows * shape[1] + cols, values, shape[0] * shape[1]).reshape(shape)
    return sp.csr_array((values, (rows, cols)), shape=shape)


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if sp.issparse(matrix) else matrix


def _add_cell_sums(totals: dict[int, np.ndarray], cal: Calibration, key: np.ndarray, rows: slice,
                   scale, x: np.ndarray) -> None:
    """Add to each vector's cells x columns total the sums of scale * vector * x at `key`."""
    for r, total in totals.items():
        total += np.bincount(key, scale * read(cal.vectors[r], rows) * x, total.size).reshape(total.shape)


class Linearization:
    """The variance function of one design; per-design sums are computed once, on first use."""

    def __init__(self, structure: Structure, calibration: Calibration | Greg | None):
        self.st = structure
        self.cal = calibration
        # R's multistage(): later stages add their own one-stage variances (scaled in `later`)
        self.later = [Linearization(stage, calibration) for stage in structure.later]

    def accumulator(self, n_cols: int) -> "Accumulator | GregAccumulator":
        if isinstance(self.cal, Greg):  # calibrate(): regression residuals, not R's sweeps
            return GregAccumulator(self, n_cols)
        return Accumulator(self, n_cols)

    @cached_property
    def psu_scale(self) -> np.ndarray:
        return self.st.psu_scale()

    @property
    def sweeps(self) -> Calibration | None:
        """The record of postStratify/rake steps; None when uncalibrated or calibrate()d (a Greg)."""
        return self.cal if isinstance(self.cal, Calibration) else None

    @cached_property
    def geometry(self) -> "_Geometry":
        assert self.sweeps is not None, "only post-stratified or raked designs have a sweep geometry"
        return _Geometry(self.st, self.sweeps)


class Accumulator:
    """Sums for the variances of `n_cols` estimates, fed one block of rows at a time."""

    def __init__(self, lin: Linearization, n_cols: int):
        self.lin, self.n = lin, n_cols
        self.square = np.zeros(n_cols)
        self.stratum = np.zeros((lin.st.n_strata, n_cols))
        cal = lin.sweeps
        r_used, rho_used = cal.used_vectors() if cal is not None else (set(), set())
        shape = (cal.n_cells if cal is not None else 0, n_cols)
        self.level = {rho: np.zeros(shape) for rho in rho_used}
        self.cross = {r: np.zeros(shape) for r in r_used}
        self.parts: list[tuple[np.ndarray, np.ndarray]] = []
        # Later stages share this stage's calibration, which is not a Greg (see accumulator()).
        self.later = [Accumulator(stage, n_cols) for stage in lin.later]
        self.present = None if lin.st.average is None else np.zeros(self.stratum.shape)

    def add(self, rows: slice, col: np.ndarray, x: np.ndarray) -> None:
        """Rows `rows` add x to columns `col` (arrays of the block's length)."""
        st, cal = self.lin.st, self.lin.sweeps
        for stage in self.later:
            stage.add(rows, col, x)
        if self.present is not None:
            key = st.row_stratum[rows].astype(np.int64) * self.n + col
            self.present += np.bincount(key, minlength=self.present.size).reshape(self.present.shape)
        if cal is not None:
            cell_key = cal.cell[rows].astype(np.int64) * self.n + col
            _add_cell_sums(self.level, cal, cell_key, rows, 1.0, x)
        if st.row_psu is not None:
            self.parts.append((st.row_psu[rows] * self.n + col, x))
            return
        # one stratum (no strata column): a constant scale, and no stratum in the key
        stratum = st.row_stratum[rows] if st.n_strata > 1 else None
        scale = st.scale[stratum] if st.n_strata > 1 else st.scale[0]
        self._add_psus(col, x, scale, stratum)
        if cal is not None:
            _add_cell_sums(self.cross, cal, cell_key, rows, scale, x)

    def _add_psus(self, col: np.ndarray, z: np.ndarray, scale, stratum: np.ndarray | None) -> None:
        """A = sum s z^2 per column and the stratum totals, from PSU totals z (stratum None: one)."""
        self.square += np.bincount(col, scale * z * z, self.n)
        key = col if stratum is None else stratum.astype(np.int64) * self.n + col
        self.stratum += np.bincount(key, z, self.stratum.size).reshape(self.stratum.shape)

    def _add_clusters(self) -> None:
        """PSU totals of the collected rows, then their sums (designs with clusters)."""
        st, n = self.lin.st, self.n
        keys = np.concatenate([k for k, _ in self.parts])
        present, position = compact(keys, st.n_psus * n)
        psu, col = present // n, present % n
        z = np.bincount(position, np.concatenate([x for _, x in self.parts]), len(present))
        scale = self.lin.psu_scale[psu]
        self._add_psus(col, z, scale, st.psu_stratum[psu])
        for r, total in self.cross.items():
            zs = sp.csr_array((scale * z, (psu, col)), shape=(st.n_psus, n))
            total += _dense(zs.T @ self.lin.geometry.psu_cell[r]).T

    def variance(self) -> np.ndarray:
        """Variance of each column's estimate (clipped at 0 against rounding)."""
        later = sum((s._stage_variance() for s in self.later), np.zeros(self.n))
        return np.maximum(self._stage_variance() + later, 0.0)

    def _stage_variance(self) -> np.ndarray:
        if self.parts:
            self._add_clusters()
        if self.lin.sweeps is not None:
            self._calibrate()
        variance = self.square - self.lin.st.centre_scale() @ (self.stratum ** 2)
        average = self.lin.st.average
        if self.present is None or average is None:
            return variance
        return variance * self._average_factor(self.present, average)

    def _average_factor(self, present: np.ndarray, average: np.ndarray) -> np.ndarray:
        """R's onestage() for lonely_psu "average": strata / strata with several PSUs, counting
        the strata the estimate's domain reaches (all of them once calibrated, as R keeps
        every row of a calibrated design in a subset)."""
        reached = present > 0 if self.lin.sweeps is None else np.ones(present.shape, bool)
        ok = reached & ~average[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            return reached.sum(axis=0) / ok.sum(axis=0)

    def _calibrate(self) -> None:
        geo = self.lin.geometry
        corrections = geo.corrections(self.level)
        for r, e in corrections.items():
            self.square -= 2 * np.einsum("cj,cj->j", e, self.cross[r])
            self.stratum -= geo.stratum_cell[r] @ e
            for r2, e2 in corrections.items():
                self.square += np.einsum("cj,cj->j", e, geo.cell_cell[r, r2] @ e2)


class _Geometry:
    """Sums over rows that depend on the design only, and R's sweeps on cell totals.

    overlap[rho, r]: per cell, sum of rho * r; stratum_cell[r]: stratum x cell sums of r;
    cell_cell[r, r2] = B_r' S B_r2 (diagonal when every row is a PSU); psu_cell[r] = B_r
    (designs with clusters).
    """

    def __init__(self, st: Structure, cal: Calibration):
        self.cal = cal
        r_used, rho_used = cal.used_vectors()
        self.overlap = {(rho, r): np.zeros(cal.n_cells) for rho in rho_used for r in r_used}
        # Each starts at 0 and becomes a (stratum or PSU) x cell matrix, dense or sparse.
        self.stratum_cell: dict[int, Any] = dict.fromkeys(r_used, 0)
        self.psu_cell: dict[int, Any] = dict.fromkeys(r_used, 0)
        diagonal = {(r, r2): np.zeros(cal.n_cells) for r in r_used for r2 in r_used}
        for rows in chunks(len(cal.cell)):
            self._add_rows(st, rows, diagonal)
        if st.row_psu is None:
            self.cell_cell = {pair: sp.diags_array(total) for pair, total in diagonal.items()}
        else:
            scaled = {r: sp.diags_array(st.psu_scale()) @ self.psu_cell[r] for r in r_used}
            self.cell_cell = {(r, r2): self.psu_cell[r].T @ scaled[r2] for r in r_used for r2 in r_used}
        self.level_matrices = [[self._level_matrix(s) for s in b.steps] for b in cal.blocks]

    def _add_rows(self, st: Structure, rows: slice, diagonal: dict) -> None:
        """Add a block of rows to the sums (to `diagonal` when every row is a PSU)."""
        cal = self.cal
        cell, stratum = cal.cell[rows], st.row_stratum[rows].astype(np.int64)
        v = {k: read(cal.vectors[k], rows) for k in {k for pair in self.overlap for k in pair}}
        for rho, r in self.overlap:
            self.overlap[rho, r] += np.bincount(cell, v[rho] * v[r], cal.n_cells)
        for r in self.stratum_cell:
            self.stratum_cell[r] += _sum_matrix(stratum, cell, v[r], (st.n_strata, cal.n_cells))
            if st.row_psu is not None:
                self.psu_cell[r] += _sum_matrix(st.row_psu[rows], cell, v[r], (st.n_psus, cal.n_cells))
        if st.row_psu is None:
            for r, r2 in diagonal:
                diagonal[r, r2] += np.bincount(cell, st.scale[stratum] * v[r] * v[r2], cal.n_cells)

    def _level_matrix(self, step: Step) -> tuple[sp.csr_array, np.ndarray]:
        """Level x cell matrix of the factors b, and the denominators sum(v * psw) per level."""
        cells = np.arange(self.cal.n_cells)
        by_level = sp.csr_array((step.b, (step.level, cells)), shape=(step.n_levels, self.cal.n_cells))
        return by_level, by_level @ (step.a * self.overlap[step.rho, step.r])

    def corrections(self, level_sums: dict[int, np.ndarray]) -> dict[int, np.ndarray]:
        """E_r per vector: R's steps applied to the cell sums S_rho = sum over cell of rho * x."""
        r_used, _ = self.cal.used_vectors()
        first = next(iter(level_sums.values()))
        corr = {r: np.zeros_like(first) for r in r_used}
        for block, matrices in zip(self.cal.blocks, self.level_matrices, strict=True):
            for _ in range(block.sweeps):
                for step, (by_level, denominator) in zip(block.steps, matrices, strict=True):
                    mean = (by_level @ level_sums[step.rho]) / denominator[:, None]
                    delta = step.a[:, None] * mean[step.level]
                    corr[step.r] += delta
                    for rho, total in level_sums.items():
                        total -= self.overlap[rho, step.r][:, None] * delta
        return corr
