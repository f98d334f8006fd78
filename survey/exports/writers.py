"""The streaming XLSX writer, one batch of columns at a time (CSV: csv_arrow.py).

Cells that a spreadsheet would read as a formula get a leading single quote (formulas.py); only
text is touched, numbers stay numbers.
"""
from datetime import datetime
from pathlib import Path

import xlsxwriter

from survey.exports.formulas import neutralised_column
from survey.exports.variables import Variable

XLSX_ROWS = 1_048_576  # rows per worksheet, the header included


def utc_text(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC to the second (times are naive UTC here, see rows.naive_utc)."""
    return None if moment is None else moment.isoformat(timespec="seconds") + "Z"


def text_cells(variables: list[Variable], columns: dict[str, list]) -> list[list]:
    """Columns made safe for a spreadsheet: text neutralised, numbers plain, times ISO 8601 UTC."""
    return [cells(v.kind, columns[v.name]) for v in variables]


def cells(kind: str, column: list) -> list:
    """A column as spreadsheet cells: 4.0 as 4 (whole numbers exact in a float), times as text, safe text."""
    if kind == "number":
        return [int(x) if x is not None and x.is_integer() and -2**53 < x < 2**53 else x for x in column]
    if kind == "datetime":
        return [utc_text(x) for x in column]
    return neutralised_column(column)


class XlsxWriter:
    """XLSX in constant memory (one row in memory at a time); more rows than a sheet holds go on to 'data_2'...;
    a repeat's table (`next_table`) on a sheet of its own."""

    def __init__(self, path: Path, variables: list[Variable]) -> None:
        self.variables = variables
        self.book = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "default_date_format": "yyyy-mm-dd hh:mm:ss"})
        self.sheets, self.name = 0, "data"
        self._new_sheet()

    def next_table(self, name: str, variables: list[Variable]) -> None:
        """Go on to a table of other variables (a repeat's, survey.exports.repeats) on a sheet named `name`."""
        self.variables, self.sheets, self.name = variables, 0, name
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.sheets += 1
        self.sheet = self.book.add_worksheet(self.name if self.sheets == 1 else f"{self.name}_{self.sheets}")
        self.sheet.write_row(0, 0, [v.name for v in self.variables])
        self.sheet.freeze_panes(1, 0)
        self.row = 1

    def write(self, columns: dict[str, list]) -> None:
        times = {i for i, v in enumerate(self.variables) if v.kind == "datetime"}
        cells = [columns[v.name] if i in times else column
                 for i, (v, column) in enumerate(zip(self.variables, text_cells(self.variables, columns), strict=True))]
        for values in zip(*cells, strict=True):
            if self.row == XLSX_ROWS:
                self._new_sheet()
            self.sheet.write_row(self.row, 0, values)
            self.row += 1

    def close(self) -> None:
        self.book.close()

    def discard(self) -> None:
        # xlsxwriter cannot stop half way: finishing releases its temporary files (the part is removed).
        self.book.close()
