"""Rankings, one per level of government (departments; districts; communes and wards: the levels
the campaigns surveyed), as the Department of Home Affairs ranks them: rank and its interval's
overlaps (`compose.ranking`), the rank in the previous period among the same level and the
change ("tăng 3 bậc"), PAR INDEX points where the recipe gives them."""
import pandas as pd

from survey.reports.compose import Report, ranking
from survey.reports.document import Block, Section, Table
from survey.reports.fieldwork import Fieldwork
from survey.reports.numbers import decimal, interval, whole
from survey.reports.sections_core import interval_chart
from survey.reports.text import significance
from survey.reports.words import say

LEVEL_ORDER = ("department", "district", "commune", "province")


def level_rankings(report: Report, work: Fieldwork) -> dict[str, pd.DataFrame]:
    """Level -> its units ranked, with previous_rank and points."""
    levels = work.sample.set_index("unit")["level"]
    current, previous = _overall(report.current, report), _overall(report.previous, report)
    tables = {}
    for level in sorted(set(levels), key=LEVEL_ORDER.index):
        codes = set(levels.index[levels == level])
        now = ranking(current[current["domain"].isin(codes)], report.current.units)
        before = ranking(previous[previous["domain"].isin(codes)], report.current.units)
        now["previous_rank"] = now["unit"].map(before.set_index("unit")["rank"]) if len(before) else None
        now["points"] = now["unit"].map(current.set_index("domain")["points"])
        tables[level] = now
    return tables


def _overall(results, report: Report) -> pd.DataFrame:
    """The overall index of every unit in `results` (a period), with the province report's change."""
    if results is None:
        return pd.DataFrame(columns=["domain", "estimate", "ci_low", "ci_high", "n", "suppressed", "points", "change",
                                     "significant"])
    table = results.table[(results.table["level"] == "overall") & (results.table["domain"] != "")]
    if report.units is not None and results is report.current:
        changed = report.units[report.units["level"] == "overall"][["domain", "change", "significant"]]
        return table.merge(changed, on="domain", how="left")
    return table.assign(change=float("nan"), significant=None)


def rank_change(rank, previous, language: str) -> str:
    if rank is None or previous is None or previous != previous:
        return say("dash", language)
    places = int(previous) - int(rank)
    if places == 0:
        return say("rank_same", language)
    return say("rank_up" if places > 0 else "rank_down", language, places=abs(places))


def rankings(tables: dict[str, pd.DataFrame], language: str) -> Section:
    headers = [say(k, language) for k in ("rank", "code", "unit_name", "estimate", "ci", "n", "points", "change",
                                            "significance", "rank_previous", "rank_change", "overlaps")]
    blocks: list[Block] = []
    for level, table in tables.items():
        title = say("ranking_of_level", language, level=say(f"level_{level}", language))
        blocks.append(Table(title, headers, [_row(row, language) for row in table.itertuples(index=False)]))
        blocks.append(interval_chart(table.assign(domain_name=table["name"]), title, language))
    return Section("ranking", say("ranking", language), blocks)


def _row(row, language: str) -> list[str]:
    previous = None if row.previous_rank is None or row.previous_rank != row.previous_rank else int(row.previous_rank)
    return [say("dash", language) if row.rank is None else whole(row.rank, language), row.unit, row.name,
            decimal(row.estimate, 1, language) + ("*" if row.suppressed else ""),
            interval(row.ci_low, row.ci_high, language), whole(row.n, language), decimal(row.points, 2, language),
            decimal(row.change, 1, language), significance(row.significant, language),
            say("dash", language) if previous is None else whole(previous, language),
            rank_change(row.rank, previous, language), ", ".join(str(r) for r in row.overlaps) or say("dash", language)]


def rank_line(report: Report, tables: dict[str, pd.DataFrame], language: str) -> str | None:
    """A unit report's rank among its level, and its change: 'Xếp hạng 2 trên 5 đơn vị (...), tăng 1 bậc'."""
    for level, table in tables.items():
        mine = table[table["unit"] == report.unit]
        if len(mine):
            row = mine.iloc[0]
            if row["rank"] is None:
                return say("not_ranked", language)
            ranked = int(table["rank"].notna().sum())
            text = say("rank_in_level", language, rank=row["rank"], total=ranked, level=say(f"level_{level}", language))
            change = rank_change(row["rank"], row["previous_rank"], language)
            return f"{text}, {say('rank_change', language).lower()}: {change}"
    return None
