"""A year's PAR index results as files: CSV for other programs, an XLSX workbook for people.

CSV, one row per unit and field and a `total` row per unit (survey.par_index.results.table):

    unit_code,level,field,self_assessed,appraised,survey,formula,total,max_points,percent,rank,rank_change

points with every digit Python keeps (repr), so that another program can check the sums; a
rank_change is empty where the unit was not ranked the year before (or on a field row).

The workbook: `results` (the same rows, headed in the reader's language, numbers as numbers),
`scores` (every sub-criterion of every unit: values, points and the evidence files' names) and
`about` (the definition, the campaigns the survey points come from and what they withheld).
Texts are never read as formulas (names come from data).
"""
import csv
import io
from collections.abc import Sequence
from dataclasses import astuple, fields
from typing import Any

import xlsxwriter

from survey.par_index.results import Row, YearResults, table
from survey.par_index.results_messages import say
from survey.par_index.results_notes import Evidence, notes, score_rows
from survey.reports.document import Document, Table
from survey.results.report import LEVEL_NAMES
from survey.text import unit_name

CSV_COLUMNS = ("unit_code", *[f.name for f in fields(Row)][1:])
HEADINGS = ("col_unit", "col_name", "col_level", "col_field", "col_self_assessed", "col_appraised", "col_survey",
            "col_formula", "col_total", "col_max", "col_percent", "col_rank", "col_change")


def write_csv(results: YearResults) -> str:
    """The results as CSV text (see the module)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([_cell(value) for value in astuple(row)] for row in table(results))
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return repr(float(value)) if isinstance(value, float) else str(value)


def write_xlsx(results: YearResults, language: str, evidence: Evidence) -> bytes:
    """The workbook (see the module) as bytes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False, "in_memory": True})
    bold, number = book.add_format({"bold": True}), book.add_format({"num_format": "0.00"})
    _sheet(book.add_worksheet("results"), [say(key, language) for key in HEADINGS],
           [named_row(results, row, language) for row in table(results)], bold, number)
    headings, rows = score_rows(results, language, evidence)
    _sheet(book.add_worksheet("scores"), headings, rows, bold, number)
    about = book.add_worksheet("about")
    for line, text in enumerate(notes(results, language)):
        about.write_string(line, 0, text)
    book.close()
    return buffer.getvalue()


def named_row(results: YearResults, row: Row, language: str) -> list[Any]:
    """A results row as people read it: the unit's and field's names, the level in words."""
    unit = results.units.get(row.unit)
    field = say("total", language) if row.field == "total" else results.definition.items[row.field].label[language]
    return [row.unit, unit_name(unit, language) if unit else row.unit, LEVEL_NAMES[language].get(row.level, row.level),
            field, row.self_assessed, row.appraised, row.survey, row.formula, row.total, row.max_points, row.percent,
            row.rank, row.rank_change]


def _sheet(sheet: Any, headings: Sequence[str], rows: Sequence[Sequence[Any]], bold: Any, number: Any) -> None:
    sheet.write_row(0, 0, headings, bold)
    for line, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            if isinstance(value, float):
                sheet.write_number(line, column, value, number)
            elif isinstance(value, int):
                sheet.write_number(line, column, value)
            elif value is not None:
                sheet.write_string(line, column, str(value))
    sheet.freeze_panes(1, 0)


def write_document_xlsx(document: Document) -> bytes:
    """A report document (a scorecard) as a workbook: a sheet per section, its lines then its tables
    (figures as written in the document, in the reader's language)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False, "in_memory": True})
    bold = book.add_format({"bold": True})
    for section in document.sections:
        sheet, line = book.add_worksheet(section.key[:31]), 0
        sheet.write_string(line, 0, section.title, bold)
        for block in section.blocks:
            line = _block(sheet, line + 1, block, bold)
    book.close()
    return buffer.getvalue()


def _block(sheet: Any, line: int, block: object, bold: Any) -> int:
    """Write a line of text or a table from `line`; the last line written."""
    if not isinstance(block, Table):
        sheet.write_string(line, 0, str(block))
        return line
    sheet.write_row(line, 0, block.headers, bold)
    for values in block.rows:
        line += 1
        sheet.write_row(line, 0, values)
    return line
