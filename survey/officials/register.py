"""The officials' CSV file read and checked, every problem at once with its row and column.

Columns: name, position, unit (the unit's code), group (one of GROUPS), and optionally email and
phone. Rows are numbered as a spreadsheet shows them, the header being row 1.
"""
import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from forms.text_checks import has_control
from survey.errors import InvalidInput
from survey.officials.messages import CATALOGUE
from survey.officials.models import GROUPS, MAX_EMAIL, MAX_NAME, MAX_PHONE, MAX_POSITION
from survey.text import Problem

REQUIRED = ("name", "position", "unit", "group")
OPTIONAL = ("email", "phone")
LIMITS = {"name": MAX_NAME, "position": MAX_POSITION, "unit": 32, "group": 32, "email": MAX_EMAIL, "phone": MAX_PHONE}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+?[0-9 .()-]{6,}")


@dataclass(frozen=True)
class Row:
    """One official as the file gives them; `row` is the spreadsheet's row number."""

    row: int
    name: str
    position: str
    unit: str
    group: str
    email: str | None
    phone: str | None


def read_rows(data: bytes) -> list[Row]:
    """The file's rows (blank lines skipped); InvalidInput when it is not a register file at all."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput([CATALOGUE.problem("official_not_utf8", "file")]) from None
    reader = csv.DictReader(io.StringIO(text))
    header_problems = check_header(reader.fieldnames or [])
    if header_problems:
        raise InvalidInput(header_problems)
    rows = [as_row(number, cells) for number, cells in enumerate(reader, start=2) if any_value(cells)]
    if not rows:
        raise InvalidInput([CATALOGUE.problem("official_no_rows", "file")])
    return rows


def check_header(columns: Sequence[str]) -> list[Problem]:
    known = ", ".join(REQUIRED + OPTIONAL)
    names = [column.strip() for column in columns]
    missing = [CATALOGUE.problem("official_column_missing", "file", column=c, known=known)
               for c in REQUIRED if c not in names]
    return missing + [CATALOGUE.problem("official_unknown_column", "file", column=c, known=known)
                      for c in names if c not in REQUIRED + OPTIONAL]


def any_value(cells: dict) -> bool:
    return any((value or "").strip() for key, value in cells.items() if key is not None)


def as_row(number: int, cells: dict) -> Row:
    """The row's cells stripped, an empty optional cell as None."""
    value = {column.strip(): (text or "").strip() for column, text in cells.items() if column is not None}
    return Row(number, value["name"], value["position"], value["unit"], value["group"],
               value.get("email") or None, value.get("phone") or None)


def cell_problems(row: Row) -> Iterator[Problem]:
    """What is wrong with the row's own cells, each wrapped with its row and column."""
    for column in REQUIRED + OPTIONAL:
        value = getattr(row, column)
        problem = cell_problem(column, value)
        if problem is not None:
            yield at(row, column, problem)


def cell_problem(column: str, value: str | None) -> Problem | None:
    if value is None or value == "":
        return CATALOGUE.problem("official_required") if column in REQUIRED else None
    if has_control(value):
        return CATALOGUE.problem("official_control")
    if len(value) > LIMITS[column]:
        return CATALOGUE.problem("official_too_long", limit=LIMITS[column])
    return format_problem(column, value)


def format_problem(column: str, value: str) -> Problem | None:
    if column == "group" and value not in GROUPS:
        return CATALOGUE.problem("official_unknown_group", value=value, known=", ".join(GROUPS))
    if column == "email" and not EMAIL.fullmatch(value):
        return CATALOGUE.problem("official_bad_email", value=value)
    if column == "phone" and not PHONE.fullmatch(value):
        return CATALOGUE.problem("official_bad_phone", value=value)
    return None


def at(row: Row, column: str, problem: Problem) -> Problem:
    return CATALOGUE.problem("official_at_row", column, row=row.row, column=column, problem=problem)
