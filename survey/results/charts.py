"""Charts of results as SVG, drawn on the server with matplotlib (no GUI, no pyplot state).

- `index_chart`: the overall index per domain with its 95 % interval as a bar;
- `heat_table`: element indices, domains x elements, each cell coloured by its value.
Suppressed cells (too few answers) are drawn hollow / hatched and marked "*". Text stays text
(svg.fonttype none): smaller files, readable by screen readers, selectable.

Colours read the same to colour-blind readers: the Okabe-Ito blue for estimates, and the cividis
map (blue to yellow, lightness rising with the value) for the heat table, whose figures are
written dark on light cells and light on dark ones.
"""
import functools
import io
import textwrap
import threading
from types import SimpleNamespace

import numpy as np
import pandas as pd

# Figures are separate objects, but matplotlib's font caches are shared: one drawing at a time
# per process (gunicorn runs threads).
_DRAWING = threading.Lock()
SUPPRESSED = "#9a9a9a"
ESTIMATE = "#0072b2"
HEAT_MAP = "cividis"
LIGHT_FROM = 55
"""Index from which a cividis cell is light enough for black figures (below: white)."""
LABEL_WIDTH = 16
"""Characters per line of the heat table's element labels, written at a slant so they never overlap."""


@functools.cache
def _matplotlib() -> SimpleNamespace:
    """matplotlib, set up on the first chart drawn: importing it costs every process start (each
    command, each worker) about a third of a second, and most never draw."""
    import matplotlib

    matplotlib.use("Agg")  # never a GUI backend, whatever the environment says
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "survey", "font.size": 10,
                                "font.family": "DejaVu Sans"})  # shipped with matplotlib; covers Vietnamese
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    return SimpleNamespace(Figure=Figure, Rectangle=Rectangle)


def index_chart(rows: pd.DataFrame, title: str, note: str, number=lambda value: f"{value:.1f}",
                image_format: str = "svg") -> bytes:
    """Horizontal 95 % interval bars and points of `rows` (domain_name, estimate, ci_low, ci_high,
    suppressed), highest estimate at the top; estimates written by `number` (a report in Vietnamese
    writes 67,9); an SVG, or a PNG (150 dpi) for Word and PDF."""
    rows = rows.sort_values("estimate", na_position="first").reset_index(drop=True)
    with _DRAWING:
        figure = _matplotlib().Figure(figsize=(7.5, 1.2 + 0.38 * max(len(rows), 1)), layout="constrained")
        axes = figure.add_subplot()
        for position, (_, row) in enumerate(rows.iterrows()):
            _interval(axes, position, row, number)
        axes.set_yticks(range(len(rows)), [_text(n) for n in rows["domain_name"]])
        axes.set_ylim(-0.7, len(rows) - 0.3)
        axes.set_xlim(0, 100)
        axes.set_xlabel(_text(note))
        _title(figure, title)
        axes.grid(axis="x", color="#dddddd")
        axes.set_axisbelow(True)
        return _svg(figure) if image_format == "svg" else _png(figure)


def _interval(axes, position: int, row, number) -> None:
    if pd.isna(row.estimate):
        return
    colour = SUPPRESSED if row.suppressed else ESTIMATE
    axes.plot([row.ci_low, row.ci_high], [position, position], color=colour, linewidth=2.5, solid_capstyle="butt")
    axes.plot([row.estimate], [position], "o", color=colour, markerfacecolor="white" if row.suppressed else colour)
    axes.annotate(number(row.estimate) + ("*" if row.suppressed else ""), (row.estimate, position),
                  textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8, color=colour)


def heat_table(rows: pd.DataFrame, title: str, note: str) -> bytes:
    """Domains x nodes of `rows` (domain_name, label, estimate, suppressed), coloured 0-100."""
    estimates = rows.pivot_table(index="domain_name", columns="label", values="estimate", sort=False, dropna=False)
    hidden = rows.pivot_table(index="domain_name", columns="label", values="suppressed", sort=False, aggfunc="any")
    hidden = hidden.reindex_like(estimates).fillna(False).astype(bool)
    with _DRAWING:
        figure = _matplotlib().Figure(figsize=(3.5 + 1.1 * estimates.shape[1], 3 + 0.4 * estimates.shape[0]),
                                      layout="constrained")
        axes = figure.add_subplot()
        image = axes.imshow(np.ma.masked_invalid(estimates.to_numpy(float)), cmap=HEAT_MAP, vmin=0, vmax=100,
                            aspect="auto")
        _cells(axes, estimates, hidden)
        axes.xaxis.tick_top()
        axes.set_xticks(range(estimates.shape[1]), [textwrap.fill(_text(c), LABEL_WIDTH) for c in estimates.columns],
                        fontsize=8, rotation=35, ha="left", rotation_mode="anchor")
        axes.set_yticks(range(estimates.shape[0]), [_text(i) for i in estimates.index])
        _title(figure, title)
        figure.colorbar(image, ax=axes, shrink=0.8).set_label(_text(note))
        return _svg(figure)


def _cells(axes, estimates: pd.DataFrame, hidden: pd.DataFrame) -> None:
    for (i, j), value in np.ndenumerate(estimates.to_numpy(float)):
        if np.isnan(value):
            continue
        if hidden.iat[i, j]:
            axes.add_patch(_matplotlib().Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white",
                                                   edgecolor=SUPPRESSED, hatch="///"))
        colour = SUPPRESSED if hidden.iat[i, j] else "black" if value >= LIGHT_FROM else "white"
        axes.text(j, i, f"{value:.1f}" + ("*" if hidden.iat[i, j] else ""), ha="center", va="center", fontsize=9,
                  color=colour)


def _title(figure, title: str) -> None:
    """The title from the figure's left edge: over the axes alone it starts after the domains' names and
    a long one ran past the image's right edge, cut off."""
    if title:
        figure.suptitle(_text(title), x=0.01, ha="left", wrap=True)


def _text(value) -> str:
    """Labels as plain text: '$' would start matplotlib's math mode."""
    return str(value).replace("$", r"\$")


def _svg(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    return buffer.getvalue()
