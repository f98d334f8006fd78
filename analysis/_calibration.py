"""What a calibrated design remembers so that its variance can be adjusted as R's survey does.

R's `postStratify()` stores, for each post-stratification, the post-stratum of every row with
the weights before (`oldweights`) and after (`weights`, here psw) the step; `rake()` stores the
steps of its last iteration as one "raking" group. `svyrecvar()` then replaces the influence
values x before computing the variance (Lumley 2010, "Complex Surveys", sections 7.2-7.4):

- post-stratification: x <- x - psw * m[level], where m is the mean of x / psw within the level
  weighted by the old weights, i.e. m = sum(x * v) / sum(v * psw) with v = oldweights / psw;
- raking: ten sweeps over the margins of x <- x - psw * m[level] with the plain mean of x / psw,
  i.e. the same formula with v = 1 / psw (an approximation to the projection on the margins
  that R uses and that we reproduce, not improve on).

Every level is a union of calibration cells (the cross-classification of all calibration
variables), and both psw and v are a row vector times a factor constant within a cell: psw =
r * a[cell], v = rho * b[cell]. Storing the factors per cell and the few row vectors once lets
the adjustment run on cell totals instead of rows (see `_variance`). A row vector is a pair
(weights, power) read block by block as weights ** power (power 1, -1 or 0; 0 where the weight
is 0), so 1 / r and 1 are never stored.
"""

from dataclasses import dataclass, replace

import numpy as np

from analysis._codes import combine
from analysis._greg import Greg

Vector = tuple[np.ndarray, int]


def read(vector: Vector, rows: slice) -> np.ndarray:
    """The vector's values on a block of rows."""
    weights, power = vector
    block = weights[rows]
    if power == 1:
        return block
    if power == 0:
        return np.ones(len(block))
    return np.divide(1.0, block, out=np.zeros(len(block)), where=block > 0)


@dataclass(frozen=True)
class Step:
    """One post-stratification step: psw = vectors[r] * a[cell], v = vectors[rho] * b[cell]."""

    level: np.ndarray
    n_levels: int
    a: np.ndarray
    b: np.ndarray
    r: int
    rho: int


@dataclass(frozen=True)
class Block:
    """Steps applied in turn `sweeps` times: 1 for a post-stratification, 10 for a raking."""

    steps: tuple[Step, ...]
    sweeps: int


@dataclass(frozen=True)
class Calibration:
    """Cells of the rows, the row vectors the steps refer to, and the steps in R's order.

    `current` = (k, factor) says that the design's weights equal vectors[k] * factor[cell];
    it is None once trimming has broken that (a later calibration then starts a new vector).
    """

    cell: np.ndarray
    n_cells: int
    vectors: tuple[Vector, ...]
    blocks: tuple[Block, ...]
    current: tuple[int, np.ndarray] | None

    def used_vectors(self) -> tuple[set[int], set[int]]:
        """Indices of the vectors used as r and as rho by some step."""
        steps = [step for block in self.blocks for step in block.steps]
        return {s.r for s in steps}, {s.rho for s in steps}


def blank(weights: np.ndarray) -> Calibration:
    """The record of a design that has not been calibrated yet: one cell, weights = vector 0."""
    cell = np.zeros(len(weights), dtype=np.int8)
    return Calibration(cell, 1, ((weights, 1),), (), (0, np.ones(1)))


def refine(cal: Calibration, codes: list[np.ndarray], sizes: list[int]) -> tuple[Calibration, np.ndarray]:
    """Split the cells by new calibration variables (codes without -1).

    Returns the record on the new cells and, per new cell, its code of each new variable.
    """
    cell, parts = combine([cal.cell, *codes], [cal.n_cells, *sizes])
    old = parts[:, 0]
    blocks = tuple(Block(tuple(_remap(s, old) for s in b.steps), b.sweeps) for b in cal.blocks)
    current = None if cal.current is None else (cal.current[0], cal.current[1][old])
    return Calibration(cell, len(parts), cal.vectors, blocks, current), parts[:, 1:]


def _remap(step: Step, old: np.ndarray) -> Step:
    return replace(step, level=step.level[old], a=step.a[old], b=step.b[old])


def anchor(cal: Calibration, weights: np.ndarray) -> tuple[Calibration, int, np.ndarray]:
    """Express the weights as vectors[k] * factor[cell], adding them as a vector if needed."""
    if cal.current is not None:
        return cal, cal.current[0], cal.current[1]
    cal = replace(cal, vectors=(*cal.vectors, (weights, 1)))
    return cal, len(cal.vectors) - 1, np.ones(cal.n_cells)


def add_vector(cal: Calibration, vector: Vector) -> tuple[Calibration, int]:
    """Append a row vector; returns the record and the vector's index."""
    return replace(cal, vectors=(*cal.vectors, vector)), len(cal.vectors)


def add_block(cal: Calibration, block: Block) -> Calibration:
    """Append a block; the weights are then vectors[r] * a[cell] of its last step."""
    last = block.steps[-1]
    return replace(cal, blocks=(*cal.blocks, block), current=(last.r, last.a))


def after_trimming(cal: Calibration | Greg | None) -> Calibration | Greg | None:
    """Trimming keeps the record (as R's trimWeights keeps postStrata) but not `current`;
    a calibrate() record (not a Calibration) holds its own weights and is kept as it is."""
    return replace(cal, current=None) if isinstance(cal, Calibration) else cal
