"""The fault suite's own PostgreSQL cluster and Redis server, on free ports of 127.0.0.1.

The faults (restart, SIGKILL of the postmaster, SIGSTOP/SIGCONT of the whole cluster, Redis
stopped) are done to these, never to the machine's shared services, which other test runs use.
The cluster records commit timestamps (`track_commit_timestamp`): they show when a response was
committed, so the suite can tell a retry of a committed response from a first delivery.
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{folder}'
track_commit_timestamp = on
max_connections = 60
shared_buffers = 64MB
logging_collector = off
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(*command: str, **options) -> subprocess.CompletedProcess:
    """PostgreSQL refuses to run as root: its programs run as the postgres account."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120, **options)


class PostgreSQL:
    """One cluster in `folder` on `port`, with `pg_ctl` and signals as the faults."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port
        self.data = folder / "data"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create(self) -> None:
        as_postgres(str(BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync",
                    "-E", "UTF8", "--locale", "C.UTF-8")
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(SETTINGS.format(port=self.port, folder=self.folder))
        self.start()

    def start(self) -> None:
        as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-t", "60",
                    "start")

    def stop(self) -> None:
        as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        """A clean restart (pg_ctl restart -m fast): connections are ended, nothing is lost."""
        as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-m", "fast",
                    "-w", "-t", "60", "restart")

    def postmaster(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def processes(self) -> list[int]:
        """The postmaster and its children (backends, checkpointer, WAL writer...)."""
        master = self.postmaster()
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return [master, *map(int, children)]

    def kill(self) -> None:
        """A crash: SIGKILL to the postmaster; its backends end when they notice, then the
        cluster is started again as a supervisor would (crash recovery replays the WAL)."""
        victims = self.processes()
        os.kill(victims[0], signal.SIGKILL)
        wait_gone(victims)
        self.start()

    def pause(self, seconds: float) -> None:
        """A hang: every process of the cluster stopped (SIGSTOP) for `seconds`, then continued."""
        victims = self.processes()
        for pid in victims:
            os.kill(pid, signal.SIGSTOP)
        time.sleep(seconds)
        for pid in reversed(victims):
            os.kill(pid, signal.SIGCONT)

    def psql(self, *arguments: str) -> None:
        as_postgres(str(BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-q",
                    "-v", "ON_ERROR_STOP=1", *arguments)


def wait_gone(pids: list[int], seconds: float = 15) -> None:
    """Wait until none of `pids` runs any more; those left after `seconds` are killed."""
    deadline = time.monotonic() + seconds
    while any(Path(f"/proc/{pid}").exists() for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in pids:
        if Path(f"/proc/{pid}").exists():
            os.kill(pid, signal.SIGKILL)


@contextmanager
def postgresql():
    """A new cluster in a temporary folder (owned by postgres), removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix="survey-faults-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = PostgreSQL(folder, free_port())
    cluster.create()
    try:
        yield cluster
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class Redis:
    """redis-server on `port`, in memory only; `stop` and `start` are the fault."""

    def __init__(self, port: int):
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not answers(self.port):
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server on port {self.port} did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def redis():
    server = Redis(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
