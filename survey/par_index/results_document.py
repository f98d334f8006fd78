"""A year's PAR index results, and one unit's scorecard, as report documents
(survey.reports.document), so that the reports' writers make them DOCX and PDF (survey.reports.docx,
survey.reports.pdf) and the pages show the same tables.

The year: the province-wide summary and notes, a chart of every unit's percentage, and a ranking
table per level (self-assessed, appraised, survey and total points, percentage, rank and its
change). A scorecard: the unit's total and rank, why the survey gave it no points where it gave
none, its points per field, and every sub-criterion with its values, points and evidence.
"""
import functools

import pandas as pd

from survey.par_index.results import TOTAL, Row, YearResults, shown_scores, table, unit_score
from survey.par_index.results_messages import say
from survey.par_index.results_notes import Evidence, decimal, notes, score_rows, withheld
from survey.reports.document import Chart, Document, Section, Table
from survey.results.charts import index_chart
from survey.results.report import LEVEL_NAMES
from survey.text import unit_name

RANK_HEADINGS = ("col_rank", "col_unit", "col_name", "col_self_assessed", "col_appraised", "col_survey", "col_total",
                 "col_percent", "col_change")
FIELD_HEADINGS = ("col_field", "col_self_assessed", "col_appraised", "col_survey", "col_formula", "col_total",
                  "col_max", "col_percent", "col_rank")


def name_of(results: YearResults, code: str, language: str) -> str:
    unit = results.units.get(code)
    return unit_name(unit, language) if unit else code


def change_text(change: int | None, language: str) -> str:
    """A change of rank in words: up 2, down 1, unchanged, not ranked the year before."""
    if change is None:
        return say("change_new", language)
    if change == 0:
        return say("change_same", language)
    return say("change_up" if change > 0 else "change_down", language, n=abs(change))


def chart_rows(results: YearResults, language: str) -> pd.DataFrame:
    """Each shown unit's percentage as survey.results.charts.index_chart draws an estimate (no interval)."""
    shares = [(name_of(results, s.unit, language), s.percent) for s in shown_scores(results)]
    frame = pd.DataFrame(shares, columns=["domain_name", "estimate"])
    return frame.assign(ci_low=frame["estimate"], ci_high=frame["estimate"], suppressed=False)


def chart(results: YearResults, language: str, image_format: str = "svg") -> bytes:
    """The units' percentages as a chart: SVG for the pages, PNG for Word and PDF."""
    return index_chart(chart_rows(results, language), say("pr_chart", language), say("pr_chart_note", language),
                       functools.partial(decimal, language=language), image_format)


def year_document(results: YearResults, language: str) -> Document:
    """The year's results (see the module)."""
    sections = [Section("summary", say("pr_title", language, year=results.year), notes(results, language))]
    shown = shown_scores(results)
    if shown:
        sections.append(Section("chart", say("pr_chart", language), [Chart(
            say("pr_chart", language), chart(results, language), chart(results, language, "png"))]))
    for level in sorted({s.level for s in shown}):
        named = LEVEL_NAMES[language].get(level, level)
        sections.append(Section(f"ranking-{level}", say("pr_ranking", language, level=named),
                                [_ranking(results, level, language)]))
    return Document(say("pr_title", language, year=results.year), results.stored.name, sections)


def _ranking(results: YearResults, level: str, language: str) -> Table:
    rows = [row for row in table(results) if row.field == TOTAL and row.level == level]
    cells = [[str(row.rank), row.unit, name_of(results, row.unit, language),
              *(decimal(v, language, 2) for v in (row.self_assessed, row.appraised, row.survey, row.total)),
              decimal(row.percent, language), change_text(row.rank_change, language)] for row in rows]
    named = LEVEL_NAMES[language].get(level, level)
    return Table(say("pr_ranking", language, level=named), [say(key, language) for key in RANK_HEADINGS], cells)


def scorecard(results: YearResults, code: str, language: str, evidence: Evidence) -> Document:
    """One unit's scorecard (see the module)."""
    unit = unit_score(results, code)
    peers = sum(1 for other in results.scores if other.level == unit.level)
    lines = [say("pr_scorecard_summary", language, total=decimal(unit.total, language, 2),
                 max=decimal(results.definition.max_points, language, 2), percent=decimal(unit.percent, language),
                 rank=unit.rank, peers=peers, level=LEVEL_NAMES[language].get(unit.level, unit.level)),
             say("col_change", language) + ": " + change_text(unit.rank_change, language)]
    lines += [line for line in (withheld(results, code, language),) if line]
    title = say("pr_scorecard", language, year=results.year, unit=name_of(results, code, language))
    return Document(title, results.stored.name, [
        Section("summary", title, lines),
        Section("fields", say("pr_fields", language), [_fields(results, code, language)]),
        Section("items", say("pr_items", language), [_items(results, code, language, evidence)])])


def _fields(results: YearResults, code: str, language: str) -> Table:
    rows = [row for row in table(results) if row.unit == code]
    return Table(say("pr_fields", language), [say(key, language) for key in FIELD_HEADINGS],
                 [_field_cells(results, row, language) for row in rows])


def _field_cells(results: YearResults, row: Row, language: str) -> list[str]:
    name = say("total", language) if row.field == TOTAL else results.definition.items[row.field].label[language]
    points = (row.self_assessed, row.appraised, row.survey, row.formula, row.total, row.max_points)
    return [name, *(decimal(value, language, 2) for value in points), decimal(row.percent, language), str(row.rank)]


def _items(results: YearResults, code: str, language: str, evidence: Evidence) -> Table:
    headings, rows = score_rows(results, language, evidence)
    cells = [[_text(value, language) for value in row[2:]] for row in rows if row[0] == code]
    return Table(say("pr_items", language), headings[2:], cells)


def _text(value: object, language: str) -> str:
    if value is None:
        return "–"
    return decimal(value, language, 2) if isinstance(value, float | int) else str(value)
