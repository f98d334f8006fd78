"""Strata, primary sampling units (PSUs) and finite population corrections of a design.

The variance of a one-stage design (Lumley 2010, "Complex Surveys", section 2.2; R's
`svyrecvar` with `survey.ultimate.cluster`) is

    V = sum_h (1 - f_h) n_h / (n_h - 1) * sum_i (z_hi - mean_h z)^2

over strata h with n_h sampled PSUs, sampling fraction f_h and PSU totals z_hi of the influence
values. Everything here is fixed by the sample, so it is computed once per design.
"""

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analysis._codes import column, combine, factorize

# R's onestrat() treats a stratum whose finite population correction leaves less than this as
# sampled with certainty: it contributes no variance (and a single PSU there is not an error).
_CERTAINTY = 1e-7

# R's options(survey.lonely.psu): what a stratum with a single PSU contributes to the variance.
LONELY_PSU = ("fail", "remove", "adjust", "average", "certainty")


@dataclass(frozen=True)
class Structure:
    """Sampling structure; `row_psu` is None when every row is its own PSU (no clusters).

    `uncentred` marks lonely strata whose PSU total is not centred (lonely_psu "adjust");
    `average` marks lonely strata left out and replaced by the average of the others
    ("average"); `later` holds the structures of the later stages of a multistage design
    (see `_stages`), whose `scale` already includes the earlier stages' sampling fractions.
    """

    row_stratum: np.ndarray
    row_psu: np.ndarray | None
    psu_stratum: np.ndarray
    stratum_psus: np.ndarray
    scale: np.ndarray
    pop_size: np.ndarray | None
    uncentred: np.ndarray | None = None
    average: np.ndarray | None = None
    later: tuple["Structure", ...] = ()

    @property
    def n_strata(self) -> int:
        return len(self.stratum_psus)

    @property
    def n_psus(self) -> int:
        return len(self.psu_stratum)

    def psu_scale(self) -> np.ndarray:
        """(1 - f_h) n_h / (n_h - 1) for each PSU's stratum."""
        return self.scale[self.psu_stratum]

    def centre_scale(self) -> np.ndarray:
        """s_h / n_h, the factor of each squared stratum total (0 where not centred)."""
        centre = self.scale / self.stratum_psus
        return centre if self.uncentred is None else np.where(self.uncentred, 0.0, centre)

    def default_weights(self) -> np.ndarray:
        """Weights implied by the design alone: N_h / n_h with an fpc (as R's svydesign), else 1."""
        if self.pop_size is None:
            return np.ones(len(self.row_stratum))
        weights = (self.pop_size / self.stratum_psus)[self.row_stratum]
        for stage in self.later:
            weights = weights * stage.default_weights()
        return weights


def build(data: pd.DataFrame, strata: str | None, cluster: str | None, fpc: str | None,
          lonely_psu: str = "fail") -> Structure:
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
    if strata is None and n_h[0] == 1 and scale[0] > 0:
        raise ValueError("the design has only one PSU: its variance cannot be estimated")
    structure = Structure(row_stratum, row_psu, psu_stratum, n_h, scale, pop)
    return with_lonely(structure, lonely_psu, lambda h: f"stratum {labels[h]!r} of column {strata!r}")


def _codes_without_missing(data: pd.DataFrame, name: str | None) -> tuple[np.ndarray, pd.Index]:
    if name is None:
        return np.zeros(len(data), dtype=np.int8), pd.Index(["all"])
    codes, levels = factorize(column(data, name))
    if (codes < 0).any():
        raise ValueError(f"column {name!r} has missing values (row {data.index[int(np.argmax(codes < 0))]!r})")
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


def with_lonely(structure: Structure, lonely_psu: str, describe) -> Structure:
    """Apply R's survey.lonely.psu rule to the strata with one PSU (R's onestrat()).

    "fail" raises naming the stratum (`describe(h)`); "remove" and "certainty" make it
    contribute nothing; "adjust" leaves its PSU total uncentred (centred at 0);
    "average" leaves it out and scales the variance by strata / strata with several PSUs.
    """
    lonely = (structure.stratum_psus == 1) & (structure.scale > 0)
    if not lonely.any():
        return structure
    if lonely_psu == "fail":
        raise ValueError(f"{describe(int(np.argmax(lonely)))} has only one PSU")
    if lonely_psu == "adjust":
        return replace(structure, uncentred=lonely)
    average = lonely if lonely_psu == "average" else None
    return replace(structure, scale=np.where(lonely, 0.0, structure.scale), average=average)
