"""What the benchmark's scripts share: where files live, how data is read, what is written."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "out"
ITEMS = [f"q{i:02d}" for i in range(1, 21)]
MARGIN_VARIABLES = ("district", "sex", "age", "edu")
TOP_BOX = (4, 5)
DONT_KNOW = 9


def data_path(rows: int, suffix: str = "parquet") -> Path:
    """The file holding the synthetic survey of `rows` respondents."""
    return DATA / f"rows-{rows}.{suffix}"


def margins_path() -> Path:
    return DATA / "margins.csv"


def estimates_path(engine: str, rows: int) -> Path:
    """Where an engine writes its estimates (item, unit, est, se) for one size."""
    return OUT / f"{engine}-{rows}.csv"


def read_survey(rows: int) -> pd.DataFrame:
    """The survey as written by synth.py: categorical labels, int8 items, float weights."""
    return pd.read_parquet(data_path(rows))


def read_margins() -> dict[str, dict[str, float]]:
    """Population totals by raking variable and level: {"sex": {"F": 961400.0, ...}, ...}."""
    table = pd.read_csv(margins_path(), dtype={"variable": str, "level": str, "total": float})
    return {
        variable: dict(zip(group["level"], group["total"]))
        for variable, group in table.groupby("variable", sort=False)
    }


def write_estimates(engine: str, rows: int, estimates: pd.DataFrame) -> None:
    """Save one engine's estimates sorted by item and unit, so engines compare row by row."""
    OUT.mkdir(exist_ok=True)
    ordered = estimates[["item", "unit", "est", "se"]].sort_values(["item", "unit"])
    ordered.to_csv(estimates_path(engine, rows), index=False, float_format="%.12g")


def report(engine: str, rows: int, load_s: float, rake_s: float, estimate_s: float) -> None:
    """One JSON line on stdout that run_all.py picks up; the task is rake plus estimates."""
    seconds = {"load_s": load_s, "rake_s": rake_s, "estimate_s": estimate_s,
               "task_s": rake_s + estimate_s}
    line = {"engine": engine, "rows": rows, "items": len(ITEMS)}
    print(json.dumps(line | {key: round(value, 4) for key, value in seconds.items()}), flush=True)
