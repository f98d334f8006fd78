"""Integer codes for columns and their combinations: the currency of every fast sum here.

A column becomes `(codes, levels)`: codes[i] is the position of row i's value in `levels`, or -1
for a missing value. Sums over levels are then `np.bincount(codes, weights)`, which is several
times faster than a pandas groupby on millions of rows.
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd

# Above this many possible combinations, compacting by a dense table would cost more memory
# than sorting does.
_DENSE_LIMIT = 1 << 24


def column(data: pd.DataFrame, name: str) -> pd.Series:
    """The column `name`, or a ValueError naming it."""
    if not isinstance(name, str) or name not in data.columns:
        raise ValueError(f"unknown column {name!r}")
    return data[name]


def factorize(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes and sorted levels of a column; a Categorical keeps its own category order.

    Booleans, strings and numbers are sorted like R sorts a factor's levels.
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy(np.int64), pd.Index(series.cat.categories)
    codes, levels = pd.factorize(series, sort=True, use_na_sentinel=True)
    return codes.astype(np.int64, copy=False), pd.Index(levels)


def combine(codes: Sequence[np.ndarray], sizes: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Cross-classify code arrays into codes of the combinations present.

    Returns the new codes (-1 where any input is -1) and, for each combination in ascending
    lexicographic order of the inputs, its component codes (one column per input). Pairs are
    compacted one input at a time, so the key never exceeds rows x levels.
    """
    missing = np.zeros(len(codes[0]), dtype=bool)
    for part in codes:
        missing |= part < 0
    cell = np.zeros(int((~missing).sum()), dtype=np.int64)
    parts = np.zeros((1, 0), dtype=np.int64)
    for part, size in zip(codes, sizes):
        present, cell = compact(cell * size + part[~missing], len(parts) * size)
        parts = np.column_stack([parts[present // size], present % size])
    out = np.full(len(missing), -1, dtype=np.int64)
    out[~missing] = cell
    return out, parts


def compact(key: np.ndarray, space: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys (sorted) and each key's position among them."""
    if space <= max(_DENSE_LIMIT, 4 * len(key)):
        seen = np.bincount(key, minlength=space) > 0
        position = np.cumsum(seen) - 1
        return np.flatnonzero(seen), position[key]
    present, inverse = np.unique(key, return_inverse=True)
    return present, inverse


def domains(data: pd.DataFrame, by: str | Sequence[str], cache: dict) -> tuple[np.ndarray, pd.Index]:
    """Domain codes (-1 where a `by` value is missing) and the index of the domains present.

    One column gives all its levels (a Categorical's unused categories too, which then get
    n = 0); several give a MultiIndex of the combinations that occur.
    """
    names = [by] if isinstance(by, str) else list(by)
    if not names:
        raise ValueError("by names no column")
    parts = [cached_factorize(data, name, cache) for name in names]
    if len(parts) == 1:
        codes, levels = parts[0]
        return codes, levels.rename(names[0])
    codes, combos = combine([c for c, _ in parts], [len(lv) for _, lv in parts])
    arrays = [lv.take(combos[:, k]) for k, (_, lv) in enumerate(parts)]
    return codes, pd.MultiIndex.from_arrays(arrays, names=names)


def cached_factorize(data: pd.DataFrame, name: str, cache: dict) -> tuple[np.ndarray, pd.Index]:
    """factorize() of a column, remembered in `cache` (designs sharing data share the cache)."""
    if name not in cache:
        cache[name] = factorize(column(data, name))
    return cache[name]
