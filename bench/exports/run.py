"""Time each export format and measure its peak memory, one `flask export` subprocess each.

    .venv/bin/python bench/exports/run.py sqlite:////tmp/bx/bench.sqlite3 \\
        postgresql+psycopg://postgres@127.0.0.1:5432/bench_exports [--formats csv,parquet,sav,dta,xlsx] \\
        [--weighting design|none]

Each run is `/usr/bin/time -v flask export bench-exports --format F --out FILE --weighting W` (design by default)
(see generate.py for the data); wall time, CPU time and peak resident memory (max RSS) come from GNU
time, so they include starting Python and the app. Prints a Markdown table, with the 1-minute load
average just before each run (other work on the machine slows the wall time).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLASK = ROOT / ".venv" / "bin" / "flask"
TIME_FIELDS = {"wall": r"Elapsed \(wall clock\) time.*: (.+)", "user": r"User time \(seconds\): (.+)",
               "system": r"System time \(seconds\): (.+)", "rss_kb": r"Maximum resident set size \(kbytes\): (\d+)"}


def seconds(clock: str) -> float:
    """GNU time's h:mm:ss or m:ss.ss as seconds."""
    parts = [float(p) for p in clock.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))


def measure(url: str, file_format: str, layout: str, weighting: str, out_dir: Path) -> dict:
    out = out_dir / f"export.{file_format}"
    command = ["/usr/bin/time", "-v", str(FLASK), "--app", "wsgi", "export", "bench-exports", "--format",
               file_format, "--out", str(out), "--weighting", weighting, "--layout", layout]
    env = {**os.environ, "DATABASE_URL": url, "SURVEY_ENV": "development"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"{file_format} failed:\n{done.stderr[-2000:]}")
    found = {k: re.search(p, done.stderr).group(1) for k, p in TIME_FIELDS.items()}
    size = out.stat().st_size
    out.unlink()
    return {"format": file_format, "layout": layout, "rows": done.stdout.split("\t")[1],
            "wall": seconds(found["wall"]), "cpu": float(found["user"]) + float(found["system"]),
            "rss_mb": int(found["rss_kb"]) / 1024, "size_mb": size / 1024 ** 2}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--formats", default="csv,parquet,sav,dta,xlsx")
    parser.add_argument("--layout", default="wide")
    parser.add_argument("--weighting", default="design")
    arguments = parser.parse_args()
    print("| database | format | layout | rows | wall s | CPU s | peak RSS MB | file MB | load before |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as out_dir:
        for url in arguments.urls:
            for file_format in arguments.formats.split(","):
                load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
                r = measure(url, file_format, arguments.layout, arguments.weighting, Path(out_dir))
                print(f"| {url.split(':')[0].split('+')[0]} | {r['format']} | {r['layout']} | {r['rows']} | "
                      f"{r['wall']:.1f} | {r['cpu']:.1f} | {r['rss_mb']:.0f} | {r['size_mb']:.0f} | {load:.1f} |",
                      flush=True)


if __name__ == "__main__":
    sys.exit(main())
