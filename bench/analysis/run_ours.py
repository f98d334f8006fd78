"""Our engine (the `analysis` package) in the analysis benchmark.

    .venv/bin/python bench/analysis/run_ours.py ROWS

Times the task on data/rows-ROWS.parquet: Design(frame, weights="w"), rake() to the district, sex,
age and edu totals with tol=1e-6, then top_box(item, levels=(4, 5), by="unit") for q01..q20 (9
and NaN are missing). Writes out/ours-ROWS.csv and one JSON line with the load and task times.
"""

from __future__ import annotations

import sys
import time

import pandas as pd

from common import HERE, ITEMS, TOP_BOX, read_margins, read_survey, report, write_estimates

sys.path.insert(0, str(HERE.parents[1]))  # the repository root, where `analysis` lives
from analysis import Design, rake  # noqa: E402


def tidy(item: str, table: pd.DataFrame) -> pd.DataFrame:
    """One item's top_box table (indexed by unit) in the benchmark's item, unit, est, se form."""
    return pd.DataFrame({"item": item, "unit": table.index.astype(str),
                         "est": table["estimate"].to_numpy(), "se": table["se"].to_numpy()})


def main() -> None:
    rows = int(sys.argv[1])
    start = time.perf_counter()
    frame, margins = read_survey(rows), read_margins()
    loaded = time.perf_counter()
    design = rake(Design(frame, weights="w"), margins, tol=1e-6)
    raked = time.perf_counter()
    tables = {item: design.top_box(item, levels=TOP_BOX, by="unit") for item in ITEMS}
    done = time.perf_counter()
    estimates = pd.concat([tidy(item, table) for item, table in tables.items()], ignore_index=True)
    write_estimates("ours", rows, estimates)
    report("ours", rows, loaded - start, raked - loaded, done - raked)


if __name__ == "__main__":
    main()
