"""Local HTTP receivers (threads on 127.0.0.1, allowed by WEBHOOK_ALLOWED_HOSTS) that answer with the
statuses they are told, or garbage; and a guard recording every connection the deliverer opens."""
import socket
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from survey.webhooks.delivery import Policy
from tests.accounts.conftest import fresh_limits, make_user, settings, staff  # noqa: F401 (fixtures)

LOCAL = Policy(max_attempts=3, base_delay=30, max_delay=3600, timeout=5, lease=60,
               allowed_hosts=frozenset({"127.0.0.1"}))
GARBAGE = "garbage"


class Receiver:
    """Records every request (headers, raw body, path); answers `statuses` in turn, then the last one:
    a status code (a redirect to /elsewhere for a 3xx) or GARBAGE, a line that is not HTTP."""

    def __init__(self, statuses: list[int | str]):
        self.statuses, self.posts, self.paths = list(statuses), [], []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.posts.append((dict(self.headers), body))
                self.do_GET()

            def do_GET(self):
                receiver.paths.append(self.path)
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                if status == GARBAGE:
                    self.wfile.write(b"\x00\x01 not an answer\r\n\r\n")
                    return
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):  # keep the test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def receiver(app, monkeypatch):
    """Builds receivers, allowed by the setting (as an operator would allow a local one); each is
    shut down after the test."""
    monkeypatch.setitem(app.config, "WEBHOOK_ALLOWED_HOSTS", "127.0.0.1")
    made = []

    def build(*statuses: int | str) -> Receiver:
        made.append(Receiver(list(statuses) or [200]))
        return made[-1]
    yield build
    for one in made:
        one.close()


@pytest.fixture
def connections(monkeypatch):
    """Every address the deliverer connects to; any but loopback is refused without a packet sent."""
    opened, real = [], socket.create_connection

    def guarded(address, *args, **kwargs):
        opened.append(address[0])
        if address[0] not in ("127.0.0.1", "::1"):
            raise AssertionError(f"a connection to {address[0]} was attempted")
        return real(address, *args, **kwargs)
    monkeypatch.setattr(socket, "create_connection", guarded)
    return opened


class FakeDns(dict):
    """name -> its addresses (none: it does not exist), or a list of answers (one per lookup, the
    last one repeated); `asked` counts the lookups of each name."""

    def __init__(self):
        super().__init__()
        self.asked = Counter()

    def answer(self, host: str, port: int) -> list[tuple]:
        self.asked[host] += 1
        if not self[host]:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        answers = self[host] if isinstance(self[host][0], list) else [self[host]]
        found = answers[min(self.asked[host], len(answers)) - 1]
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in found]


@pytest.fixture
def dns(monkeypatch):
    """Fake name resolution for the names put in it; numeric hosts resolve as they always do."""
    names, real = FakeDns(), socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        return names.answer(host, port) if host in names else real(host, port, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return names
