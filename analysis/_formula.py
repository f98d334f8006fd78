"""A small model formula: "y ~ a + b + c", and its design matrix as R's model.matrix() builds it.

The response and each term name a column. A numeric term is one column; a categorical one
(Categorical, string/object or bool) gives treatment contrasts: one indicator per level but the
first (R's reference level: a Categorical's first category, else the smallest value), named
column + level as R names them ("stypeH"). "- 1" or "+ 0" drops the intercept. Rows with a
missing value in the response or any term are left out (R's na.omit); levels absent from the
rows kept are dropped.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis._codes import column, factorize
from analysis._estimate import _is_categorical

INTERCEPT = "(Intercept)"


@dataclass(frozen=True)
class ModelFrame:
    """The response y, design matrix X (rows kept x terms), the rows kept and the term names."""

    y: np.ndarray
    X: np.ndarray
    rows: np.ndarray
    names: list[str]


def parse(formula: str) -> tuple[str, list[str], bool]:
    """(response, term columns, intercept) of "y ~ a + b" (refusing anything else)."""
    if not isinstance(formula, str) or formula.count("~") != 1:
        raise ValueError(f"formula must read 'response ~ term + term', got {formula!r}")
    left, right = (part.strip() for part in formula.split("~"))
    terms = [t.strip() for t in right.replace("-", "+-").split("+") if t.strip()]
    intercept = not any(t in ("-1", "0") for t in terms)
    terms = [t for t in terms if t not in ("1", "-1", "0")]
    bad = [t for t in [left, *terms] if not t or t.startswith("-") or any(c in t for c in "*:()^|")]
    if bad or len(set(terms)) != len(terms):
        raise ValueError(f"formula {formula!r}: only column names joined by '+' are supported")
    return left, terms, intercept


def model_frame(data: pd.DataFrame, formula: str) -> ModelFrame:
    """The response and design matrix of `formula` on the complete rows of `data`."""
    response, terms, intercept = parse(formula)
    y = _numeric(column(data, response), response)
    keep = ~np.isnan(y)
    parts = [_term(column(data, t), t) for t in terms]
    for values, _ in parts:
        keep &= ~np.isnan(values).any(axis=1) if values.dtype.kind == "f" else values >= 0
    rows = np.flatnonzero(keep)
    columns: list[tuple[np.ndarray, np.ndarray | None]] = [(np.ones(1), None)] if intercept else []
    names = [INTERCEPT] if intercept else []
    for (values, levels), term in zip(parts, terms, strict=True):
        kept = values[rows]
        used, labels = _used(kept, levels, term, intercept or bool(columns))
        columns.append((kept, used))
        names += labels
    if not names:
        raise ValueError(f"formula {formula!r} has no terms")
    return ModelFrame(y[rows], _matrix(columns, len(rows), len(names)), rows, names)


def _matrix(columns: list, n_rows: int, width: int) -> np.ndarray:
    """The design matrix written in place (a stack of per-term blocks would copy it once more)."""
    X, at = np.empty((n_rows, width)), 0
    for values, used in columns:
        if used is None:  # the intercept or a numeric term: one column
            X[:, at] = values[:, 0] if values.ndim == 2 else values
            at += 1
        else:  # a categorical term's codes: indicators of its used levels
            X[:, at:at + len(used)] = values[:, None] == used[None, :]
            at += len(used)
    return X


def _numeric(series: pd.Series, name: str) -> np.ndarray:
    if _is_categorical(series):
        raise ValueError(f"column {name!r} must be numeric to be a response")
    values = series.to_numpy(np.float64, na_value=np.nan)
    if np.isinf(values).any():
        raise ValueError(f"column {name!r} has infinite values")
    return values


def _term(series: pd.Series, name: str) -> tuple[np.ndarray, pd.Index | None]:
    """A numeric term as a (rows x 1) float array; a categorical one as its codes and levels."""
    if _is_categorical(series):
        return factorize(series)
    return _numeric(series, name)[:, None], None


def _used(values: np.ndarray, levels: pd.Index | None, name: str,
          contrasts: bool) -> tuple[np.ndarray | None, list[str]]:
    """Numeric: None (the column itself). Categorical: the codes of the levels present but the
    first (all of them when there is no intercept before it, as R's model.matrix)."""
    if levels is None:
        return None, [name]
    present = np.flatnonzero(np.bincount(values, minlength=len(levels)) > 0)
    used = present[1:] if contrasts else present
    return used, [name + _label(levels[k]) for k in used]


def _label(level) -> str:
    """A level as R prints it in a coefficient name (TRUE, 2 rather than True, 2.0)."""
    if isinstance(level, (bool, np.bool_)):
        return str(bool(level)).upper()
    if isinstance(level, (float, np.floating)) and float(level).is_integer():
        return str(int(level))
    return str(level)
