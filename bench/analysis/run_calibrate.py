"""calibrate(calfun="raking") + 20 items x 60 units: our engine against a hand-vectorised numpy.

    .venv/bin/python bench/analysis/run_calibrate.py ROWS

The task on data/rows-ROWS.parquet: Design(frame, weights="w"), calibrate() to the district,
sex, age and edu totals by raking (tol 1e-6), then top_box(item, levels=(4, 5), by="unit") for
q01..q20 with the GREG standard errors. `numpy_task` does the same computation written flat
in numpy (Newton on the cells of the 4 margins, then for each item the regression residuals
of the influence values expanded into bincounts); both are timed best of 3 in this process (alternating),
their estimates and SEs compared, and one JSON line printed.
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np
import pandas as pd

from common import HERE, ITEMS, MARGIN_VARIABLES, read_margins, read_survey

sys.path.insert(0, str(HERE.parents[1]))  # the repository root, where `analysis` lives
from analysis import Design, calibrate  # noqa: E402


def ours(frame: pd.DataFrame, margins: dict) -> np.ndarray:
    design = calibrate(Design(frame, weights="w"), margins, calfun="raking", tol=1e-6)
    tables = [design.top_box(item, levels=(4, 5), by="unit") for item in ITEMS]
    return np.stack([t[["estimate", "se"]].to_numpy() for t in tables])


def _cells(frame: pd.DataFrame, margins: dict):
    """Cell of every row, the dummies of each cell (intercept, levels but the first) and X."""
    codes = [pd.Categorical(frame[v], categories=list(margins[v])).codes.astype(np.int64) for v in MARGIN_VARIABLES]
    sizes = [len(margins[v]) for v in MARGIN_VARIABLES]
    key = np.ravel_multi_index(codes, sizes)
    present, cell = np.unique(key, return_inverse=True)
    parts = np.unravel_index(present, sizes)
    dummies = np.column_stack([np.ones(len(present))] + [(p == k).astype(float) for p, s in zip(parts, sizes)
                                                          for k in range(1, s)])
    targets = [np.array(list(margins[v].values())) for v in MARGIN_VARIABLES]
    population = np.concatenate([[targets[0].sum()], *(t[1:] for t in targets)])
    return cell, dummies, population


def numpy_task(frame: pd.DataFrame, margins: dict) -> np.ndarray:
    w = frame["w"].to_numpy(np.float64)
    cell, d, population = _cells(frame, margins)
    n_cells, n = len(d), len(w)
    cw = np.bincount(cell, w, n_cells)
    eta = np.zeros(d.shape[1])
    for _ in range(100):  # Newton for raking: g = exp(X eta)
        g = np.exp(d @ eta)
        misfit = population - d.T @ (cw * g)
        if (np.abs(misfit) / (1 + np.abs(population)) < 1e-6).all():
            break
        eta += np.linalg.solve(d.T @ ((cw * g)[:, None] * d), misfit)
    g = np.exp(d @ eta)
    w1 = w * g[cell]
    s = n / (n - 1)
    gram_inverse = np.linalg.inv(d.T @ (cw[:, None] * d))
    k_matrix = d.T @ ((s * np.bincount(cell, w1 * w1, n_cells))[:, None] * d)
    strat = d.T @ np.bincount(cell, w1, n_cells)
    unit_codes, units = pd.factorize(frame["unit"], sort=True)
    m = len(units)
    key = cell * m + unit_codes
    inverse_g = (1 / g)[cell]
    out = []
    for item in ITEMS:
        q = frame[item].to_numpy()
        valid = (q != 9) & (q > 0)
        y = ((q == 4) | (q == 5)).astype(float)
        wv = w1 * valid
        total = np.bincount(unit_codes, wv, m)
        mean = np.bincount(unit_codes, wv * y, m) / total
        x = wv * (y - mean[unit_codes]) / total[unit_codes]
        beta = gram_inverse @ (d.T @ np.bincount(key, x * inverse_g, n_cells * m).reshape(n_cells, m))
        cross = d.T @ np.bincount(key, s * w1 * x, n_cells * m).reshape(n_cells, m)
        square = np.bincount(unit_codes, s * x * x, m)
        z = np.bincount(unit_codes, x, m) - strat @ beta
        var = square - 2 * (beta * cross).sum(0) + (beta * (k_matrix @ beta)).sum(0) - s / n * z * z
        out.append(np.column_stack([mean, np.sqrt(np.maximum(var, 0))]))
    return np.stack(out)


def timed(task) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    result = task()
    return time.perf_counter() - start, result


def main() -> None:
    rows = int(sys.argv[1])
    frame, margins = read_survey(rows), read_margins()
    runs = {"ours": [], "numpy": []}
    for _ in range(3):  # alternated, so that a busy moment of the shared machine hits both
        for name, task in (("ours", ours), ("numpy", numpy_task)):
            runs[name].append(timed(lambda: task(frame, margins)))
    (ours_s, ours_out), (numpy_s, numpy_out) = (min(runs[k], key=lambda r: r[0]) for k in ("ours", "numpy"))
    difference = float(np.max(np.abs(ours_out - numpy_out) / np.maximum(np.abs(numpy_out), 1e-12)))
    print(json.dumps({"rows": rows, "ours_s": round(ours_s, 4), "numpy_s": round(numpy_s, 4),
                      "ratio": round(ours_s / numpy_s, 3), "max_rel_difference": difference}), flush=True)


if __name__ == "__main__":
    main()
