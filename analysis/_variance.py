"""Taylor-linearisation variances of many domain estimates at once.

An estimate's influence values x_i (Lumley 2010, "Complex Surveys", appendix C; Binder 1983)
are summed to PSU totals z_p; the variance is

    V = sum_p s_p z_p^2 - sum_h s_h (sum_{p in h} z_p)^2 / n_h,   s_h = (1 - f_h) n_h / (n_h - 1),

which is R's svyrecvar() for a one-stage design. Columns are domain x category estimates and
each row feeds one domain, so every sum is an `np.bincount` over rows.

Calibrated designs first replace x by x - sum_r vectors[r] * E_r[cell] (see `_calibration`).
The corrections E_r (cells x columns) come from sweeping R's post-stratification steps over
cell totals; V is then expanded into sums the rows give in one pass:

    sum_p s_p z_p^2 = A - 2 sum_r <E_r, C_r> + sum_{r, r'} <E_r, K2_{r r'} E_r'>

with A = sum_p s_p Z_p^2, C_r = B_r' S Z and K2 = B_r' S B_r' (B_r: PSU x cell sums of vectors[r]).
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp

from analysis._calibration import Calibration, Step
from analysis._codes import compact
from analysis._structure import Structure


@dataclass(frozen=True)
class Influence:
    """Influence values: row i adds vals[i, k] to column domain[i] * K + k (K = vals.shape[1]).

    Rows outside every domain carry zeros (their domain code is any valid one).
    """

    domain: np.ndarray
    vals: np.ndarray
    n_domains: int

    @property
    def n_cols(self) -> int:
        return self.n_domains * self.vals.shape[1]


class Linearization:
    """The variance function of one design; per-design sums are computed once, on first use."""

    def __init__(self, structure: Structure, calibration: Calibration | None):
        self.st = structure
        self.cal = calibration

    def variance(self, inf: Influence) -> np.ndarray:
        """Variance of each column's estimate (clipped at 0 against rounding)."""
        st, n_cols = self.st, inf.n_cols
        sums = _Sums(n_cols, st.n_strata, self.cal)
        for k in range(inf.vals.shape[1]):
            col = inf.domain * inf.vals.shape[1] + k
            self._add_layer(sums, col, inf.vals[:, k], n_cols)
        if self.cal is not None:
            self._calibrate(sums)
        centre = (st.scale / st.stratum_psus) @ (sums.stratum ** 2)
        return np.maximum(sums.square - centre, 0.0)

    def _add_layer(self, sums: "_Sums", col: np.ndarray, x: np.ndarray, n_cols: int) -> None:
        st = self.st
        psu, zcol, z = self._psu_totals(col, x, n_cols)
        scale = self._psu_scale if psu is None else self._psu_scale[psu]
        stratum = st.psu_stratum if psu is None else st.psu_stratum[psu]
        sums.square += np.bincount(zcol, scale * z * z, n_cols)
        sums.stratum += np.bincount(stratum * n_cols + zcol, z, st.n_strata * n_cols).reshape(st.n_strata, n_cols)
        if self.cal is not None:
            key = self.cal.cell * n_cols + col
            size = self.cal.n_cells * n_cols
            for rho, total in sums.level.items():
                total += np.bincount(key, self.cal.vectors[rho] * x, size).reshape(-1, n_cols)
            for r, total in sums.cross.items():
                total += self._cross(r, key, x, psu, zcol, z, n_cols)

    def _psu_totals(self, col: np.ndarray, x: np.ndarray, n_cols: int):
        """(psu, column, total) triples; psu None means rows are PSUs and nothing is summed."""
        if self.st.row_psu is None:
            return None, col, x
        present, position = compact(self.st.row_psu * n_cols + col, self.st.n_psus * n_cols)
        return present // n_cols, present % n_cols, np.bincount(position, x, len(present))

    def _cross(self, r: int, key, x, psu, zcol, z, n_cols: int) -> np.ndarray:
        """C_r = sum_p s_p B_r(p, cell) Z(p, column), cells x columns."""
        cal = self.cal
        if psu is None:
            weights = self._psu_scale * cal.vectors[r] * x
            return np.bincount(key, weights, cal.n_cells * n_cols).reshape(-1, n_cols)
        zs = sp.csr_array((self._psu_scale[psu] * z, (psu, zcol)), shape=(self.st.n_psus, n_cols))
        return (self._geometry.psu_cell[r].T @ zs).toarray()

    def _calibrate(self, sums: "_Sums") -> None:
        geo = self._geometry
        corrections = geo.corrections(sums.level)
        for r, e in corrections.items():
            sums.square -= 2 * np.einsum("cj,cj->j", e, sums.cross[r])
            sums.stratum -= geo.stratum_cell[r] @ e
            for r2, e2 in corrections.items():
                sums.square += np.einsum("cj,cj->j", e, geo.cell_cell[r, r2] @ e2)

    @cached_property
    def _psu_scale(self) -> np.ndarray:
        return self.st.psu_scale()

    @cached_property
    def _geometry(self) -> "_Geometry":
        return _Geometry(self.st, self.cal, self._psu_scale)


class _Sums:
    """Running sums over rows: A, stratum totals, and per-vector cell sums S_rho and C_r."""

    def __init__(self, n_cols: int, n_strata: int, cal: Calibration | None):
        self.square = np.zeros(n_cols)
        self.stratum = np.zeros((n_strata, n_cols))
        r_used, rho_used = cal.used_vectors() if cal is not None else (set(), set())
        shape = (cal.n_cells if cal is not None else 0, n_cols)
        self.level = {rho: np.zeros(shape) for rho in rho_used}
        self.cross = {r: np.zeros(shape) for r in r_used}


class _Geometry:
    """Sums over rows that depend on the design only, and R's sweeps on cell totals."""

    def __init__(self, st: Structure, cal: Calibration, psu_scale: np.ndarray):
        self.cal = cal
        r_used, rho_used = cal.used_vectors()
        v = cal.vectors
        self.overlap = {(rho, r): np.bincount(cal.cell, v[rho] * v[r], cal.n_cells)
                        for rho in rho_used for r in r_used}
        cells = (st.n_strata, cal.n_cells)
        self.stratum_cell = {r: sp.csr_array((v[r], (st.row_stratum, cal.cell)), shape=cells) for r in r_used}
        if st.row_psu is None:
            self.cell_cell = {(r, r2): sp.diags_array(np.bincount(cal.cell, psu_scale * v[r] * v[r2], cal.n_cells))
                              for r in r_used for r2 in r_used}
        else:
            shape = (st.n_psus, cal.n_cells)
            self.psu_cell = {r: sp.csr_array((v[r], (st.row_psu, cal.cell)), shape=shape) for r in r_used}
            scaled = sp.diags_array(psu_scale)
            self.cell_cell = {(r, r2): self.psu_cell[r].T @ scaled @ self.psu_cell[r2]
                              for r in r_used for r2 in r_used}
        self.level_matrices = [[self._level_matrix(s) for s in b.steps] for b in cal.blocks]

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
        for block, matrices in zip(self.cal.blocks, self.level_matrices):
            for _ in range(block.sweeps):
                for step, (by_level, denominator) in zip(block.steps, matrices):
                    mean = (by_level @ level_sums[step.rho]) / denominator[:, None]
                    delta = step.a[:, None] * mean[step.level]
                    corr[step.r] += delta
                    for rho, total in level_sums.items():
                        total -= self.overlap[rho, step.r][:, None] * delta
        return corr
