"""The two charts of the progress page, drawn as SVG elements in the page itself: bars are a
few rectangles, so no drawing library is needed (matplotlib spent about a second of CPU per
page on them, under a lock shared with the analysis charts). This module only computes the
geometry; templates/supervisor/_charts.html draws it, and supervisor.css colours it by class
(the Content-Security-Policy forbids inline styles, not SVG attributes).

- `progress_bars`: a horizontal bar per row: the target (outline), collected and verified, and a
  mark where collection should stand today had it gone evenly over the campaign's days;
- `day_columns`: responses per day, a stacked column per day, a colour per channel, against a
  vertical axis (`day_axis`: a few round counts, labelled in the gutter left of the columns).
Widths and horizontal positions are percentages of the chart's width, so the charts follow the
page down to 320 px; the tables next to them carry the same figures for screen readers.
"""
import math
from collections.abc import Sequence
from dataclasses import dataclass

from survey.quality.progress import Day, Tally

LONGEST = 85.0
"""Percent of the width the longest bar takes (its count is written on the label's line)."""
COLUMN_HEIGHT = 160
"""Pixels of the tallest column of the per-day chart."""
DAY_LABELS = 8
"""At most this many days are labelled under the columns."""
FEWEST_COLUMNS = 10
"""A column is at most a tenth of the width, however few the days."""
GUTTER = 7.0
"""Percent of the width left of the columns for the axis labels (three digits at 320 px)."""
TICKS = 4
"""About this many steps of the vertical axis."""


@dataclass(frozen=True)
class Bar:
    label: str
    count: str
    target: float
    collected: float
    verified: float
    """Widths in percent of the chart."""
    expected: float | None = None
    """Where the expected-by-today mark stands (percent), None without a target or campaign dates."""
    expected_count: int | None = None


@dataclass(frozen=True)
class Tick:
    y: float
    """Pixels from the top of the columns."""
    label: str


@dataclass(frozen=True)
class Column:
    x: float
    width: float
    """Percent of the chart."""
    label: str | None
    segments: tuple[tuple[str, float, float], ...]
    """(channel, top, height) in pixels, bottom segment first."""


def progress_bars(rows: Sequence[Tally], share: float | None = None) -> list[Bar]:
    """A bar per row; `share` is the part of the campaign's days gone by (None: no mark)."""
    top = max([max(row.target or 0, row.collected) for row in rows] + [1])

    def width(value: float | None) -> float:
        return round(LONGEST * (value or 0) / top, 2)

    def expected(row: Tally) -> float | None:
        """The responses due by now at the campaign's pace (None: no target or no mark)."""
        return row.target * share if row.target and share is not None else None

    return [Bar(f"{row.label} · {row.detail}" if row.detail else row.label,
                f"{row.collected}/{row.target}" if row.target else str(row.collected),
                width(row.target), width(row.collected), width(row.verified),
                None if expected(row) is None else width(expected(row)), rounded(expected(row))) for row in rows]


def rounded(value: float | None) -> int | None:
    return None if value is None else round(value)


def day_axis(days: Sequence[Day]) -> tuple[int, list[Tick]]:
    """The axis's top count (a whole number of round steps over the busiest day) and its ticks."""
    busiest = max([day.total for day in days] + [1])
    step = round_step(busiest / TICKS)
    top = step * math.ceil(busiest / step)
    return top, [Tick(round(COLUMN_HEIGHT * (1 - value / top), 2), str(value)) for value in range(0, top + 1, step)]


def round_step(at_least: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 ... not under `at_least`."""
    power = 10 ** max(math.floor(math.log10(max(at_least, 1))), 0)
    return next(factor * power for factor in (1, 2, 5, 10) if factor * power >= at_least)


def day_columns(days: Sequence[Day], channels: Sequence[str]) -> list[Column]:
    top, _ = day_axis(days)
    step, every = (100 - GUTTER) / max(len(days), FEWEST_COLUMNS), math.ceil(len(days) / DAY_LABELS)
    columns = []
    for number, day in enumerate(days):
        segments, base = [], float(COLUMN_HEIGHT)
        for channel in channels:
            height = COLUMN_HEIGHT * day.counts.get(channel, 0) / top
            if height:
                base -= height
                segments.append((channel, round(base, 2), round(height, 2)))
        label = day.day.strftime("%d/%m") if number % every == 0 else None
        columns.append(Column(round(GUTTER + number * step, 3), round(step, 3), label, tuple(segments)))
    return columns
