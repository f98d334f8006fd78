"""Results as an XLSX workbook: a sheet per node level (overall, elements, criteria) with every
domain, the recipe's expectations (beside the index, never in it), and a methodology sheet. Texts
are never read as formulas (unit names, recipe labels)."""
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import xlsxwriter

from survey.results.methodology import methodology
from survey.results.report import Results

SHEETS = (("overall", "overall"), ("elements", "element"), ("criteria", "criterion"))
DECIMALS = {"estimate", "ci_low", "ci_high", "se", "estimate_unweighted", "ci_low_unweighted", "ci_high_unweighted",
            "se_unweighted", "effective_n", "deff", "points", "points_low", "points_high"}


def write_xlsx(results: Results, target: Path | BinaryIO) -> None:
    """Write the workbook to a file (replaced) or a binary buffer."""
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
               "nan_inf_to_errors": False}
    book = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, options)
    formats = {"header": book.add_format({"bold": True, "bottom": 1}),
               "number": book.add_format({"num_format": "0.00"}),
               "grey": book.add_format({"font_color": "#808080", "num_format": "0.00"}),
               "title": book.add_format({"bold": True, "font_size": 12})}
    for name, level in SHEETS:
        _table(book.add_worksheet(name), results.level(level), formats)
    if len(results.expectations):
        _table(book.add_worksheet("expectations"), results.expectations, formats)
    _methodology(book.add_worksheet("methodology"), results, formats)
    book.close()


def _table(sheet, table: pd.DataFrame, formats: dict) -> None:
    """One row per node and domain; suppressed rows in grey."""
    sheet.write_row(0, 0, list(table.columns), formats["header"])
    sheet.freeze_panes(1, 0)
    for row, values in enumerate(table.itertuples(index=False), start=1):
        shade = formats["grey"] if table["suppressed"].iloc[row - 1] else formats["number"]
        for column, (name, value) in enumerate(zip(table.columns, values, strict=True)):
            _cell(sheet, row, column, value, shade if name in DECIMALS else None)
    sheet.set_column(0, len(table.columns) - 1, 12)
    sheet.set_column(2, 2, 28)
    sheet.set_column(4, 4, 40)


def _methodology(sheet, results: Results, formats: dict) -> None:
    row = 0
    for title, frame in methodology(results):
        sheet.write(row, 0, title, formats["title"])
        sheet.write_row(row + 1, 0, list(frame.columns), formats["header"])
        for offset, values in enumerate(frame.itertuples(index=False), start=row + 2):
            for column, value in enumerate(values):
                _cell(sheet, offset, column, value, None)
        row += len(frame) + 3
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 1, 60)


def _cell(sheet, row: int, column: int, value, number_format) -> None:
    """Numbers as numbers (NaN and "" as an empty cell), booleans as TRUE/FALSE, the rest as text."""
    if value is None or (isinstance(value, str) and not value) or (isinstance(value, float) and np.isnan(value)):
        sheet.write_blank(row, column, None)
    elif isinstance(value, (bool, np.bool_)):
        sheet.write_boolean(row, column, bool(value))
    elif isinstance(value, (int, float, np.integer, np.floating)):
        sheet.write_number(row, column, float(value), number_format)
    else:
        sheet.write_string(row, column, str(value))
