"""Where a load run's CPU goes: the app's gunicorn processes, the database's backends, Redis and the
loader, read from /proc (Linux) while the run lasts (bench/README.md, "Load").

A process is sampled every `EVERY` seconds, so one that exits between two samples (a pooled
connection closed as the run ends) keeps the time counted at its last sample, and one that starts
during the run is counted from its first sample: both lose at most `EVERY` seconds of their time.
"""
import os
import threading
from collections import Counter
from collections.abc import Callable

EVERY = 0.2
TICKS = os.sysconf("SC_CLK_TCK")
GROUPS = ("app", "database", "redis", "loader")


def processes() -> dict[int, tuple[int, str, float]]:
    """pid -> (parent pid, command line, CPU seconds so far, user and system) of every process."""
    found = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat, open(f"/proc/{name}/cmdline", "rb") as cmdline:
                    fields, command = stat.read().rsplit(")", 1)[1].split(), cmdline.read()
            except OSError:  # gone between listing and reading
                continue
            cpu = (int(fields[11]) + int(fields[12])) / TICKS
            found[int(name)] = (int(fields[1]), command.replace(b"\0", b" ").decode(errors="replace"), cpu)
    return found


def classifier(app_pid: int, database: str) -> Callable[[int, int, str], str | None]:
    """The group of a process: the gunicorn master `app_pid` and its workers, the backends of
    `database`, Redis, wrk or the Python loader; None for the rest of the machine."""
    def group(pid: int, parent: int, command: str) -> str | None:
        if app_pid in (pid, parent):
            return "app"
        if command.startswith("postgres: ") and f" {database} " in command:
            return "database"
        if command.startswith("redis-server"):
            return "redis"
        if command.startswith("wrk ") or "bench/load/loader.py" in command:
            return "loader"
        return None
    return group


class CpuMeter:
    """`with CpuMeter(app_pid, database) as meter:` around a run; then `meter.seconds`, the CPU
    seconds of each group during the block."""

    def __init__(self, app_pid: int, database: str) -> None:
        self.group = classifier(app_pid, database)
        self.spans: dict[int, tuple[str, float, float]] = {}  # pid -> group, CPU at first and last sample
        self.seconds: Counter = Counter()
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def __enter__(self) -> "CpuMeter":
        self._sample()
        self._sampler.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._sampler.join()
        self._sample()
        self.seconds = Counter()
        for group, first, last in self.spans.values():
            self.seconds[group] += last - first

    def _sample_until_stopped(self) -> None:
        while not self._stop.wait(EVERY):
            self._sample()

    def _sample(self) -> None:
        for pid, (parent, command, cpu) in processes().items():
            span = self.spans.get(pid)
            if span is not None:
                self.spans[pid] = (span[0], span[1], cpu)
            elif (group := self.group(pid, parent, command)) is not None:
                self.spans[pid] = (group, cpu, cpu)
