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
        raise ValueError(f"column {unit_column!r} has missing units (row {units.index[units.isna().argmax()]!r})")
    counts = units.value_counts()
    population = dict(transactions.items()) if isinstance(transactions, pd.Series) else dict(transactions)
    _check_units(counts, population)
    ratio = {unit: float(population[unit]) / counts[unit] for unit in counts.index}
    return pd.Series(units.map(ratio).to_numpy(np.float64), index=data.index, name="weight")


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
