"""A report as an XLSX workbook: a 'report' sheet (what, when, the index and elements with their
change, responses by channel, flags, method), and for the province 'ranking' and 'units' sheets;
with the document, a sheet per section, its figures numeric cells in number formats.
Texts are never read as formulas (unit names come from data)."""
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import xlsxwriter

from survey.reports.compose import Report
from survey.reports.document import Document, Section, Table
from survey.reports.messages import say
from survey.reports.numbers import Figure
from survey.reports.text import channel_label, facts, flag_texts, significance

# (header message, column): an interval takes two columns under the same header.
INDEX_COLUMNS = (("node", "label"), ("estimate", "estimate"), ("ci", "ci_low"), ("ci", "ci_high"), ("n", "n"),
                 ("previous", "previous"), ("change", "change"), ("change_ci", "change_low"),
                 ("change_ci", "change_high"), ("p_value", "p_value"), ("significance", "significance"))
RANK_COLUMNS = (("rank", "rank"), ("code", "unit"), ("unit_name", "name"), ("estimate", "estimate"),
                ("ci", "ci_low"), ("ci", "ci_high"), ("n", "n"), ("change", "change"),
                ("significance", "significant"), ("overlaps", "overlaps"))
UNIT_COLUMNS = (("code", "domain"), ("unit_name", "name"), ("node", "label"), ("estimate", "estimate"),
                ("ci", "ci_low"), ("ci", "ci_high"), ("n", "n"), ("change", "change"), ("p_value", "p_value"),
                ("significance", "significant"))

SHEETS = {"ranking": "ranking_by_level"}
"""Sheets of the document's sections named apart from the workbook's own."""


def write_report_xlsx(report: Report, target: Path | BinaryIO, language: str = "vi",
                      document: Document | None = None) -> None:
    """Write the workbook to a file (replaced) or a binary buffer; with the `document`, a sheet per
    section besides (method, rankings by level, distributions, profile...), its figures as written."""
    book = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, {
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False})
    styles = {"bold": book.add_format({"bold": True}), "title": book.add_format({"bold": True, "font_size": 14}),
              "number": book.add_format({"num_format": "0.0"}), "p": book.add_format({"num_format": "0.0000"}),
              "wrap": book.add_format({"text_wrap": True, "valign": "top"})}
    sheet = book.add_worksheet("report")
    _report_sheet(sheet, report, language, styles)
    if report.units is not None:  # the province report's
        _frame(book.add_worksheet("ranking"), 0, _ranking_rows(report, language), RANK_COLUMNS, language, styles)
        _frame(book.add_worksheet("units"), 0, _units_rows(report, report.units, language), UNIT_COLUMNS, language,
               styles)
    for section in document.sections if document is not None else ():
        if section.key not in ("summary", "indices"):
            _section_sheet(book, book.add_worksheet(SHEETS.get(section.key, section.key)), section, styles)
    book.close()


def _section_sheet(book, sheet, section: Section, styles: dict) -> None:
    sheet.write_string(0, 0, section.title, styles["title"])
    row = 2
    for block in section.blocks:
        if isinstance(block, Table):
            sheet.write_string(row, 0, block.caption, styles["bold"])
            sheet.write_row(row + 1, 0, block.headers, styles["bold"])
            for offset, values in enumerate(block.rows, start=row + 2):
                for column, value in enumerate(values):
                    _figure(book, sheet, (offset, column), value, styles)
            row += len(block.rows) + 2
            block = block.note
        if isinstance(block, str) and block:
            sheet.write_string(row, 0, block)
            row += 1
        row += 1
    sheet.set_column(0, 0, 40)


def _figure(book, sheet, cell: tuple[int, int], value: str, styles: dict) -> None:
    """A figure of the document as a number in its number format (made once per format), text as text."""
    if not isinstance(value, Figure):
        sheet.write_string(*cell, value)
        return
    if value.excel not in styles:
        styles[value.excel] = book.add_format({"num_format": value.excel})
    sheet.write_number(*cell, value.value, styles[value.excel])


def _report_sheet(sheet, report: Report, language: str, styles: dict) -> None:
    sheet.write_string(0, 0, say("report_title", language), styles["title"])
    row = 2
    for key, value in facts(report, language):
        sheet.write_string(row, 0, key, styles["bold"])
        sheet.write_string(row, 1, value)
        row += 1
    row = _section(sheet, row + 1, say("indices", language), styles)
    indices = report.indices.assign(significance=[significance(v, language) for v in report.indices["significant"]])
    row = _frame(sheet, row, indices, INDEX_COLUMNS, language, styles, mark=True) + 1
    row = _section(sheet, row, say("counts", language), styles)
    counts = report.counts.rename(columns={c: channel_label(c, language) for c in report.counts.columns})
    row = _plain(sheet, row, counts, styles) + 1
    row = _section(sheet, row, say("flags", language), styles)
    for text in flag_texts(report, language) or [say("no_flags", language)]:
        sheet.write_string(row, 0, text)
        row += 1
    sheet.write_string(row + 1, 0, say("method_note", language), styles["wrap"])
    sheet.write_string(row + 2, 0, say("period_note", language))
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 10, 12)


def _section(sheet, row: int, title: str, styles: dict) -> int:
    sheet.write_string(row, 0, title, styles["bold"])
    return row + 1


def _frame(sheet, row: int, frame: pd.DataFrame, columns, language: str, styles: dict, mark: bool = False) -> int:
    """A table: localized headers, numbers with a decimal, suppressed estimates marked '*' beside."""
    sheet.write_row(row, 0, [say(header, language) for header, _ in columns], styles["bold"])
    for offset, record in enumerate(frame.to_dict("records"), start=row + 1):
        for column, (_, name) in enumerate(columns):
            _cell(sheet, offset, column, record.get(name), styles["p"] if name == "p_value" else styles["number"])
        if mark and record.get("suppressed"):
            sheet.write_string(offset, len(columns), "*")
    return row + len(frame) + 1


def _plain(sheet, row: int, frame: pd.DataFrame, styles: dict) -> int:
    sheet.write_row(row, 0, list(frame.columns), styles["bold"])
    for offset, values in enumerate(frame.itertuples(index=False), start=row + 1):
        for column, value in enumerate(values):
            _cell(sheet, offset, column, value, None)
    return row + len(frame) + 1


def _ranking_rows(report: Report, language: str) -> pd.DataFrame:
    table = report.ranking.copy()
    table["significant"] = [significance(v, language) for v in table["significant"]]
    table["overlaps"] = [", ".join(str(r) for r in ranks) for ranks in table["overlaps"]]
    return table


def _units_rows(report: Report, units: pd.DataFrame, language: str) -> pd.DataFrame:
    """`units` (the report's) with the significance in words and the unit's name."""
    return units.assign(significant=[significance(v, language) for v in units["significant"]],
                        name=units["domain"].map(report.current.units))


def _cell(sheet, row: int, column: int, value, number_format) -> None:
    """Numbers as numbers (NaN and None empty), the rest as text."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        sheet.write_blank(row, column, None)
    elif isinstance(value, (bool, np.bool_)):
        sheet.write_boolean(row, column, bool(value))
    elif isinstance(value, (int, float, np.integer, np.floating)):
        sheet.write_number(row, column, float(value), number_format)
    else:
        sheet.write_string(row, column, str(value))
