"""A dossier list (CSV `dossier_code,unit_code,date[,field]`) and a sample plan (CSV `unit_code,n` or the
`flask sample plan` output) read and checked, every problem named by its row (the header is row 1)."""
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from forms.text_checks import CONTROL, has_control
from survey.campaigns.operations import LARGEST_COUNT
from survey.db import declared_length
from survey.draws.messages import CATALOGUE
from survey.errors import InvalidInput, Problem
from survey.forms_common import parsed_day, whole
from survey.invitations.operations import MAX_DOSSIER_CODE
from survey.units.models import Unit
from survey.units.operations import csv_table

REQUIRED = ("dossier_code", "unit_code", "date")
OPTIONAL = ("field",)
LENGTHS = {"dossier_code": MAX_DOSSIER_CODE, "unit_code": declared_length(Unit, "code"), "date": 10,
           "field": 200}


@dataclass(frozen=True)
class Dossier:
    row: int
    code: str
    unit_code: str
    day: date
    field: str


@dataclass(frozen=True)
class DossierList:
    """The dossiers of a list, in its order, and the SHA-256 of its text (lines ending in LF)."""

    dossiers: list[Dossier]
    checksum: str


def normalised(text: str) -> str:
    """The list's text without a byte-order mark and with LF line ends: a browser sends a form field's
    text with CRLF, and the checksum must not depend on the way the list travelled."""
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def read_list(text: str) -> DossierList:
    """Every dossier of the list; InvalidInput naming every bad row."""
    text = normalised(text)
    header, records = csv_table(text)
    problems = [CATALOGUE.problem("listing_column_missing", column=c) for c in REQUIRED if c not in header]
    problems += [CATALOGUE.problem("listing_column_unknown", column=c) for c in header if c not in REQUIRED + OPTIONAL]
    if problems:
        raise InvalidInput(problems)
    dossiers = []
    for row, record in records:
        found = list(row_problems(row, record))
        problems += found
        if not found:
            dossiers.append(dossier(row, record))
    problems += repeated(dossiers) if records else [CATALOGUE.problem("list_empty")]
    if problems:
        raise InvalidInput(problems)
    return DossierList(dossiers, hashlib.sha256(text.encode("utf-8")).hexdigest())


def row_problems(row: int, record: dict) -> Iterator[Problem]:
    if None in record:
        yield CATALOGUE.problem("cells_extra", row=row)
    for column, length in LENGTHS.items():
        value = (record.get(column) or "").strip()
        if has_control(value):
            yield CATALOGUE.problem("listing_control_character", row=row, column=column)
        elif len(value) > length:
            yield CATALOGUE.problem("value_too_long", row=row, column=column, length=length)
        elif not value and column in REQUIRED:
            yield CATALOGUE.problem("listing_value_required", row=row, column=column)
        elif column == "date" and parsed_day(value) is None:
            yield CATALOGUE.problem("listing_date_invalid", row=row, value=value)


def dossier(row: int, record: dict) -> Dossier:
    cell = {column: (record.get(column) or "").strip() for column in LENGTHS}
    day = parsed_day(cell["date"])
    assert day is not None, "row_problems refuses a row whose date does not parse"
    return Dossier(row, cell["dossier_code"], cell["unit_code"], day, cell["field"])


def repeated(dossiers: list[Dossier]) -> list[Problem]:
    """A dossier code listed twice is refused: the draw could not say which row it took."""
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for item in dossiers:
        if item.code in first:
            problems.append(CATALOGUE.problem("dossier_repeated", row=item.row, dossier=item.code,
                                              first=first[item.code]))
        first.setdefault(item.code, item.row)
    return problems


def read_plan(text: str) -> list[tuple[int, str, int]]:
    """(row, unit code, dossiers to draw) of a plan: its `invite` column when it has one (what
    `flask sample plan` writes: the dossiers to invite for the respondents wanted), else `n`."""
    header, records = csv_table(normalised(text))
    column = "invite" if "invite" in header else "n"
    problems = [CATALOGUE.problem("plan_column_missing", column=c) for c in ("unit_code", column) if c not in header]
    if problems:
        raise InvalidInput(problems)
    planned = []
    for row, record in records:
        unit_code, value = (record.get("unit_code") or "").strip(), (record.get(column) or "").strip()
        size, valid = whole(value, LARGEST_COUNT)
        if size is None or not valid:
            problems.append(CATALOGUE.problem("plan_size_invalid", row=row, column=column,
                                              value=CONTROL.sub("?", value)[:20]))
        else:
            planned.append((row, unit_code, size))
    if problems:
        raise InvalidInput(problems)
    return planned
