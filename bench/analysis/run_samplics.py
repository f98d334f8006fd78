"""samplics engine of the analysis benchmark.

    .venv/bin/python bench/analysis/run_samplics.py ROWS

Times the task on data/rows-ROWS.parquet:
  1. SampleWeight().rake() of w to the district, sex, age and edu totals, tol = ctrl_tol = 1e-6
     (relative change between iterations, and relative distance to each control total);
  2. for each item, TaylorEstimator(PopParam.mean).estimate() of the 0/1 indicator "answer is 4
     or 5" with domain = unit; a 9 is NaN and samplics drops it (remove_nan=True). No strata, no
     PSU: the with-replacement linearization SE of each domain mean, treating the raked weights as
     fixed (samplics has no variance term for raking). Dropping the 9s instead of keeping them
     outside every domain changes the SE only through n / (n - 1): the domain scores sum to zero.
Writes out/samplics-ROWS.csv and one JSON line with the load and task times.
"""

from __future__ import annotations

import sys
import time
import warnings

import numpy as np
import pandas as pd

from common import DONT_KNOW, ITEMS, MARGIN_VARIABLES, TOP_BOX
from common import read_margins, read_survey, report, write_estimates

with warnings.catch_warnings():
    warnings.simplefilter("ignore", FutureWarning)  # samplics announces it is archived
    from samplics import PopParam, SampleWeight, TaylorEstimator


def raked_weights(frame: pd.DataFrame, margins: dict[str, dict[str, float]]) -> np.ndarray:
    classes = {name: frame[name].to_numpy(dtype=object) for name in MARGIN_VARIABLES}
    control = {name: margins[name] for name in MARGIN_VARIABLES}
    return SampleWeight().rake(
        samp_weight=frame["w"].to_numpy(), margins=classes, control=control,
        tol=1e-6, ctrl_tol=1e-6, max_iter=100,
    )


def top_box(frame: pd.DataFrame, weights: np.ndarray, item: str) -> pd.DataFrame:
    """Top-two-box share of one item in each unit, with its SE."""
    answers = frame[item].to_numpy()
    top = np.where(answers == DONT_KNOW, np.nan, np.isin(answers, TOP_BOX))
    estimator = TaylorEstimator(param=PopParam.mean)
    estimator.estimate(y=top, samp_weight=weights, domain=frame["unit"].to_numpy(dtype=object),
                       remove_nan=True)
    units = list(estimator.point_est)
    return pd.DataFrame({
        "item": item, "unit": units,
        "est": [estimator.point_est[unit] for unit in units],
        "se": [estimator.stderror[unit] for unit in units],
    })


def main() -> None:
    rows = int(sys.argv[1])
    start = time.perf_counter()
    frame, margins = read_survey(rows), read_margins()
    loaded = time.perf_counter()
    weights = raked_weights(frame, margins)
    raked = time.perf_counter()
    estimates = pd.concat([top_box(frame, weights, item) for item in ITEMS], ignore_index=True)
    done = time.perf_counter()
    write_estimates("samplics", rows, estimates)
    report("samplics", rows, loaded - start, raked - loaded, done - raked)


if __name__ == "__main__":
    main()
