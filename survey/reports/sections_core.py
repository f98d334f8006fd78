"""The report's first sections: what it covers, its flags, the index and elements with the change
since the previous period, and their chart."""
import pandas as pd

from survey.reports.compose import Report
from survey.reports.document import Chart, Section, Table
from survey.reports.numbers import decimal, interval, p_value, whole
from survey.reports.text import facts, flag_texts, significance
from survey.reports.words import say
from survey.results.charts import index_chart


def summary(report: Report, language: str, rank_line: str | None) -> Section:
    lines = [f"{label}: {value}" for label, value in facts(report, language) if label != say("rank", language)]
    if rank_line:
        lines.append(f"{say('rank', language)}: {rank_line}")
    flags = flag_texts(report, language) or [say("no_flags", language)]
    return Section("summary", say("summary", language), [*lines, f"{say('flags', language)}:", *flags])


def indices(report: Report, language: str) -> Section:
    headers = [say(k, language) for k in ("node", "estimate", "ci", "n", "points", "previous", "change", "p_value",
                                            "significance")]
    rows = [[str(row.label), decimal(row.estimate, 1, language) + ("*" if row.suppressed else ""),
             interval(row.ci_low, row.ci_high, language), whole(row.n, language), decimal(row.points, 2, language),
             decimal(row.previous, 1, language), decimal(row.change, 1, language), p_value(row.p_value, language),
             significance(row.significant, language)] for row in report.indices.itertuples(index=False)]
    note = say("suppressed_mark", language, size=report.current.min_cell_size)
    table = Table(say("indices", language), headers, rows, note)
    shown = report.indices[report.indices["level"].isin(["overall", "element"])]
    chart = interval_chart(shown.assign(domain_name=shown["label"]), say("elements_chart", language), language)
    return Section("indices", say("indices", language), [table, chart])


def interval_chart(rows: pd.DataFrame, title: str, language: str) -> Chart:
    """The same chart as SVG (pages) and PNG (Word, PDF), figures written in `language`; its title
    is the caption under it (drawn above the plot, a long title would be cut at the plot's width)."""
    shown = rows[["domain_name", "estimate", "ci_low", "ci_high", "suppressed"]].copy()
    shown["suppressed"] = shown["suppressed"].astype(bool)

    def number(value):
        return decimal(value, 1, language)

    note = say("chart_axis", language)
    return Chart(title, index_chart(shown, "", note, number), index_chart(shown, "", note, number, "png"))
