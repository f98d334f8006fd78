"""The two charts of the progress page, as SVG drawn by matplotlib the way `survey.results.charts`
draws the analysis charts (and under its lock: matplotlib's font caches are shared per process).

- `progress_chart`: a horizontal bar per row: the target (outline), collected and verified;
- `daily_chart`: responses per day, one stacked bar per day, a colour per channel.
The tables next to them carry the same figures for readers who cannot see the picture.
"""
from collections.abc import Sequence

from matplotlib.figure import Figure

from survey.quality.progress import Day, Tally
from survey.results.charts import _DRAWING, _svg, _text  # the shared lock and SVG output

TARGET, COLLECTED, VERIFIED = "#f3f3f3", "#d99a9a", "#8b1a1a"
CHANNEL_COLOURS = {"web": "#0b4f9c", "paper": "#8b1a1a", "interviewer": "#2e7d32"}


def progress_chart(rows: Sequence[Tally], title: str, legend: tuple[str, str, str]) -> bytes:
    """Bars of `rows` (first at the top); `legend` names target, collected and verified."""
    labels = [_text(f"{row.label} · {row.detail}" if row.detail else row.label) for row in rows][::-1]
    with _DRAWING:
        figure = Figure(figsize=(7.5, 1.4 + 0.42 * max(len(rows), 1)), layout="constrained")
        axes = figure.add_subplot()
        positions = range(len(rows))
        reversed_rows = list(rows)[::-1]
        axes.barh(positions, [row.target or 0 for row in reversed_rows], color=TARGET, edgecolor="#555555",
                  label=_text(legend[0]))
        axes.barh(positions, [row.collected for row in reversed_rows], height=0.5, color=COLLECTED,
                  label=_text(legend[1]))
        axes.barh(positions, [row.verified for row in reversed_rows], height=0.5, color=VERIFIED,
                  label=_text(legend[2]))
        for position, row in zip(positions, reversed_rows):
            axes.annotate(f"{row.collected}/{row.target}" if row.target else str(row.collected),
                          (max(row.target or 0, row.collected), position), textcoords="offset points",
                          xytext=(4, 0), va="center", fontsize=8)
        axes.set_yticks(list(positions), labels)
        axes.set_title(_text(title), loc="left")
        axes.legend(loc="lower right", fontsize=8)
        axes.margins(x=0.15)
        return _svg(figure)


def daily_chart(days: Sequence[Day], channels: Sequence[str], title: str, names: dict[str, str]) -> bytes:
    """Stacked bars of responses per day; `names` are the channels' names in the reader's language."""
    with _DRAWING:
        figure = Figure(figsize=(7.5, 3.2), layout="constrained")
        axes = figure.add_subplot()
        bottom = [0] * len(days)
        for channel in channels:
            heights = [day.counts.get(channel, 0) for day in days]
            axes.bar([day.day.strftime("%d/%m") for day in days], heights, bottom=bottom,
                     color=CHANNEL_COLOURS.get(channel, "#555555"), label=_text(names[channel]))
            bottom = [b + h for b, h in zip(bottom, heights)]
        axes.set_title(_text(title), loc="left")
        axes.legend(fontsize=8)
        axes.tick_params(axis="x", labelrotation=90 if len(days) > 10 else 0, labelsize=8)
        return _svg(figure)
