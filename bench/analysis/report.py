"""Agreement between engines and the results files of the analysis benchmark."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from common import estimates_path

OTHERS = ("R", "samplics")
PAIRS = (("ours", "R"), ("ours", "samplics"), ("samplics", "R"))
SAMPLE_UNITS = 3  # cells of q01 shown side by side
TARGET_RATIO_1M = 100
TARGET_10M_S = 15
TARGET_10M_MB = 3 * 1024


def compared(rows: int, engine: str, other: str) -> pd.DataFrame | None:
    """Two engines' estimates, cell by cell, or None if either is missing."""
    paths = estimates_path(engine, rows), estimates_path(other, rows)
    if not all(path.exists() for path in paths):
        return None
    first, second = (pd.read_csv(path, dtype={"unit": str}) for path in paths)
    return first.merge(second, on=["item", "unit"], suffixes=("_first", "_other"))


def largest_relative(cells: pd.DataFrame, column: str) -> float:
    other = cells[f"{column}_other"]
    return float(((cells[f"{column}_first"] - other).abs() / other.abs()).max())


def agreement(ran: set[tuple[str, int]]) -> list[dict]:
    """Largest relative difference between engines (ours first) that ran at the same size."""
    checks = []
    for rows in sorted({rows for _, rows in ran}):
        for engine, other in PAIRS:
            if not {(engine, rows), (other, rows)} <= ran:
                continue
            cells = compared(rows, engine, other)
            if cells is not None and len(cells):
                checks.append({"rows": rows, "engine": engine, "other": other,
                               "cells": len(cells), "est": largest_relative(cells, "est"),
                               "se": largest_relative(cells, "se")})
    return checks


def sample_cells(rows: int, engines: set[str]) -> pd.DataFrame:
    """q01 in the first few units, as each engine estimated it at `rows` rows."""
    frames = []
    for engine in ("ours", *OTHERS):
        path = estimates_path(engine, rows)
        if engine in engines and path.exists():
            cells = pd.read_csv(path, dtype={"unit": str}).query("item == 'q01'")
            frames.append(cells.head(SAMPLE_UNITS).assign(engine=engine))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def r_versions() -> str:
    code = 'cat(R.version.string, "; survey", as.character(packageVersion("survey")))'
    return subprocess.run(["Rscript", "-e", code], capture_output=True, text=True).stdout.strip()


def machine() -> dict:
    """What ran the benchmark: cores, CPU model, memory, date and the engines' versions."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                 if line.startswith("model name"))
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "cpu": model, "ram_gib": round(mem_kb / 1024**2, 1),
        "python": platform.python_version(), "numpy": version("numpy"),
        "pandas": version("pandas"), "samplics": version("samplics"), "r": r_versions(),
    }


def with_ratios(records: list[dict]) -> list[dict]:
    """Each record with its task time divided by ours at the same size."""
    ours = {r["rows"]: r["task_s"] for r in records if r["engine"] == "ours"}
    return [r | {"ratio": r["task_s"] / ours[r["rows"]] if r["rows"] in ours else None}
            for r in records]


def targets(records: list[dict]) -> list[str]:
    """The issue's targets, each with what was measured."""
    found = {(r["engine"], r["rows"]): r for r in records}
    lines = []
    r_1m, ours_1m = found.get(("R", 1_000_000)), found.get(("ours", 1_000_000))
    if r_1m and ours_1m:
        ok = r_1m["ratio"] >= TARGET_RATIO_1M
        lines.append(f"- R / ours at 1M rows: {r_1m['ratio']:.0f}× (target ≥ {TARGET_RATIO_1M}×): "
                     f"{'met' if ok else 'missed'}; ours took {ours_1m['task_s']:.2f} s "
                     f"(issue's bound: about 1.3 s).")
    ours_10m = found.get(("ours", 10_000_000))
    if ours_10m:
        ok = ours_10m["task_s"] <= TARGET_10M_S and ours_10m["peak_mb"] <= TARGET_10M_MB
        lines.append(f"- ours at 10M rows: {ours_10m['task_s']:.2f} s task, "
                     f"{ours_10m['process_s']:.2f} s process, {ours_10m['peak_mb']:.0f} MB peak "
                     f"(target ≤ {TARGET_10M_S} s and ≤ 3 GiB): {'met' if ok else 'missed'}.")
    return lines


