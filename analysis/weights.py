"""Design weights for quota samples."""

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis._codes import column


def design_weights(data: pd.DataFrame, unit_column: str, transactions: Mapping | pd.Series) -> pd.Series:
    """w_h = N_h / n_h for each respondent of unit h (Kish 1965, section 11.7).

    N_h is the unit's number of transactions in the survey period (`transactions` maps unit ->
    N_h) and n_h its number of respondents in `data`. Units with equal quotas but unequal
    traffic thus count in proportion to their traffic. Raises ValueError naming the unit when
    a unit in the data has no N_h, when N_h is not a positive number, or when a unit listed in
    `transactions` has no respondent (n_h = 0: its population would be lost).
    """
    units = column(data, unit_column)
    if units.isna().any():
        raise ValueError(f"column {unit_column!r} has missing units (row {units.index[int(units.isna().argmax())]!r})")
    counts = units.value_counts()
    population = dict(transactions.items()) if isinstance(transactions, pd.Series) else dict(transactions)
    _check_units(counts, population)
    ratio = _ratios(counts.to_dict(), population)
    return pd.Series(units.map(ratio).to_numpy(np.float64), index=data.index, name="weight")


def stratum_weights(sampled: Mapping, population: Mapping, column: str = "fpc") -> dict:
    """w_h = N_h / n_h of each stratum h in `sampled` (h -> n_h > 0), `population` giving N_h.

    Each respondent of h then weighs w_h, so a caller holding the respondents' counts (one SQL
    GROUP BY) weighs a million rows with a constant per stratum. Raises ValueError for the first
    stratum in sorted order with more respondents than its population, in the words Design uses
    for an fpc column named `column` that gives N_h: weights below one are not design weights.
    """
    for stratum in sorted(sampled):
        if sampled[stratum] > population[stratum]:
            raise ValueError(f"fpc column {column!r} gives a population of {population[stratum]:g} in stratum "
                             f"{stratum!r}, smaller than the {sampled[stratum]} sampled")
    return _ratios(sampled, population)


def _ratios(sampled: Mapping, population: Mapping) -> dict:
    """N_h / n_h of each stratum of `sampled`, the one place the rule is written."""
    return {stratum: float(population[stratum]) / sampled[stratum] for stratum in sampled}


def _check_units(counts: pd.Series, population: dict) -> None:
    """Every unit with respondents has a positive N_h, and every N_h has respondents."""
    for unit in counts.index:
        if unit not in population:
            raise ValueError(f"unit {unit!r} has no number of transactions N_h")
        size = population[unit]
        if not (isinstance(size, (int, float, np.number)) and np.isfinite(size) and size > 0):
            raise ValueError(f"unit {unit!r} has an invalid number of transactions {size!r}")
    for unit in population:
        if unit not in counts.index:
            raise ValueError(f"unit {unit!r} has no respondent (n_h = 0)")
