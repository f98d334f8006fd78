"""Strata, primary sampling units (PSUs) and finite population corrections of a design.

The variance of a one-stage design (Lumley 2010, "Complex Surveys", section 2.2; R's
`svyrecvar` with `survey.ultimate.cluster`) is

    V = sum_h (1 - f_h) n_h / (n_h - 1) * sum_i (z_hi - mean_h z)^2

over strata h with n_h sampled PSUs, sampling fraction f_h and PSU totals z_hi of the influence
values. Everything here is fixed by the sample, so it is computed once per design.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis._codes import column, combine, factorize

# R's onestrat() treats a stratum whose finite population correction leaves less than this as
# sampled with certainty: it contributes no variance (and a single PSU there is not an error).
_CERTAINTY = 1e-7


@dataclass(frozen=True)
class Structure:
    """Sampling structure; `row_psu` is None when every row is its own PSU (no clusters)."""

    row_stratum: np.ndarray
    row_psu: np.ndarray | None
    psu_stratum: np.ndarray
    stratum_psus: np.ndarray
    scale: np.ndarray
    pop_size: np.ndarray | None

    @property
    def n_strata(self) -> int:
        return len(self.stratum_psus)

    @property
    def n_psus(self) -> int:
        return len(self.psu_stratum)

    def psu_scale(self) -> np.ndarray:
        """(1 - f_h) n_h / (n_h - 1) for each PSU's stratum."""
        return self.scale[self.psu_stratum]

    def default_weights(self) -> np.ndarray:
        """Weights implied by the design alone: N_h / n_h with an fpc (as R's svydesign), else 1."""
        if self.pop_size is None:
            return np.ones(len(self.row_stratum))
        return (self.pop_size / self.stratum_psus)[self.row_stratum]


def build(data: pd.DataFrame, strata: str | None, cluster: str | None, fpc: str | None) -> Structure:
    """Validate the design columns and derive the structure (clusters are nested in strata)."""
    row_stratum, labels = _codes_without_missing(data, strata)
    if cluster is None:
        row_psu, psu_stratum = None, row_stratum
    else:
        cluster_codes, cluster_levels = _codes_without_missing(data, cluster)
        row_psu, pairs = combine([row_stratum, cluster_codes], [len(labels), len(cluster_levels)])
        psu_stratum = pairs[:, 0]
    n_h = np.bincount(psu_stratum, minlength=len(labels))
    pop = None if fpc is None else _population(data, fpc, row_stratum, n_h, labels)
    scale = _scale(n_h, pop)
    _refuse_lonely(n_h, scale, labels, strata)
    return Structure(row_stratum, row_psu, psu_stratum, n_h, scale, pop)


def _codes_without_missing(data: pd.DataFrame, name: str | None) -> tuple[np.ndarray, pd.Index]:
    if name is None:
        return np.zeros(len(data), dtype=np.int8), pd.Index(["all"])
    codes, levels = factorize(column(data, name))
    if (codes < 0).any():
        raise ValueError(f"column {name!r} has missing values (row {data.index[np.argmax(codes < 0)]!r})")
    return codes, levels


def _population(data: pd.DataFrame, name: str, row_stratum: np.ndarray, n_h: np.ndarray,
                labels: pd.Index) -> np.ndarray:
    """Population PSUs per stratum from an fpc column of counts (any > 1) or fractions (all <= 1)."""
    values = pd.to_numeric(column(data, name), errors="coerce").to_numpy(np.float64)
    if not np.isfinite(values).all() or (values <= 0).any():
        raise ValueError(f"fpc column {name!r} must be positive and finite in every row")
    first, last = np.full(len(n_h), np.inf), np.full(len(n_h), -np.inf)
    np.minimum.at(first, row_stratum, values)
    np.maximum.at(last, row_stratum, values)
    if (first != last).any():
        stratum = labels[int(np.argmax(first != last))]
        raise ValueError(f"fpc column {name!r} varies within stratum {stratum!r}")
    if (first > 1).any() and (first < 1).any():
        raise ValueError(f"fpc column {name!r} mixes population sizes (> 1) and sampling fractions (< 1)")
    pop = first if (first > 1).any() else n_h / first
    short = pop < n_h
    if short.any():
        h = int(np.argmax(short))
        raise ValueError(f"fpc column {name!r} gives a population of {pop[h]:g} in stratum "
                         f"{labels[h]!r}, smaller than the {n_h[h]} sampled")
    return pop


def _scale(n_h: np.ndarray, pop: np.ndarray | None) -> np.ndarray:
    """(1 - f_h) n_h / (n_h - 1), written as R's onestrat() does: f = (N - n) / N."""
    keep = np.ones(len(n_h)) if pop is None else (pop - n_h) / pop
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(n_h > 1, keep * n_h / (n_h - 1), keep)
    return np.where(keep < _CERTAINTY, 0.0, scale)


def _refuse_lonely(n_h: np.ndarray, scale: np.ndarray, labels: pd.Index, strata: str | None) -> None:
    """A stratum with one PSU has no variance estimate (R's default lonely.psu = "fail")."""
    lonely = (n_h == 1) & (scale > 0)
    if not lonely.any():
        return
    if strata is None:
        raise ValueError("the design has only one PSU: its variance cannot be estimated")
    stratum = labels[int(np.argmax(lonely))]
    raise ValueError(f"stratum {stratum!r} of column {strata!r} has only one PSU")