def timing_row(r: dict) -> str:
    task = f"{r['task_s']:.2f}"
    if r["scaled"]:
        task = f"≈ {task} (q01 took {r['estimate_s']:.1f} s, ×20, + rake {r['rake_s']:.1f} s)"
    process = f"{r['process_s']:.2f}" + (" (q01 only)" if r["scaled"] else "")
    ratio = "" if r["ratio"] is None else f"{r['ratio']:.1f}"
    return (f"| {r['rows']:,} | {r['engine']} | {task} | {process} | {r['peak_mb']:.0f} | {ratio} "
            f"| {r['cpu_percent']} |")


def cell_lines(cells: list[dict], rows: int | None) -> list[str]:
    """The sample cells as a table, one row per engine and unit."""
    if not cells:
        return []
    return [f"q01 in the first {SAMPLE_UNITS} units at {rows:,} rows:", "",
            "| engine | unit | estimate | SE |", "| --- | --- | ---: | ---: |",
            *(f"| {c['engine']} | {c['unit']} | {c['est']:.10f} | {c['se']:.10f} |" for c in cells),
            ""]


def markdown(records: list[dict], checks: list[dict], host: dict, cells: list[dict],
             compared_at: int | None) -> str:
    goals = targets(records)
    lines = [
        "# Analysis benchmark: rake + top-two-box by unit", "",
        f"{host['date']}; {host['nproc']} cores, {host['cpu']}, {host['ram_gib']} GiB RAM; "
        f"Python {host['python']}, numpy {host['numpy']}, pandas {host['pandas']}, "
        f"samplics {host['samplics']}; {host['r']}.", "",
        "Task = rake to 4 margins + 20 items by 60 units (in-process wall time, file load "
        "excluded). Process = the whole process under /usr/bin/time (start-up and load included). "
        "Peak = its maximum RSS. Ratio = task time / ours at the same size. CPU % = the share of "
        "a core the process got (GNU time): the engines compute on one core (file reading may "
        "use both), so well below 100 means other work on the 2 cores slowed it.", "",
        "| rows | engine | task s | process s | peak MB | ratio to ours | CPU % |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
        *(timing_row(r) for r in records), "", *goals, *([""] if goals else []),
        "Agreement: largest relative difference |a - b| / |b| over the cells both estimated:", "",
        "| rows | a | b | cells | estimate | SE |", "| ---: | --- | --- | ---: | ---: | ---: |",
        *(f"| {c['rows']:,} | {c['engine']} | {c['other']} | {c['cells']} | {c['est']:.1e} "
          f"| {c['se']:.1e} |" for c in checks), "",
        *cell_lines(cells, compared_at),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_reports(folder: Path, records: list[dict], checks: list[dict]) -> None:
    """results.json (everything measured) and results.md (the tables)."""
    host, records = machine(), with_ratios(records)
    compared_at = max((c["rows"] for c in checks), default=None)
    engines = {r["engine"] for r in records if r["rows"] == compared_at}
    cells = sample_cells(compared_at, engines).to_dict("records") if compared_at else []
    payload = {"machine": host, "runs": records, "agreement": checks, "sample_cells": cells}
    (folder / "results.json").write_text(json.dumps(payload, indent=1) + "\n")
    render(folder)


def render(folder: Path) -> None:
    """results.md from results.json (rerun alone after changing the tables' layout)."""
    payload = json.loads((folder / "results.json").read_text())
    cells = payload["sample_cells"]
    compared_at = max((c["rows"] for c in payload["agreement"]), default=None)
    text = markdown(payload["runs"], payload["agreement"], payload["machine"], cells, compared_at)
    (folder / "results.md").write_text(text)


if __name__ == "__main__":
    render(Path(__file__).resolve().parent)
