"""The variance of a design calibrated by `calibrate()`, as R's svyrecvar() for a greg_calibration.

R's calibrate() keeps the QR decomposition of X sqrt(w0) (X: calibration variables, w0: the
weights before calibration) and w = g sqrt(w0); svyrecvar() then replaces the influence values
x by w * qr.resid(qr, x / w) (Deville & Särndal 1992; Lumley 2010, "Complex Surveys", section
7.3). Written out, that is the residual of the regression of x / g on X weighted by w0:

    e = x - w1 X b,   b = (X' W0 X)^-1 X' (x / g),   w1 = g w0 (the calibrated weights).

The variance of e is then expanded so the rows are read once per estimate (S: the scale
(1 - f_h) n_h / (n_h - 1) of each PSU's stratum, z: PSU totals of x, B: PSU totals of w1 X):

    sum_p s_p (z_p - B_p b)^2 = A - 2 b' C + b' K b,   A = sum s z^2, C = B' S z, K = B' S B,

and the stratum totals of e are those of x minus (stratum totals of w1 X) b. X is stored as
dummies per calibration cell plus a few numeric columns, so the sums over rows are bincounts.
"""

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from analysis._codes import chunks, compact
from analysis._structure import Structure


@dataclass(frozen=True)
class Basis:
    """Calibration variables of each unit: x_u = (dummies[cell[u]], numbers[u])."""

    cell: np.ndarray
    dummies: np.ndarray
    numbers: np.ndarray

    @property
    def width(self) -> int:
        return self.dummies.shape[1] + self.numbers.shape[1]

    def times(self, eta: np.ndarray) -> np.ndarray:
        """x_u' eta for every unit."""
        k = self.dummies.shape[1]
        return (self.dummies @ eta[:k])[self.cell] + self.numbers @ eta[k:]

    def totals(self, v: np.ndarray) -> np.ndarray:
        """X' v."""
        by_cell = np.bincount(self.cell, v, len(self.dummies))
        return np.concatenate([self.dummies.T @ by_cell, self.numbers.T @ v])

    def gram(self, v: np.ndarray) -> np.ndarray:
        """X' diag(v) X."""
        d, n_cells = self.dummies, len(self.dummies)
        cells = d.T @ (np.bincount(self.cell, v, n_cells)[:, None] * d)
        by_cell = [np.bincount(self.cell, v * x, n_cells) for x in self.numbers.T]
        mixed = d.T @ (np.column_stack(by_cell) if by_cell else np.zeros((n_cells, 0)))
        numbers = (self.numbers * v[:, None]).T @ self.numbers
        return np.block([[cells, mixed], [mixed.T, numbers]])

    def width_of(self, n_cols: int) -> int:
        """Length of the flat sums of `by_variable`."""
        return (len(self.dummies) + self.numbers.shape[1]) * n_cols

    def key(self, rows: slice, col: np.ndarray, n: int) -> np.ndarray:
        """The (cell, column) pair of each row of a block, as one code for `by_variable`."""
        return self.cell[rows].astype(np.int64) * n + col

    def by_variable(self, key: np.ndarray, rows: slice, col: np.ndarray, v: np.ndarray, n: int) -> np.ndarray:
        """Sums of v per (cell, column), then of v * number per (number, column), flat."""
        cells = np.bincount(key, v, len(self.dummies) * n)
        return np.concatenate([cells, *(np.bincount(col, v * x[rows], n) for x in self.numbers.T)])

    def per_variable(self, flat: np.ndarray, n: int) -> np.ndarray:
        """X' applied to the flat sums of `by_variable`: variables x columns."""
        n_cells = len(self.dummies)
        cells = self.dummies.T @ flat[: n_cells * n].reshape(n_cells, n)
        return np.vstack([cells, flat[n_cells * n:].reshape(-1, n)])

    def group_sums(self, group: np.ndarray, n_groups: int, v: np.ndarray) -> np.ndarray:
        """Per group (stratum or PSU), the totals of v x: groups x width."""
        cells = sp.csr_array((v, (group, self.cell)), shape=(n_groups, len(self.dummies)))
        numbers = [np.bincount(group, v * x, n_groups) for x in self.numbers.T]
        return np.column_stack([cells @ self.dummies, *numbers])


class Greg:
    """What a calibrate()d design remembers: the basis per row, 1 / g, w1 and (X' W0 X)^-1."""

    def __init__(self, basis: Basis, inverse_g: np.ndarray, calibrated: np.ndarray,
                 gram_inverse: np.ndarray, structure: Structure):
        self.basis, self.inverse_g, self.calibrated = basis, inverse_g, calibrated
        self.gram_inverse, self.structure = gram_inverse, structure
        self._sums: dict[int, tuple] = {}

    def sums(self, st: Structure) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """For a stage's structure: K = B' S B, the stratum totals of w1 X, and B (None when
        every row is a PSU). Stages are held by `structure`, so their ids stay theirs."""
        if id(st) not in self._sums:
            b = self.basis
            strata = b.group_sums(st.row_stratum.astype(np.int64), st.n_strata, self.calibrated)
            if st.row_psu is None:
                self._sums[id(st)] = b.gram(st.scale[st.row_stratum] * self.calibrated ** 2), strata, None
            else:
                psus = b.group_sums(st.row_psu.astype(np.int64), st.n_psus, self.calibrated)
                self._sums[id(st)] = psus.T @ (st.psu_scale()[:, None] * psus), strata, psus
        return self._sums[id(st)]


