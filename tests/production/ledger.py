"""What was stored, against what the clients hold as acknowledged, per path.

A lost-acknowledgement retry is a key committed by an attempt whose reply never reached the client
(a client only sends again without an acknowledgement), then sent again. It is counted where it is
proven: the key's row was committed (PostgreSQL's commit timestamp) before its client sent the
attempt finally acknowledged, or that attempt's reply says the key was stored before (the JSON
paths can say so; the others redirect alike either way).
"""
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from tests.production.retrying import Outcome

TABLES = {"citizen": "responses", "invitation": "responses", "api": "responses",
          "paper": "paper_entries", "offline": "paper_entries"}
"""Where each path's keys end up: a row per uuid (a paper entry makes its response as well)."""
ROWS = text("SELECT uuid, count(*), min(extract(epoch FROM pg_xact_commit_timestamp(xmin))) FROM {table} "
            "WHERE uuid = ANY(:keys) GROUP BY uuid")


@dataclass(frozen=True)
class Tally:
    path: str
    acknowledged: int
    stored: int
    duplicates: int
    lost: int
    unacknowledged: int
    """Stored, yet no client holds it as acknowledged (every key taken is retried until it is)."""
    lost_ack_retries: int
    by_fault: int
    """Of those, the keys whose client had not hung up on purpose: lost replies the fault caused."""
    counts: dict[str, int]


def tally(connection: Connection, path: str, keys: list[UUID], outcome: Outcome) -> Tally:
    rows = {key: (count, committed) for key, count, committed in connection.execute(
        text(ROWS.text.format(table=TABLES[path])).bindparams(bindparam("keys", value=keys)))}
    acked = outcome.sent_at
    retried = {key for key, (_, committed) in rows.items() if key in acked and committed < acked[key]}
    retried |= outcome.replayed & set(rows)
    return Tally(
        path=path, acknowledged=len(acked), stored=len(rows),
        duplicates=sum(count - 1 for count, _ in rows.values()),
        lost=len(set(acked) - set(rows)), unacknowledged=len(set(rows) - set(acked)),
        lost_ack_retries=len(retried), by_fault=len(retried - outcome.hung_up),
        counts=outcome.counts)


COLUMNS = ("acknowledged", "stored", "duplicates", "lost", "lost_ack_retries", "by_fault")
EVENTS = ("attempts", "replayed", "retry", "timed out", "cut", "hung up", "throttled")


def table(fault: str, seconds: float, tallies: list[Tally]) -> str:
    """A markdown table of one run: the settled numbers, then what the clients went through."""
    head = ["path", *(c.replace("_", " ") for c in COLUMNS), *("5xx/400" if e == "retry" else e for e in EVENTS)]
    lines = [f"### {fault} ({seconds:.0f} s)", "", "| " + " | ".join(head) + " |",
             "| --- |" + " ---: |" * (len(head) - 1)]
    for t in tallies:
        cells = [t.path, *(str(getattr(t, c)) for c in COLUMNS), *(str(t.counts.get(e, 0)) for e in EVENTS)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


CHECKS = {
    "drafts left": ("SELECT count(*) FROM drafts WHERE uuid = ANY(:keys)", ("citizen", "invitation")),
    "invitations used": ("SELECT count(*) FROM invitations i JOIN responses r ON r.id = i.response_id "
                         "WHERE r.uuid = ANY(:keys) AND i.used_at IS NOT NULL", ("invitation",)),
    "responses": ("SELECT count(*) FROM responses WHERE uuid = ANY(:keys)", ("paper", "offline")),
    "answer counts": ("SELECT count(DISTINCT n) FROM (SELECT count(*) AS n FROM answers a JOIN responses r "
                      "ON r.id = a.response_id WHERE r.uuid = ANY(:keys) GROUP BY a.response_id) AS each",
                      tuple(TABLES)),
}


def side_effects(connection: Connection, path: str, keys: list[UUID], stored: int) -> dict[str, tuple[int, int]]:
    """(found, expected) of what goes with each stored key: its draft gone, its invitation used,
    the response of a paper entry; and every response with the same number of answers."""
    expected = {"drafts left": len(keys) - stored, "invitations used": stored, "responses": stored,
                "answer counts": 1 if stored else 0}
    return {name: (connection.scalar(text(sql).bindparams(bindparam("keys", value=keys))), expected[name])
            for name, (sql, where) in CHECKS.items() if path in where}
