"""Named data-quality rules. Each reads one response (`Facts`) and the campaign-wide figures it
needs (`Context`), and returns a `Finding` when the response should be looked at, else None.
A flag is a question for a supervisor, never a verdict: nothing is excluded automatically.

- too_short: a timed interview (channel in `timed_channels`: web, interviewer) took less than
  `short_fraction` (1/3) of the campaign's median duration, or less than `short_minimum_seconds`
  (60 s; each campaign sets its own, `Campaign.min_seconds`) whatever the median; the median counts
  once the campaign has `median_minimum_responses` (10) timed responses.
- straight_lining: every answered satisfaction item (1–5; "9" is not a rating), at least
  `straight_minimum_items` (8) of them, has the same answer.
- many_dont_know: more than `dont_know_share` (30 %) of the answered questions that offer a
  don't-know code (`dont_know_values`: 9 of the satisfaction scale, `khong_biet` of choice lists)
  are answered with it, out of at least `dont_know_minimum_items` (5).
- duplicate_serial: another response of the campaign has the same paper serial once spaces,
  case and the leading zeros of its numbers are ignored.
- burst_device, burst_unit: the flag stored when the response arrived in a burst
  (`survey.responses.screening`, whose own thresholds decide it).

A duration is the sum of the seconds spent on each page when the web form measured them, else
the time from start to submission.
"""
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import forms

SATISFACTION_LEVELS = ("1", "2", "3", "4", "5")
NUMBER = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Thresholds:
    """The thresholds of the rules (module docstring); every call may pass its own."""

    short_fraction: float = 1 / 3
    short_minimum_seconds: float = 60.0
    median_minimum_responses: int = 10
    timed_channels: tuple[str, ...] = ("web", "interviewer")
    straight_minimum_items: int = 8
    dont_know_share: float = 0.30
    dont_know_minimum_items: int = 5
    dont_know_values: frozenset[str] = frozenset({"9", "khong_biet"})


@dataclass(frozen=True)
class Facts:
    """What the rules read of one response."""

    id: int
    channel: str
    started_at: datetime
    submitted_at: datetime
    page_seconds: Mapping[str, float] | None = None
    paper_serial: str | None = None
    flag: str | None = None
    answers: Mapping[str, str] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return duration(self.started_at, self.submitted_at, self.page_seconds)


def duration(started_at: datetime, submitted_at: datetime, page_seconds: Mapping[str, float] | None) -> float:
    """Seconds of an interview: the pages' seconds when the web form measured them, else start to end."""
    if page_seconds:
        return float(sum(page_seconds.values()))
    return (submitted_at - started_at).total_seconds()


@dataclass(frozen=True)
class Context:
    """Campaign-wide figures: the median timed duration (None when too few responses were timed),
    the normalised paper serials held by more than one response, and the questions the rules
    look at (made by `context`, for the thresholds in use)."""

    median_seconds: float | None = None
    shared_serials: frozenset[str] = frozenset()
    satisfaction_keys: frozenset[str] = frozenset()
    dont_know_keys: frozenset[str] = frozenset()
    """The satisfaction and select_one questions offering one of the don't-know codes."""


def context(definition: forms.Definition, thresholds: Thresholds, median: float | None = None,
            serials: frozenset[str] = frozenset()) -> Context:
    """The Context of a campaign's questionnaire (read once, not for every response)."""
    rated = frozenset(q.name for q in definition.questions if q.type == "satisfaction")
    offering = frozenset(q.name for q in definition.questions if q.type in ("satisfaction", "select_one")
                         and any(c.value in thresholds.dont_know_values for c in q.choices))
    return Context(median, serials, rated, offering)


@dataclass(frozen=True)
class Finding:
    """A rule that tripped, with the figures that explain it (for the pages' texts)."""

    rule: str
    figures: Mapping[str, object] = field(default_factory=dict)


Rule = Callable[[Facts, Context, Thresholds], Finding | None]


def too_short(facts: Facts, context: Context, thresholds: Thresholds) -> Finding | None:
    if facts.channel not in thresholds.timed_channels:
        return None
    limit = thresholds.short_minimum_seconds
    if context.median_seconds is not None:
        limit = max(limit, thresholds.short_fraction * context.median_seconds)
    if facts.seconds >= limit:
        return None
    # Down for the duration, up for the threshold: the two shown never read the same (170.6 s
    # under 171.3 s would both round to 171).
    return Finding("too_short", {"seconds": math.floor(facts.seconds), "limit": math.ceil(limit)})


def straight_lining(facts: Facts, context: Context, thresholds: Thresholds) -> Finding | None:
    rated = [value for key, value in facts.answers.items()
             if key in context.satisfaction_keys and value in SATISFACTION_LEVELS]
    if len(rated) < thresholds.straight_minimum_items or len(set(rated)) != 1:
        return None
    return Finding("straight_lining", {"items": len(rated), "value": rated[0]})


def many_dont_know(facts: Facts, context: Context, thresholds: Thresholds) -> Finding | None:
    offered = [value for key, value in facts.answers.items() if key in context.dont_know_keys]
    unknown = sum(value in thresholds.dont_know_values for value in offered)
    if len(offered) < thresholds.dont_know_minimum_items or unknown <= thresholds.dont_know_share * len(offered):
        return None
    return Finding("many_dont_know", {"count": unknown, "items": len(offered),
                                      "percent": round(100 * unknown / len(offered))})


def duplicate_serial(facts: Facts, context: Context, thresholds: Thresholds) -> Finding | None:
    if facts.paper_serial is None or normal_serial(facts.paper_serial) not in context.shared_serials:
        return None
    return Finding("duplicate_serial", {"serial": normal_serial(facts.paper_serial)})


def stored_burst(facts: Facts, context: Context, thresholds: Thresholds) -> Finding | None:
    return Finding(facts.flag) if facts.flag else None


RULES: dict[str, Rule] = {"too_short": too_short, "straight_lining": straight_lining,
                          "many_dont_know": many_dont_know, "duplicate_serial": duplicate_serial,
                          "burst": stored_burst}
FLAG_NAMES = ("too_short", "straight_lining", "many_dont_know", "duplicate_serial", "burst_device", "burst_unit")
"""Every name a Finding may carry (the burst rule reports the stored flag's name)."""


def findings(facts: Facts, context: Context, thresholds: Thresholds = Thresholds()) -> list[Finding]:
    """Every rule that trips for `facts`, in the order of RULES."""
    found = (rule(facts, context, thresholds) for rule in RULES.values())
    return [finding for finding in found if finding is not None]


def normal_serial(serial: str) -> str:
    """A paper serial as keyers may have varied it: without spaces, case, and the leading zeros
    of its numbers ('A-0012' and 'a-12' are the same serial)."""
    return NUMBER.sub(lambda number: str(int(number.group())), "".join(serial.split()).casefold())


def shared_serials(serials: Iterable[str]) -> frozenset[str]:
    """The normalised serials that more than one of `serials` reduces to."""
    counts = Counter(normal_serial(serial) for serial in serials)
    return frozenset(serial for serial, count in counts.items() if count > 1)


def median_seconds(seconds: Sequence[float], thresholds: Thresholds) -> float | None:
    """The median of the timed responses' durations, None when there are too few of them."""
    return statistics.median(seconds) if len(seconds) >= thresholds.median_minimum_responses else None