class GregAccumulator:
    """The `_variance.Accumulator` of a calibrate()d design: sums fed a block of rows at a time.

    x / g is summed per calibration variable once; every stage of the design (one, or more
    for a multistage design) keeps its own sums of x and of the cross products with w1 X.
    """

    def __init__(self, lin, n_cols: int):
        self.greg, self.n = lin.cal, n_cols
        self.fit = np.zeros(self.greg.basis.width_of(n_cols))
        self.stages = [_Stage(stage, self.greg, n_cols) for stage in (lin.st, *lin.st.later)]

    def add(self, rows: slice, col: np.ndarray, x: np.ndarray) -> None:
        """Rows `rows` add x to columns `col` (arrays of the block's length)."""
        key = self.greg.basis.key(rows, col, self.n)
        self.fit += self.greg.basis.by_variable(key, rows, col, x * self.greg.inverse_g[rows], self.n)
        for stage in self.stages:
            stage.add(rows, col, x, key)

    def variance(self) -> np.ndarray:
        """Variance of each column's estimate (clipped at 0 against rounding)."""
        b = self.greg.gram_inverse @ self.greg.basis.per_variable(self.fit, self.n)
        return np.maximum(sum(stage.variance(b) for stage in self.stages), 0.0)


class _Stage:
    """Sums of one stage: A = sum s z^2, stratum totals of x and C = B' S z."""

    def __init__(self, st: Structure, greg: Greg, n_cols: int):
        self.st, self.greg, self.n = st, greg, n_cols
        self.square, self.stratum = np.zeros(n_cols), np.zeros((st.n_strata, n_cols))
        self.cross = np.zeros(greg.basis.width_of(n_cols))
        self.parts: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, rows: slice, col: np.ndarray, x: np.ndarray, key: np.ndarray) -> None:
        st = self.st
        if st.row_psu is not None:
            self.parts.append((st.row_psu[rows] * self.n + col, x))
            return
        scaled = (st.scale[st.row_stratum[rows]] if st.n_strata > 1 else st.scale[0]) * x
        self.square += np.bincount(col, scaled * x, self.n)
        key_stratum = st.row_stratum[rows].astype(np.int64) * self.n + col if st.n_strata > 1 else col
        self.stratum += np.bincount(key_stratum, x, self.stratum.size).reshape(self.stratum.shape)
        self.cross += self.greg.basis.by_variable(key, rows, col, scaled * self.greg.calibrated[rows], self.n)

    def _add_clusters(self) -> np.ndarray:
        """PSU totals of the collected rows, their sums, and C = B' S z (designs with clusters)."""
        st, n = self.st, self.n
        keys = np.concatenate([k for k, _ in self.parts])
        present, position = compact(keys, st.n_psus * n)
        psu, col = present // n, present % n
        z = np.bincount(position, np.concatenate([x for _, x in self.parts]), len(present))
        scaled = st.psu_scale()[psu] * z
        self.square += np.bincount(col, scaled * z, n)
        self.stratum += np.bincount(st.psu_stratum[psu].astype(np.int64) * n + col, z,
                                    self.stratum.size).reshape(self.stratum.shape)
        by_psu = sp.csr_array((scaled, (psu, col)), shape=(st.n_psus, n))
        return np.asarray((by_psu.T @ self.greg.sums(st)[2]).T)

    def variance(self, b: np.ndarray) -> np.ndarray:
        """This stage's variance of the residuals x - w1 X b."""
        cross = self._add_clusters() if self.parts else self.greg.basis.per_variable(self.cross, self.n)
        k_matrix, strata, _ = self.greg.sums(self.st)
        square = self.square - 2 * np.einsum("kj,kj->j", b, cross) + np.einsum("kj,kj->j", b, k_matrix @ b)
        variance = square - self.st.centre_scale() @ ((self.stratum - strata @ b) ** 2)
        return variance * _average_factor(self.st)


def _average_factor(st: Structure) -> float:
    """lonely_psu "average": strata / strata with several PSUs (a calibrated design reaches
    every stratum in every domain, as R keeps every row of a calibrated design in a subset)."""
    return 1.0 if st.average is None else len(st.average) / np.count_nonzero(~st.average)


def rows_of(values: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """values[codes], block by block into one new array."""
    out = np.empty(len(codes))
    for rows in chunks(len(codes)):
        out[rows] = values[codes[rows]]
    return out
