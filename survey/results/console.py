"""Results as plain-text tables for the terminal."""
import math

import pandas as pd

from survey.results.records import records
from survey.results.report import Results

LABEL = 44
INDENT = {"overall": "", "element": "  ", "criterion": "    "}


def render(results: Results) -> str:
    """The header, every node campaign-wide, then overall and element indices per domain."""
    lines = [*_header(results), "", *_nodes(results)]
    for by in results.by:
        lines += ["", *_domains(results, by)]
    if results.table["suppressed"].any():
        lines += ["", f"* fewer than {results.campaign.min_cell_size} valid answers to an item (the campaign's "
                      "minimum cell size): not for publication"]
    lines += _dropped(results) + _expectations(results)
    return "\n".join(lines)


def _dropped(results: Results) -> list[str]:
    """A line per node and domain that left suppressed children out (the recipe's rule "drop")."""
    table = results.table
    labels = dict(zip(table["node"], table["label"], strict=True))
    lines = [f"{row.label} ({row.domain or 'campaign-wide'}): {', '.join(labels[c] for c in row.dropped.split(','))}"
             " left out (too few answers), the other parts averaged"
             for row in records(table[table["dropped"].fillna("") != ""])]
    return ["", *lines] if lines else []


def _expectations(results: Results) -> list[str]:
    """Campaign-wide shares of each expectation's answers (beside the index, never in it)."""
    if not len(results.expectations):  # none asked: not even the columns
        return []
    rows = results.expectations[results.expectations["by"] == "all"]
    if not len(rows):
        return []
    heading = "expectations (% of those answering; not in the index)"
    lines = ["", f"{heading:{LABEL}} {'share':>7} {'95% CI':>15} {'n':>6}"]
    for row in records(rows):
        label = _cut(f"{row.label}: {row.answer_label}", LABEL)
        lines.append(f"{label:{LABEL}} {_number(row.estimate, row.suppressed):>7} {_interval(row):>15} {row.n:>6}")
    return lines


def _header(results: Results) -> list[str]:
    recipe, weighting = results.recipe, results.weighting
    return [f"Campaign {results.campaign.slug}: {results.campaign.name}",
            f"Recipe {recipe.id} (sha256 {recipe.content_hash[:12]}), weighting {weighting.method}; "
            f"{len(results.scope)} of {len(results.data.frame)} responses in scope "
            f"(statuses {', '.join(results.data.statuses)})",
            f"Kish effective n {weighting.design.effective_n():.1f}, design effect of weighting "
            f"{weighting.design.deff_weighting():.2f}"]


def _nodes(results: Results) -> list[str]:
    table = results.table[results.table["by"] == "all"]
    unweighted = "estimate_unweighted" in table.columns
    head = f"{'':{LABEL}} {'index':>7} {'95% CI':>15}" + (f" {'unw.':>7} {'deff':>5}" if unweighted else "")
    lines = [head + f" {'n':>6} {'n_eff':>7} {'points':>6}"]
    for row in records(table):
        label = _cut(INDENT[row.level] + f"{row.node} {row.label}", LABEL)
        line = f"{label:{LABEL}} {_number(row.estimate, row.suppressed):>7} {_interval(row):>15}"
        if unweighted:
            line += f" {_number(row.estimate_unweighted):>7} {_number(row.deff, digits=2):>5}"
        lines.append(line + f" {row.n:>6} {_number(row.effective_n):>7} {_number(row.points, digits=2):>6}")
    return lines


def _domains(results: Results, by: str) -> list[str]:
    table = results.table[(results.table["by"] == by) & results.table["level"].isin(["overall", "element"])]
    nodes = list(dict.fromkeys(table["node"]))
    width = max(9, *(len(n) + 1 for n in nodes))
    lines = [f"{'by ' + by:{LABEL - 10}} {'n':>9}" + "".join(f"{n:>{width}}" for n in nodes)]
    for domain, rows in table.groupby("domain", sort=False):
        rows = rows.set_index("node")
        name = _cut(f"{domain} {rows['domain_name'].iloc[0]}" if rows["domain_name"].iloc[0] != domain else str(domain),
                    LABEL - 10)
        cells = "".join(f"{_number(rows.loc[n, 'estimate'], rows.loc[n, 'suppressed']):>{width}}" for n in nodes)
        lines.append(f"{name:{LABEL - 10}} {rows['n'].iloc[0]:>9}{cells}")
    return lines


def _interval(row) -> str:
    if math.isnan(row.ci_low):
        return "–"
    return f"[{row.ci_low:.1f}, {row.ci_high:.1f}]"


def _number(value, suppressed: bool = False, digits: int = 1) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:.{digits}f}" + ("*" if suppressed else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
