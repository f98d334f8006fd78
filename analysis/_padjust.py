"""p-values adjusted for multiple comparisons, as R's p.adjust().

- "holm" (Holm 1979): sorted ascending, p_(i) (m - i + 1), made non-decreasing, capped at 1;
  controls the family-wise error rate.
- "BH" (Benjamini and Hochberg 1995): sorted descending, p_(i) m / i, made non-increasing from
  the largest, capped at 1; controls the false discovery rate.
- "bonferroni": p m, capped at 1.
Missing p-values stay missing and are not counted in m (R's default n = sum(!is.na(p))).
"""

import numpy as np
import pandas as pd

METHODS = ("holm", "BH", "bonferroni")


def adjust_p(pvalues, method: str = "holm"):
    """The adjusted p-values, in the input's order (a Series keeps its index)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    p = np.asarray(pvalues, dtype=np.float64).ravel()
    if ((p < 0) | (p > 1)).any():
        raise ValueError("p-values must lie between 0 and 1")
    present = np.flatnonzero(~np.isnan(p))
    out = np.full(len(p), np.nan)
    out[present] = _ADJUST[method](p[present])
    return pd.Series(out, index=pvalues.index, name=pvalues.name) if isinstance(pvalues, pd.Series) else out


def _holm(p: np.ndarray) -> np.ndarray:
    order = np.argsort(p, kind="stable")
    factor = len(p) - np.arange(len(p))
    return _unsort(np.minimum(1.0, np.maximum.accumulate(factor * p[order])), order)


def _bh(p: np.ndarray) -> np.ndarray:
    order = np.argsort(-p, kind="stable")
    rank = len(p) - np.arange(len(p))
    return _unsort(np.minimum(1.0, np.minimum.accumulate(len(p) / rank * p[order])), order)


def _unsort(values: np.ndarray, order: np.ndarray) -> np.ndarray:
    out = np.empty_like(values)
    out[order] = values
    return out


_ADJUST = {"holm": _holm, "BH": _bh, "bonferroni": lambda p: np.minimum(1.0, len(p) * p)}
