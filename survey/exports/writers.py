"""Streaming writers: CSV, XLSX and Parquet take one batch of columns at a time.

CSV and XLSX cells that a spreadsheet would read as a formula get a leading single quote
(OWASP's advice against CSV injection); only text is touched, numbers stay numbers.
"""
import csv
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter

from survey.exports.variables import Variable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_ROWS = 1_048_576  # rows per worksheet, the header included


def neutralised(text: str | None) -> str | None:
    """Text that cannot start a formula in Excel, LibreOffice or Google Sheets."""
    return "'" + text if text and text.startswith(FORMULA_STARTS) else text


def plain_number(value: float | None) -> float | int | None:
    """4.0 written as 4: whole numbers (exact in a float) without a decimal part."""
    if value is not None and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def utc_text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def text_cells(variables: list[Variable], columns: dict[str, list]) -> list[list]:
    """Columns made safe for a spreadsheet: text neutralised, numbers plain, times ISO 8601 UTC."""
    convert = {"number": plain_number, "datetime": utc_text}
    return [[convert.get(v.kind, neutralised)(x) for x in columns[v.name]] for v in variables]


class CsvWriter:
    """UTF-8 CSV (with a byte-order mark for Excel when asked), RFC 4180 quoting."""

    def __init__(self, path: Path, variables: list[Variable], bom: bool = False) -> None:
        self.variables = variables
        self.handle = open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")
        self.writer = csv.writer(self.handle)
        self.writer.writerow([v.name for v in variables])

    def write(self, columns: dict[str, list]) -> None:
        self.writer.writerows(zip(*text_cells(self.variables, columns)))

    def close(self) -> None:
        self.handle.close()


class XlsxWriter:
    """XLSX in constant memory (one row in memory at a time); more rows than a sheet holds go on to 'data_2'..."""

    def __init__(self, path: Path, variables: list[Variable]) -> None:
        self.variables = variables
        self.book = xlsxwriter.Workbook(str(path), {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "remove_timezone": True, "default_date_format": "yyyy-mm-dd hh:mm:ss"})
        self.sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.sheets += 1
        self.sheet = self.book.add_worksheet("data" if self.sheets == 1 else f"data_{self.sheets}")
        self.sheet.write_row(0, 0, [v.name for v in self.variables])
        self.sheet.freeze_panes(1, 0)
        self.row = 1

    def write(self, columns: dict[str, list]) -> None:
        times = {i for i, v in enumerate(self.variables) if v.kind == "datetime"}
        cells = [columns[v.name] if i in times else column
                 for i, (v, column) in enumerate(zip(self.variables, text_cells(self.variables, columns)))]
        for values in zip(*cells):
            if self.row == XLSX_ROWS:
                self._new_sheet()
            self.sheet.write_row(self.row, 0, values)
            self.row += 1

    def close(self) -> None:
        self.book.close()


ARROW_TYPES = {"text": pa.string(), "choice": pa.string(), "number": pa.float64(),
               "datetime": pa.timestamp("us", tz="UTC")}


def arrow_schema(variables: list[Variable], language: str) -> pa.Schema:
    """Fixed types for every batch; each field keeps its variable label as metadata."""
    return pa.schema([pa.field(v.name, ARROW_TYPES[v.kind], metadata={"label": v.label.text(language)})
                      for v in variables])


class ParquetWriter:
    """Parquet, one row group per batch."""

    def __init__(self, path: Path, variables: list[Variable], language: str) -> None:
        self.schema = arrow_schema(variables, language)
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")

    def write(self, columns: dict[str, list]) -> None:
        self.writer.write_batch(pa.RecordBatch.from_pydict(columns, schema=self.schema))

    def close(self) -> None:
        self.writer.close()
