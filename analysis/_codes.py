"""Integer codes for columns and their combinations: the currency of every fast sum here.

A column becomes `(codes, levels)`: codes[i] is the position of row i's value in `levels`, or -1
for a missing value. Sums over levels are then `np.bincount(codes, weights)`, which is several
times faster than a pandas groupby on millions of rows.
"""

import math
from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd

# Keys are compacted with a dense table when there are at most this many possible values, or
# at most this many per row; beyond, a table would cost more memory than sorting does.
_DENSE_LIMIT = 1 << 24
_DENSE_PER_ROW = 4
# Rows are processed in blocks of this many: whole-column arithmetic on millions of rows
# spends most of its time faulting in fresh memory, blocks keep the temporaries in cache.
CHUNK = 1 << 17


def chunks(n: int) -> Iterator[slice]:
    """Consecutive blocks of `n` rows."""
    for start in range(0, n, CHUNK):
        yield slice(start, min(start + CHUNK, n))


def column(data: pd.DataFrame, name: str) -> pd.Series:
    """The column `name`, or a ValueError naming it."""
    if not isinstance(name, str) or name not in data.columns:
        raise ValueError(f"unknown column {name!r}")
    return data[name]


def factorize(series: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes (small integers, see `narrow`) and sorted levels of a column; a Categorical keeps
    its own category order.

    Booleans, strings and numbers are sorted like R sorts a factor's levels.
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        # .array.codes is a view; series.cat.codes would build a Series first (10x slower)
        return narrow(series.array.codes, len(series.cat.categories)), pd.Index(series.cat.categories)
    codes, levels = pd.factorize(series, sort=True, use_na_sentinel=True)
    return narrow(codes, len(levels)), pd.Index(levels)


def narrow(codes: np.ndarray, n_levels: int) -> np.ndarray:
    """The codes in the smallest signed integer type that holds them (a copy).

    Small codes save memory bandwidth on millions of rows; arithmetic on them must widen
    them to int64 first (numpy keeps int8 * int in int8).
    """
    for dtype in (np.int8, np.int16, np.int32):
        if n_levels <= np.iinfo(dtype).max:
            return codes.astype(dtype)
    return codes.astype(np.int64)


def combine(codes: Sequence[np.ndarray], sizes: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Cross-classify code arrays into codes of the combinations present.

    Returns the new codes (-1 where any input is -1) and, for each combination in ascending
    lexicographic order of the inputs, its component codes (one column per input).
    """
    space = math.prod(sizes)
    if space >= 1 << 62:
        raise ValueError(f"too many combinations of levels ({space}) to cross-classify")
    key = np.empty(len(codes[0]), dtype=np.int64)
    for rows in chunks(len(key)):
        block, missing = np.zeros(len(key[rows]), dtype=np.int64), np.zeros(len(key[rows]), dtype=bool)
        for part, size in zip(codes, sizes, strict=True):
            block = block * size + part[rows]
            missing |= part[rows] < 0
        block[missing] = space
        key[rows] = block
    present, position = compact(key, space)
    return position, np.stack(np.unravel_index(present, tuple(sizes)), axis=1).reshape(len(present), len(sizes))


def compact(key: np.ndarray, space: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys below `space` (sorted) and each key's position among them.

    A key equal to `space` marks a missing row: its position is -1.
    """
    if space <= max(_DENSE_LIMIT, _DENSE_PER_ROW * len(key)):
        seen = np.bincount(key, minlength=space + 1)[:space] > 0
        position = np.append(np.cumsum(seen) - 1, -1)
        return np.flatnonzero(seen), position[key]
    present, position = np.unique(key, return_inverse=True)
    if len(present) and present[-1] == space:
        present = present[:-1]
        position[position == len(present)] = -1
    return present, position


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
