"""Replicate weights made from a design's strata, PSUs and fpc, as R's as.svrepdesign().

Each function returns (multipliers: PSUs x replicates, scale, rscales); a replicate's weights
are the design's weights times its multiplier for the row's PSU (R: combined.weights = FALSE).

- JK1 (R's jk1weights; unstratified): replicate j drops PSU j and multiplies the others by
  n / (n - 1); scale = (1 - f) (n - 1) / n.
- JKn (R's jknweights): replicate (h, j) drops PSU j of stratum h and multiplies the other
  PSUs of h by n_h / (n_h - 1); rscales = (1 - f_h) (n_h - 1) / n_h, scale = 1.
- bootstrap (R's bootweights; Canty & Davison 1999): each stratum draws n_h of its PSUs with
  replacement (without fpc) or n_h without replacement from its PSUs repeated to the
  population size N_h (with fpc); multipliers = times drawn; scale = m / ((m - 1)(R - 1))
  with m the harmonic mean of the PSUs per stratum.
- subbootstrap (R's subbootweights; Rao & Wu 1988): each stratum draws n_h - 1 PSUs with
  replacement; multipliers = times drawn * n_h / (n_h - 1); scale = 1 / (R - 1).
"""

import numpy as np

from analysis._structure import Structure

TYPES = ("JK1", "JKn", "bootstrap", "subbootstrap")


def multipliers(st: Structure, kind: str, replicates: int, seed) -> tuple[np.ndarray, float, np.ndarray]:
    """(PSUs x replicates multipliers, scale, rscales) for a design's structure."""
    if kind not in TYPES:
        raise ValueError(f"type must be one of {', '.join(TYPES)}, got {kind!r}")
    if kind == "JK1" and st.n_strata > 1:
        raise ValueError("type 'JK1' is for unstratified designs: use 'JKn' for a stratified one")
    if kind == "JKn" and st.n_strata == 1:
        raise ValueError("type 'JKn' needs strata: use 'JK1' or a bootstrap for an unstratified design")
    if kind in ("JK1", "JKn"):
        return _jackknife(st, kind)
    if not isinstance(replicates, int) or replicates < 2:
        raise ValueError(f"replicates must be an integer of at least 2, got {replicates!r}")
    return _bootstrap(st, kind, replicates, np.random.default_rng(seed))


def _keep(st: Structure) -> np.ndarray:
    """1 - f_h per stratum, f_h = n_h / N_h (1 without an fpc)."""
    if st.pop_size is None:
        return np.ones(st.n_strata)
    return (st.pop_size - st.stratum_psus) / st.pop_size


def _jackknife(st: Structure, kind: str) -> tuple[np.ndarray, float, np.ndarray]:
    """One replicate per PSU (in PSU order); a PSU alone in a stratum sampled with certainty
    gets a replicate of scale 0, as in R; alone otherwise, it has no variance estimate."""
    n_h, keep = st.stratum_psus, _keep(st)
    lonely = (n_h == 1) & (keep > 0)
    if lonely.any():
        raise ValueError(f"stratum {int(np.argmax(lonely))} has only one PSU: no jackknife replicate for it")
    h = st.psu_stratum.astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        inflate = np.where(n_h > 1, n_h / (n_h - 1), 0.0)
    same = h[:, None] == h[None, :]
    matrix = np.where(same, inflate[h][None, :], 1.0)
    np.fill_diagonal(matrix, 0.0)
    factor = keep * (n_h - 1) / n_h
    if kind == "JK1":
        return matrix, float(factor[0]), np.ones(st.n_psus)
    return matrix, 1.0, factor[h]


def _bootstrap(st: Structure, kind: str, replicates: int, rng: np.random.Generator):
    """Draw counts stratum by stratum (loops over strata, never over rows or replicates)."""
    n_h = st.stratum_psus
    if (n_h < 2).any():
        raise ValueError(f"stratum {int(np.argmin(n_h))} has only one PSU: it cannot be bootstrapped")
    matrix = np.empty((st.n_psus, replicates))
    for h in range(st.n_strata):
        psus = np.flatnonzero(st.psu_stratum == h)
        matrix[psus] = _draw(len(psus), None if st.pop_size is None else st.pop_size[h], kind, replicates, rng).T
    if kind == "subbootstrap":
        return matrix, 1.0 / (replicates - 1), np.ones(replicates)
    m = 1.0 / np.mean(1.0 / n_h)
    return matrix, m / ((m - 1) * (replicates - 1)), np.ones(replicates)


def _draw(n: int, population, kind: str, replicates: int, rng: np.random.Generator) -> np.ndarray:
    """Replicates x n counts of each PSU's draws in one stratum."""
    if kind == "subbootstrap":
        return rng.multinomial(n - 1, np.full(n, 1.0 / n), size=replicates) * n / (n - 1)
    if population is None:
        return rng.multinomial(n, np.full(n, 1.0 / n), size=replicates).astype(np.float64)
    # R repeats the (shuffled) PSUs up to the population size and draws n without replacement
    size = int(population)
    copies = size // n + (rng.permutation(n) < size % n)
    return rng.multivariate_hypergeometric(copies, n, size=replicates).astype(np.float64)
