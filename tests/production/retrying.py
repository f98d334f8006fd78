"""Clients that send responses the way real ones do when the network or the server fails: the same
request again, with the same idempotency key (the response's uuid), until it is acknowledged.

What each request means is the business of a `Sender` (one per client thread, see paths.py); this
module does the retrying, the provoked lost replies and the counting. Every so many keys, a client
hangs up right after sending (a phone losing its signal): the server may commit a response whose
reply nobody reads, and the client sends it again.
"""
import http.client
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol
from urllib.parse import urlsplit
from uuid import UUID

TIMEOUT = 3.0
"""How long a client waits for a reply before it gives up on the attempt (and sends it again)."""
BACKOFF = (0.2, 0.4, 0.8, 1.6, 2.0)
"""Waits before the 1st, 2nd... retry after a failure; the last one repeats."""
HANG_UP_EVERY = 10
"""A client's 1st, 11th, 21st... key: hang up after sending its first attempt, retry shortly after."""
BACK_IN_SIGNAL = (2.0, 0.2)
"""A phone that lost its signal right after sending has it back (and sends again) two seconds later,
or, every other time, at once: then the retry races the first attempt, still being processed."""
AFTER_TIMEOUT = 2.0
"""Someone who waited in vain for a reply tries again a couple of seconds later."""
THROTTLED_WAIT = 1.0


class Verdict(Enum):
    ACKNOWLEDGED = "acknowledged"
    REPLAYED = "replayed"
    """Acknowledged, and the reply says the key was stored before (where the path can say so)."""
    RETRY = "retry"
    THROTTLED = "throttled"
    UNEXPECTED = "unexpected"


class Sender(Protocol):
    def send(self, connection: http.client.HTTPConnection, key: UUID) -> None: ...
    def verdict(self, key: UUID, response: http.client.HTTPResponse, body: bytes) -> Verdict: ...
    def forget(self) -> None:
        """After a failed attempt: drop what the next attempt must fetch again (a token)."""


class HungUp(Exception):
    """The client closed the connection without reading the reply (on purpose)."""


@dataclass
class Outcome:
    """What the clients of one path saw."""

    acked_at: dict[UUID, float] = field(default_factory=dict)
    """Monotonic time of each key's acknowledgement."""
    sent_at: dict[UUID, float] = field(default_factory=dict)
    """Wall-clock time the acknowledged attempt of each key was sent (compared with commit times)."""
    counts: dict[str, int] = field(default_factory=dict)
    hung_up: set[UUID] = field(default_factory=set)
    """Keys whose first attempt the client hung up on."""
    replayed: set[UUID] = field(default_factory=set)
    """Keys acknowledged by a reply saying they were stored before."""
    given_up: list[UUID] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, what: str) -> None:
        with self.lock:
            self.counts[what] = self.counts.get(what, 0) + 1

    def longest_silence_after(self, moment: float) -> float:
        """The longest wait between acknowledgements from `moment` on (the outage as clients felt it)."""
        times = sorted(t for t in self.acked_at.values() if t >= moment)
        return max((b - a for a, b in zip([moment, *times], times, strict=False)), default=float("inf"))


class RetryingClients:
    """`threads` clients sending `keys` to `url`, each key until acknowledged (or the grace ends)."""

    def __init__(self, url: str, sender: Callable[[], Sender], keys: list[UUID], threads: int = 3):
        self.address = urlsplit(url).netloc
        self.keys: queue.Queue[UUID] = queue.Queue()
        for key in keys:
            self.keys.put(key)
        self.outcome = Outcome()
        self.stopping = threading.Event()
        self.deadline = float("inf")
        self.workers = [threading.Thread(target=self._run, args=(sender(),), daemon=True) for _ in range(threads)]

    def start(self) -> None:
        for worker in self.workers:
            worker.start()

    def stop(self, grace: float = 30) -> None:
        """Take no new key; let each client settle the key it holds (retrying) within `grace` seconds."""
        self.deadline = time.monotonic() + grace
        self.stopping.set()

    def join(self) -> Outcome:
        for worker in self.workers:
            worker.join(max(0.0, self.deadline - time.monotonic()) + 5)
        return self.outcome

    def _run(self, sender: Sender) -> None:
        client = Client(self, sender)
        taken = 0
        while not self.stopping.is_set():
            try:
                key = self.keys.get_nowait()
            except queue.Empty:
                return
            taken += 1
            client.settle(key, hang_up=taken % HANG_UP_EVERY == 1)
        client.connection.close()

    def settling(self) -> bool:
        return not self.stopping.is_set() or time.monotonic() < self.deadline


class Client:
    """One client thread: its connection, and the attempts of one key after another."""

    def __init__(self, clients: RetryingClients, sender: Sender):
        self.clients, self.sender, self.outcome = clients, sender, clients.outcome
        self.connection = self._connect()
        self.hang_ups = 0

    def _connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.clients.address, timeout=TIMEOUT)

    def settle(self, key: UUID, hang_up: bool) -> None:
        """Send `key` until acknowledged, or give up after the grace period of `stop`."""
        failures = 0
        while self.clients.settling():
            verdict, wait = self._attempt(key, hang_up and failures == 0)
            if hang_up and failures == 0:
                self.outcome.hung_up.add(key)
                wait = BACK_IN_SIGNAL[self.hang_ups % 2]
                self.hang_ups += 1
            if verdict in (Verdict.ACKNOWLEDGED, Verdict.REPLAYED, Verdict.UNEXPECTED):
                return
            failures += 1
            time.sleep(wait if wait is not None else BACKOFF[min(failures, len(BACKOFF)) - 1])
        self.outcome.given_up.append(key)

    def _attempt(self, key: UUID, hang_up: bool) -> tuple[Verdict, float | None]:
        """One attempt: its verdict, and the wait before the next one if it calls for its own."""
        sent = time.time()
        self.outcome.count("attempts")
        try:
            self.sender.send(self.connection, key)
            if hang_up:
                raise HungUp
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException, HungUp) as error:
            self._lost(error)
            return Verdict.RETRY, AFTER_TIMEOUT if isinstance(error, TimeoutError) else None
        verdict = self.sender.verdict(key, response, body)
        if verdict is Verdict.UNEXPECTED:
            self.outcome.unexpected.append(f"{key}: {response.status} {body[:300]!r}")
        return self._settled(key, verdict, sent)

    def _lost(self, error: Exception) -> None:
        """No reply: count why, and start again on a new connection."""
        kinds = {HungUp: "hung up", TimeoutError: "timed out"}
        self.outcome.count(next((name for kind, name in kinds.items() if isinstance(error, kind)), "cut"))
        self.sender.forget()
        self.connection.close()
        self.connection = self._connect()

    def _settled(self, key: UUID, verdict: Verdict, sent: float) -> tuple[Verdict, float | None]:
        self.outcome.count(verdict.value)
        if verdict in (Verdict.ACKNOWLEDGED, Verdict.REPLAYED):
            with self.outcome.lock:
                self.outcome.acked_at[key], self.outcome.sent_at[key] = time.monotonic(), sent
                if verdict is Verdict.REPLAYED:
                    self.outcome.replayed.add(key)
        elif verdict is Verdict.RETRY:
            self.sender.forget()
        return verdict, THROTTLED_WAIT if verdict is Verdict.THROTTLED else None
