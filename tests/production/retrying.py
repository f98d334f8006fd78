"""Clients that send prepared drafts the way a phone does when the network or the server fails:
the same "Send" POST again, with the same uuid, until the thank-you redirect acknowledges it."""
import http.client
import queue
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from uuid import UUID


@dataclass
class Outcome:
    """What the clients saw: acknowledgement times by uuid, failed attempts, keys given up."""

    acked: dict[UUID, float] = field(default_factory=dict)
    server_errors: int = 0
    connection_errors: int = 0
    given_up: list[UUID] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def longest_silence_after(self, moment: float) -> float:
        """The longest wait between acknowledgements from `moment` on (the outage as clients felt it)."""
        times = sorted(t for t in self.acked.values() if t >= moment)
        return max((b - a for a, b in zip([moment, *times], times)), default=float("inf"))


class RetryingClients:
    """`threads` clients sending `keys` to `url` for at most `seconds`, each key until acknowledged."""

    def __init__(self, url: str, cookie: str, csrf_token: str, keys: list[UUID], threads: int = 8):
        self.address = urlsplit(url).netloc
        self.cookie, self.csrf_token = cookie, csrf_token
        self.keys: queue.Queue[UUID] = queue.Queue()
        for key in keys:
            self.keys.put(key)
        self.outcome = Outcome()
        self.stopping = threading.Event()
        self.deadline = float("inf")
        self.workers = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]

    def start(self) -> None:
        for worker in self.workers:
            worker.start()

    def finish(self, grace: float = 30) -> Outcome:
        """Take no new key; let each client settle the key it holds (retrying) within `grace` seconds."""
        self.deadline = time.monotonic() + grace
        self.stopping.set()
        for worker in self.workers:
            worker.join(grace + 5)
        return self.outcome

    def _run(self) -> None:
        connection = http.client.HTTPConnection(self.address, timeout=10)
        while not self.stopping.is_set():
            try:
                key = self.keys.get_nowait()
            except queue.Empty:
                return
            connection = self._settle(connection, key)
        connection.close()

    def _settle(self, connection: http.client.HTTPConnection, key: UUID) -> http.client.HTTPConnection:
        """Send `key` until acknowledged, or give up after the grace period of `finish`."""
        while not self.stopping.is_set() or time.monotonic() < self.deadline:
            try:
                if self._send(connection, key):
                    return connection
            except (OSError, http.client.HTTPException):
                with self.outcome.lock:
                    self.outcome.connection_errors += 1
                connection.close()
                connection = http.client.HTTPConnection(self.address, timeout=10)
            time.sleep(0.05)
        self.outcome.given_up.append(key)
        return connection

    def _send(self, connection: http.client.HTTPConnection, key: UUID) -> bool:
        body = f"csrf_token={self.csrf_token}&_uuid={key}"
        connection.request("POST", f"/phieu/{key}/gui", body, {
            "Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        response.read()
        if response.status == 302 and response.getheader("Location", "").endswith(f"/phieu/{key}/cam-on"):
            self.outcome.acked[key] = time.monotonic()
            return True
        if response.status >= 500:
            with self.outcome.lock:
                self.outcome.server_errors += 1
            return False
        self.outcome.unexpected.append(f"{key}: {response.status}")
        return True  # not a failure a retry can mend: reported, and the test fails on it
