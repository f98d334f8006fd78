"""Multistage designs: a list of cluster columns, one per stage, with an fpc at each stage.

R's `svydesign(ids = ~psu + ssu, strata = ~s1, fpc = ~N1 + N2)` and its `multistage()`
variance (Lumley 2010, "Complex Surveys", section 3.3; Särndal, Swensson and Wretman 1992,
section 4.3): the first stage's one-stage variance plus, within each sampled PSU i, the
variance of the second stage scaled by the first-stage sampling fraction n_h / N_h of i's
stratum, and so on down the stages. Unrolled, it is a sum of one-stage variances, one per
stage k, over the stage-k strata (R's strata[, k] = stratum column x the stage k-1 unit),
each scaled by the product of the sampling fractions of the earlier stages:

    V = sum_k sum_{h at stage k} pi_h (1 - f_h) n_h / (n_h - 1) sum_i (z_hi - mean_h z)^2.

So each stage is a `Structure` whose `scale` includes pi_h, and the first carries the others
in `later`. Without an fpc R uses the first stage only (the ultimate-cluster approximation).
"""

from dataclasses import replace

import numpy as np
import pandas as pd

from analysis import _structure
from analysis._codes import combine
from analysis._structure import LONELY_PSU, Structure

Columns = str | list | tuple | None


def build(data: pd.DataFrame, strata: Columns, cluster: Columns, fpc: Columns, lonely_psu: str) -> Structure:
    """The design's structure: one stage for column names, R's multistage one for lists."""
    if lonely_psu not in LONELY_PSU:
        raise ValueError(f"lonely_psu must be one of {', '.join(LONELY_PSU)}, not {lonely_psu!r}")
    clusters, stratas, fpcs = _listed(cluster), _listed(strata), _listed(fpc)
    if not any(isinstance(v, (list, tuple)) for v in (strata, cluster, fpc)):
        return _structure.build(data, _first(stratas), _first(clusters), _first(fpcs), lonely_psu)
    _check_lengths(clusters, stratas, fpcs)
    if len(fpcs) <= 1:
        return _structure.build(data, _first(stratas), clusters[0], _first(fpcs), lonely_psu)
    _check_kinds(data, fpcs)
    stages = _stages(data, clusters, stratas, fpcs, lonely_psu)
    return replace(stages[0], later=tuple(stages[1:]))


def _listed(value: Columns) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _first(values: list):
    return values[0] if values else None


def _check_lengths(clusters: list, stratas: list, fpcs: list) -> None:
    if not clusters:
        clusters.append(None)
    if fpcs and len(clusters) > len(fpcs):
        raise ValueError(f"cluster column {clusters[len(fpcs)]!r} (stage {len(fpcs) + 1}) has no fpc: "
                         f"give one fpc column per stage")
    if len(fpcs) > len(clusters):
        raise ValueError(f"fpc column {fpcs[len(clusters)]!r} has no stage: give one cluster column per fpc")
    if len(stratas) > len(clusters):
        raise ValueError(f"strata column {stratas[len(clusters)]!r} has no stage: at most one strata column per stage")
    if None in clusters[:-1]:
        raise ValueError("only the last stage may have no cluster column (every row its own unit)")


def _check_kinds(data: pd.DataFrame, fpcs: list) -> None:
    """R refuses population sizes (> 1) at one stage with sampling fractions (< 1) at another."""
    values = {name: pd.to_numeric(data[name], errors="coerce") if name in data else None for name in fpcs}
    sizes = [n for n, v in values.items() if v is not None and (v > 1).any()]
    fractions = [n for n, v in values.items() if v is not None and (v < 1).any()]
    if sizes and fractions:
        raise ValueError(f"fpc column {fractions[0]!r} holds sampling fractions but {sizes[0]!r} "
                         f"population sizes: give all stages the same kind")


def _stages(data: pd.DataFrame, clusters: list, stratas: list, fpcs: list, lonely_psu: str) -> list[Structure]:
    """Each stage's structure, its scale multiplied by the earlier stages' fractions n / N."""
    row_stratum, labels = _structure._codes_without_missing(data, _first(stratas))
    fraction, stages, above = np.ones(len(data)), [], None
    for k, (name, fpc) in enumerate(zip(clusters, fpcs, strict=True)):
        if above is not None:
            row_stratum, labels = _nested_strata(data, stratas[k] if k < len(stratas) else None, *above)
        unit, psu_stratum, unit_labels = _units(data, name, row_stratum, labels)
        above = unit, unit_labels
        n_h = np.bincount(psu_stratum, minlength=len(labels))
        pop = _structure._population(data, fpc, row_stratum, n_h, labels)
        prior = np.zeros(len(labels))
        prior[row_stratum] = fraction
        structure = Structure(row_stratum, None if name is None else unit, psu_stratum, n_h,
                              _structure._scale(n_h, pop) * prior, pop)
        stages.append(_structure.with_lonely(structure, lonely_psu, _describe(labels, k, stratas, clusters)))
        fraction = fraction * (n_h / pop)[row_stratum]
    return stages


def _units(data: pd.DataFrame, name: str | None, row_stratum: np.ndarray, labels: pd.Index):
    """Row codes of the stage's units (nested in its strata), their strata and their labels."""
    if name is None:
        return np.arange(len(data)), row_stratum, pd.Index(data.index.astype(str))
    codes, levels = _structure._codes_without_missing(data, name)
    unit, pairs = combine([row_stratum, codes], [len(labels), len(levels)])
    return unit, pairs[:, 0], pd.Index(levels[pairs[:, 1]].astype(str))


def _nested_strata(data: pd.DataFrame, name: str | None, parent: np.ndarray, parent_labels: pd.Index):
    """Stage-k strata: the stage's strata column within each stage k-1 unit (R's strata[, k]; a
    stage without its own column keeps the earlier one, in which the units are already nested)."""
    if name is None:
        return parent, parent_labels
    codes, levels = _structure._codes_without_missing(data, name)
    row_stratum, pairs = combine([parent, codes], [len(parent_labels), len(levels)])
    return row_stratum, pd.Index([f"{parent_labels[p]}/{levels[c]}" for p, c in pairs])


def _describe(labels: pd.Index, k: int, stratas: list, clusters: list):
    if k == 0:
        return lambda h: f"stratum {labels[h]!r} of column {_first(stratas)!r}"
    return lambda h: f"stage {k + 1}: unit {labels[h]!r} of column {clusters[k - 1]!r}"
