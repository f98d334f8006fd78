"""Peak memory of a CSV export and its forked half, and the whole machine's CPU while it runs.

    .venv/bin/python bench/exports/memory.py postgresql+psycopg://postgres@127.0.0.1:5432/bench_exports [none]

GNU time (run.py) gives the largest single process's RSS; a CSV export of 100,000 responses or more
runs in two processes that share pages, so this samples the PSS (shared pages counted once) of
`flask export` and its children every 0.25 s from /proc/<pid>/smaps_rollup. The machine's busy CPU
seconds (/proc/stat) include the database server's, which `time` does not see.
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except OSError:  # the process ended between listing and reading
        return 0


def children(parent: int) -> list[int]:
    found = []
    for name in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{name}/stat") as stat:
                if int(stat.read().rsplit(")", 1)[1].split()[1]) == parent:
                    found.append(int(name))
        except OSError:
            continue
    return found


def busy_seconds() -> float:
    """CPU seconds the machine has spent on anything but idling and waiting for I/O since boot."""
    with open("/proc/stat") as stat:
        ticks = [int(x) for x in stat.readline().split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def main(url: str, weighting: str = "design") -> None:
    env = {**os.environ, "DATABASE_URL": url, "SURVEY_ENV": "development"}
    with tempfile.TemporaryDirectory() as folder:
        command = [str(ROOT / ".venv" / "bin" / "flask"), "--app", "wsgi", "export", "bench-exports", "--format",
                   "csv", "--out", f"{folder}/x.csv", "--weighting", weighting]
        load, busy, start = os.getloadavg()[0], busy_seconds(), time.monotonic()
        export = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        peak = 0
        while export.poll() is None:
            peak = max(peak, sum(pss_kb(p) for p in [export.pid, *children(export.pid)]))
            time.sleep(0.25)
    if export.returncode != 0:
        raise SystemExit(f"the export failed ({export.returncode})")
    print(f"wall {time.monotonic() - start:.1f} s, machine busy CPU {busy_seconds() - busy:.1f} s, "
          f"peak PSS of the export processes {peak / 1024:.0f} MB, load average before {load:.1f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
