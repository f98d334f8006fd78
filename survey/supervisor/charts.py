"""The two charts of the progress page, drawn as SVG elements in the page itself: bars are a
few rectangles, so no drawing library is needed (matplotlib spent about a second of CPU per
page on them, under a lock shared with the analysis charts). This module only computes the
geometry; templates/supervisor/_charts.html draws it, and supervisor.css colours it by class
(the Content-Security-Policy forbids inline styles, not SVG attributes).

- `progress_bars`: a horizontal bar per row: the target (outline), collected and verified;
- `day_columns`: responses per day, a stacked column per day, a colour per channel.
Widths and horizontal positions are percentages of the chart's width, so the charts follow the
page down to 320 px; the tables next to them carry the same figures for screen readers.
"""
import math
from collections.abc import Sequence
from dataclasses import dataclass

from survey.quality.progress import Day, Tally

LONGEST = 85.0
"""Percent of the width the longest bar takes, leaving room for its count."""
COLUMN_HEIGHT = 160
"""Pixels of the tallest column of the per-day chart."""
DAY_LABELS = 8
"""At most this many days are labelled under the columns."""
FEWEST_COLUMNS = 10
"""A column is at most a tenth of the width, however few the days."""


@dataclass(frozen=True)
class Bar:
    label: str
    count: str
    target: float
    collected: float
    verified: float
    """Widths in percent of the chart."""


@dataclass(frozen=True)
class Column:
    x: float
    width: float
    """Percent of the chart."""
    label: str | None
    segments: tuple[tuple[str, float, float], ...]
    """(channel, top, height) in pixels, bottom segment first."""


def progress_bars(rows: Sequence[Tally]) -> list[Bar]:
    top = max([max(row.target or 0, row.collected) for row in rows] + [1])

    def width(value: int | None) -> float:
        return round(LONGEST * (value or 0) / top, 2)

    return [Bar(f"{row.label} · {row.detail}" if row.detail else row.label,
                f"{row.collected}/{row.target}" if row.target else str(row.collected),
                width(row.target), width(row.collected), width(row.verified)) for row in rows]


def day_columns(days: Sequence[Day], channels: Sequence[str]) -> list[Column]:
    top = max([day.total for day in days] + [1])
    step, every = 100 / max(len(days), FEWEST_COLUMNS), math.ceil(len(days) / DAY_LABELS)
    columns = []
    for number, day in enumerate(days):
        segments, base = [], float(COLUMN_HEIGHT)
        for channel in channels:
            height = COLUMN_HEIGHT * day.counts.get(channel, 0) / top
            if height:
                base -= height
                segments.append((channel, round(base, 2), round(height, 2)))
        label = day.day.strftime("%d/%m") if number % every == 0 else None
        columns.append(Column(round(number * step, 3), round(step, 3), label, tuple(segments)))
    return columns
