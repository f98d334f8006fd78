"""Run the analysis benchmark: every engine at every size, one process each under /usr/bin/time -v.

    .venv/bin/python bench/analysis/run_all.py                 # 10k, 100k, 1M for all; 10M ours
    .venv/bin/python bench/analysis/run_all.py --sizes 10000   # a quick check

Runs are sequential (the machine has 2 cores), each bounded by --timeout. R estimates all 20 items
up to --r-all-items rows; above that it estimates q01 only and its estimate time is scaled by 20
(the R `survey` linearization of a raked design costs the same for every item: one item at 1M rows
takes minutes). Writes results.json and results.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from common import HERE, ITEMS, data_path, margins_path
from report import agreement, write_reports

ENGINES = ("ours", "R", "samplics")
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
PYTHON = sys.executable


@dataclass(frozen=True)
class Run:
    engine: str
    rows: int
    items: int = len(ITEMS)

    def command(self) -> list[str]:
        if self.engine == "R":
            return ["Rscript", str(HERE / "run_r.R"), str(self.rows), str(self.items)]
        return [PYTHON, str(HERE / f"run_{self.engine}.py"), str(self.rows)]


def plan(args: argparse.Namespace) -> list[Run]:
    """Which engine runs at which size, smallest size first."""
    runs = []
    for rows in sorted(args.sizes):
        for engine in args.engines:
            if engine != "ours" and rows > args.others_max:
                continue
            items = 1 if engine == "R" and rows > args.r_all_items else len(ITEMS)
            runs.append(Run(engine, rows, items))
    return runs


def ensure_data(runs: list[Run]) -> None:
    """Write the synthetic files that are missing (CSV only where R runs)."""
    for rows in sorted({run.rows for run in runs}):
        needs_csv = any(run.engine == "R" and run.rows == rows for run in runs)
        csv_missing = needs_csv and not data_path(rows, "csv").exists()
        missing = not data_path(rows).exists() or csv_missing
        if missing or not margins_path().exists():
            flags = ["--csv"] if needs_csv else []
            subprocess.run([PYTHON, str(HERE / "synth.py"), str(rows), *flags], check=True)


def wall_seconds(text: str) -> float:
    """Seconds from GNU time's "Elapsed (wall clock) time": h:mm:ss or m:ss.ss."""
    value = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", text).group(1)
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def measure(run: Run, timeout: float) -> dict:
    """Run one engine at one size; its JSON line plus process wall time, peak RSS, CPU share."""
    print(f"running {run.engine} at {run.rows} rows ({run.items} items)", flush=True)
    load_avg = os.getloadavg()[0]
    done = subprocess.run(["/usr/bin/time", "-v", *run.command()], capture_output=True,
                          text=True, timeout=timeout, cwd=HERE)
    if done.returncode != 0:
        raise RuntimeError(f"{run.engine} at {run.rows} rows failed:\n{done.stderr[-3000:]}")
    record = json.loads(done.stdout.strip().splitlines()[-1])
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    cpu = int(re.search(r"Percent of CPU this job got: (\d+)%", done.stderr).group(1))
    record |= {"process_s": wall_seconds(done.stderr), "peak_mb": peak_kb / 1024,
               "cpu_percent": cpu, "load_avg_before": load_avg}
    return scaled(record)


def scaled(record: dict) -> dict:
    """Scale an R run over fewer items to the 20 items, keeping what was measured."""
    if record["items"] == len(ITEMS):
        return record | {"scaled": False}
    factor = len(ITEMS) / record["items"]
    return record | {"scaled": True, "measured_task_s": record["task_s"],
                     "task_s": record["rake_s"] + factor * record["estimate_s"]}


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--others-max", type=int, default=1_000_000,
                        help="largest size R and samplics run at")
    parser.add_argument("--r-all-items", type=int, default=100_000,
                        help="largest size R estimates all 20 items at")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    parser.add_argument("--output", type=Path, default=HERE, help="where results go")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    runs = plan(args)
    ensure_data(runs)
    records = []
    for run in runs:
        records.append(measure(run, args.timeout))
        print(json.dumps(records[-1]), flush=True)
    checks = agreement({(run.engine, run.rows) for run in runs})
    print(json.dumps(checks, indent=1))
    write_reports(args.output, records, checks)


if __name__ == "__main__":
    main()
