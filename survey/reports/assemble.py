"""The whole report as a `Document` in the reader's language: summary, method, index and elements,
rankings by level (province report), results by level (province report) and by field of
procedure, distributions, profile, expectations, comments, annex (province report). A
unit's report keeps its own answers only (its results by field a domain of the whole design) and
says its rank among its level."""
import dataclasses

import pandas as pd
from sqlalchemy.orm import Session

from analysis.recipes import Recipe
from survey.reports.compose import Report
from survey.reports.document import Block, Chart, Document, Section, Table
from survey.reports.fieldwork import Fieldwork, read_fieldwork
from survey.reports.numbers import decimal, interval, p_value, whole
from survey.reports.sections_answers import by_field, by_level, distribution
from survey.reports.sections_core import indices, summary
from survey.reports.sections_method import method
from survey.reports.sections_people import comments, expectation_items, profile
from survey.reports.sections_ranking import level_rankings, rank_line, rankings
from survey.reports.words import say


def document(session: Session, report: Report, recipe: Recipe, language: str) -> Document:
    work = read_fieldwork(session, report, recipe)
    return make_document(report, work, recipe, language)


def make_document(report: Report, work: Fieldwork, recipe: Recipe, language: str) -> Document:
    tables = level_rankings(report, work)
    own = work if report.unit is None else dataclasses.replace(
        work, answers=work.answers[work.answers["_code"] == report.unit])
    size = report.current.min_cell_size
    sections: list[Section | None] = [
        summary(report, language, rank_line(report, tables, language) if report.unit else None),
        method(report, work, language), indices(report, language)]
    if report.unit is None:
        sections += [rankings(tables, language), by_level(work, recipe, size, language)]
    sections.append(by_field(work, recipe, size, language, report.unit))
    sections += [distribution(own, recipe, language), profile(own, language), expectation_items(own, language),
                 comments(work, report.unit, language)]
    if report.units is not None:  # the province report's
        sections.append(annex(report, report.units, language))
    title = say("report_title", language)
    subtitle = f"{report.period.name(language)} · {report.unit_name or say('province', language)}"
    return Document(title, subtitle, _numbered([s for s in sections if s is not None], language))


def annex(report: Report, units: pd.DataFrame, language: str) -> Section:
    """A table per unit of `units` (the report's): its index and elements with their intervals and changes."""
    blocks = [_unit_table(str(code), group, report.current.units.get(str(code), str(code)), language)
              for code, group in units.groupby("domain", sort=True)]
    return Section("annex", say("annex", language), blocks)


def _unit_table(code: str, group: pd.DataFrame, name: str, language: str) -> Table:
    headers = [say(k, language) for k in ("node", "estimate", "ci", "n", "change", "p_value")]
    rows = [[str(row.label), decimal(row.estimate, 1, language) + ("*" if row.suppressed else ""),
             interval(row.ci_low, row.ci_high, language), whole(row.n, language), decimal(row.change, 1, language),
             p_value(row.p_value, language)] for row in group.itertuples(index=False)]
    return Table(say("annex_unit", language, name=f"{name} ({code})"), headers, rows)


def _numbered(sections: list[Section], language: str) -> list[Section]:
    """Captions numbered through the document: 'Bảng 3. ...', 'Biểu đồ 2. ...'."""
    counters: dict[type, int] = {Table: 0, Chart: 0}
    for section in sections:
        section.blocks = [_captioned(block, counters, language) for block in section.blocks]
    return sections


def _captioned(block: Block, counters: dict[type, int], language: str) -> Block:
    """A table or chart with its numbered caption (`counters` counts them so far); text as it is."""
    if isinstance(block, str):
        return block
    counters[type(block)] += 1
    key = "table_caption" if isinstance(block, Table) else "chart_indices"
    return dataclasses.replace(block, caption=say(key, language, number=counters[type(block)], title=block.caption))
