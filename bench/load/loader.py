"""A small HTTP/1.1 load generator for machines without wrk: the same runs as get.lua and submit.lua,
the same RESULT fields, one process and one thread (asyncio), keep-alive connections on 127.0.0.1.

    .venv/bin/python bench/load/loader.py get URL --seconds 30 --connections 16
    LOAD_FILE=keys .venv/bin/python bench/load/loader.py submit URL --seconds 60 --connections 16

It costs the machine more than wrk (Python writes each request and parses each answer): its own CPU
seconds are in the RESULT (`loader_cpu_s`); both apps are loaded by the same loader in one run.
"""
import argparse
import asyncio
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit


def statistics(latencies: list[float], started: float, counts: Counter) -> dict:
    """The RESULT fields of the lua scripts: requests, seconds, p50/p99 in ms, and the counts."""
    ordered = sorted(latencies) or [0.0]
    return {"requests": len(latencies), "seconds": round(time.monotonic() - started, 3),
            "p50_ms": ordered[len(ordered) // 2] * 1000, "p99_ms": ordered[min(len(ordered) - 1,
                                                                                 len(ordered) * 99 // 100)] * 1000,
            "timeouts": counts["timeouts"], **{name: counts[name] for name in counts if name != "timeouts"}}


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, whether the server keeps the connection) of one answer, its body read and dropped."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split(" ", 2)[1])
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in head[1:] if line)}
    await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers.get("connection", "").lower() != "close"


async def connection(host: str, port: int, next_request: Callable[[], bytes], deadline: float,
                     latencies: list[float], counts: Counter, judge: Callable[[int], str]) -> None:
    """One keep-alive connection sending requests one after the other until the deadline."""
    reader, writer = await asyncio.open_connection(host, port)
    while time.monotonic() < deadline:
        sent = time.monotonic()
        writer.write(next_request())
        try:
            status, kept = await asyncio.wait_for(read_answer(reader), timeout=10)
        except TimeoutError:
            counts["timeouts"] += 1
            kept = False
        else:
            latencies.append(time.monotonic() - sent)
            counts[judge(status)] += 1
        if not kept:
            writer.close()
            reader, writer = await asyncio.open_connection(host, port)
    writer.close()


def get_requests(path: str, host: str) -> tuple[Callable[[], bytes], Callable[[int], str], Counter]:
    """get.lua: the same page again and again, as a first visit (no cookie)."""
    raw = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    return (lambda: raw), (lambda status: "ok" if status == 200 else "failed"), Counter(ok=0, failed=0)


def submit_requests(host: str) -> tuple[Callable[[], bytes], Callable[[int], str], Counter]:
    """submit.lua: one prepared key per POST, never the same one twice (LOAD_FILE: cookie, token,
    path with %s, then the keys); an exhausted list is counted, the run then invalid."""
    with open(os.environ["LOAD_FILE"], encoding="utf-8") as lines:
        cookie, token, path, *keys = lines.read().split("\n")
    counts = Counter(acked=0, client_errors=0, server_errors=0, exhausted=0)
    remaining: Iterator[str] = iter([key for key in keys if key])

    def request() -> bytes:
        key = next(remaining, None)
        if key is None:
            counts["exhausted"] += 1
            key = keys[0]
        body = f"csrf_token={token}&_uuid={key}"
        return (f"POST {path % key} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\n\r\n{body}").encode()

    def judge(status: int) -> str:
        return "acked" if status == 302 else "server_errors" if status >= 500 else "client_errors"
    return request, judge, counts


async def load(kind: str, url: str, seconds: float, connections: int) -> dict:
    parts = urlsplit(url)
    host = parts.netloc
    request, judge, counts = get_requests(parts.path or "/", host) if kind == "get" else submit_requests(host)
    latencies: list[float] = []
    started = time.monotonic()
    await asyncio.gather(*(connection(parts.hostname or "127.0.0.1", parts.port or 80, request, started + seconds,
                                      latencies, counts, judge) for _ in range(connections)))
    return statistics(latencies, started, counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["get", "submit"])
    parser.add_argument("url")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    cpu = time.process_time()
    result = asyncio.run(load(args.kind, args.url, args.seconds, args.connections))
    result["loader_cpu_s"] = round(time.process_time() - cpu, 2)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
