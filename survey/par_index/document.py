"""A PAR index definition file, XLSX or YAML, as the document stored and back.

The document is the workbook's two sheets: `about` (entries name::vi, name::en, year, note::vi,
note::en; a YAML mapping of the same keys) and `tree` (a row per field, criterion or
sub-criterion under the columns of analysis.par_index.COLUMNS, a levels rule's labels under
levels::vi and levels::en; a YAML list of mappings). Cells are
kept as written, so an export gives back the file imported. Every problem names its sheet, row
or entry and column, in the catalogue's two languages.
"""
import io
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

import openpyxl
import yaml
from openpyxl.utils.exceptions import InvalidFileException

from analysis.par_index import COLUMNS, Definition, ParIndexError, load_definition
from analysis.par_index import Problem as RowProblem
from analysis.par_index_model import LEVEL_LABELS
from survey.errors import InvalidInput
from survey.par_index.messages import CATALOGUE
from survey.text import Problem

ABOUT = ("name::vi", "name::en", "year", "note::vi", "note::en")
REQUIRED_ABOUT = ("name::vi", "name::en", "year")
NAME_LIMIT = 300
"""Characters of a definition's Vietnamese name, the name it is stored and found under."""
REQUIRED_COLUMNS = COLUMNS[:8]
"""id … rule: every row has them; recipe, node, scale_max, table and formula only some rules need."""
Document = dict[str, Any]


def read_file(filename: str, data: bytes) -> Document:
    """The document in an .xlsx or .yaml file; InvalidInput when it cannot be read as one."""
    if filename.lower().endswith(".xlsx"):
        return read_xlsx(data)
    if filename.lower().endswith((".yaml", ".yml")):
        return read_yaml(data)
    raise InvalidInput(CATALOGUE.problem("par_unknown_file", "file"))


def read_xlsx(data: bytes) -> Document:
    """The `about` and `tree` sheets of a workbook as a document."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise InvalidInput(CATALOGUE.problem("par_not_xlsx", "file")) from None
    missing = [name for name in ("about", "tree") if name not in book.sheetnames]
    if missing:
        raise InvalidInput([CATALOGUE.problem("par_sheet_missing", "file", sheet=name) for name in missing])
    about = {_cell(cells[0]): _cell(cells[1]) for cells in _rows(book["about"]) if len(cells) > 1 and _cell(cells[0])}
    header, *rows = _rows(book["tree"]) or [()]
    names = [_cell(name) for name in header]
    _check_columns(names)
    return {"about": about, "tree": [_row(names, cells) for cells in _trimmed(rows)]}


def _rows(sheet: Any) -> list[tuple]:
    return [tuple(cells) for cells in sheet.iter_rows(values_only=True)]


def _check_columns(names: list[Any]) -> None:
    problems = [CATALOGUE.problem("par_column_missing", column, sheet="tree", column=column)
                for column in REQUIRED_COLUMNS if column not in names]
    problems += [CATALOGUE.problem("par_unknown_column", str(name), sheet="tree", column=name,
                                   known=", ".join(COLUMNS)) for name in names if name and name not in COLUMNS]
    if problems:
        raise InvalidInput(problems)


def _row(names: list[Any], cells: tuple) -> dict[str, Any]:
    """A row by column, every known column present (None where empty)."""
    # Cells under no column name are notes beside the table, not part of the definition.
    given = {name: _cell(cell) for name, cell in zip(names, cells, strict=False) if name}
    return _kept({column: given.get(column) for column in COLUMNS})


def _kept(row: dict[str, Any]) -> dict[str, Any]:
    """A row without empty level-label cells: a document written before those columns existed
    reads (and hashes) as it did."""
    return {column: value for column, value in row.items() if column not in LEVEL_LABELS or value is not None}


def _trimmed(rows: list[tuple]) -> list[tuple]:
    """The rows without the blank ones at the end (blank rows between are kept, for their numbers)."""
    while rows and not any(_cell(cell) is not None for cell in rows[-1]):
        rows = rows[:-1]
    return rows


def _cell(value: Any) -> Any:
    """A cell as JSON keeps it: numbers and booleans as they are, other values as stripped text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value).strip()
    return text or None


def read_yaml(data: bytes) -> Document:
    """A YAML mapping of `about` (a mapping) and `tree` (a list of mappings) as a document."""
    try:
        raw = yaml.safe_load(data.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        raw = None
    if not (isinstance(raw, dict) and isinstance(raw.get("about"), dict) and isinstance(raw.get("tree"), list)
            and all(isinstance(row, dict) for row in raw["tree"])):
        raise InvalidInput(CATALOGUE.problem("par_not_yaml", "file"))
    _check_columns(sorted({str(name) for row in raw["tree"] for name in row} | set(REQUIRED_COLUMNS)))
    tree = [_kept({column: _cell(row.get(column)) for column in COLUMNS}) for row in raw["tree"]]
    return {"about": {str(key): _cell(value) for key, value in raw["about"].items()}, "tree": tree}


def check(document: Document, recipes: Mapping[str, Iterable[str]]) -> Definition:
    """The checked definition of a document: its `about` entries, then its tree; InvalidInput
    listing every problem of the first of the two that has any."""
    about_problems = _about_problems(document["about"])
    if about_problems:
        raise InvalidInput(about_problems)
    try:
        return load_definition(document["tree"], {name: frozenset(nodes) for name, nodes in recipes.items()})
    except ParIndexError as error:
        raise InvalidInput([said(problem) for problem in error.problems]) from None


def _about_problems(about: Mapping[str, Any]) -> list[Problem]:
    problems = [_at_key(key, CATALOGUE.problem("par_about_missing", key)) for key in REQUIRED_ABOUT
                if about.get(key) in (None, "")]
    problems += [_at_key(str(key), CATALOGUE.problem("par_unknown_column", str(key), sheet="about", column=key,
                                                    known=", ".join(ABOUT))) for key in about if key not in ABOUT]
    if len(str(about.get("name::vi") or "")) > NAME_LIMIT:
        problems.append(_at_key("name::vi", CATALOGUE.problem("par_name_too_long", "name::vi", limit=NAME_LIMIT)))
    year = about.get("year")
    if year is not None and not (isinstance(year, int | float) and float(year).is_integer() and 2000 <= year <= 2100):
        problems.append(_at_key("year", CATALOGUE.problem("par_bad_year", "year", value=year)))
    return problems


def _at_key(key: str, problem: Problem) -> Problem:
    return CATALOGUE.problem("par_at_key", key, sheet="about", key=key, problem=problem)


def said(problem: RowProblem) -> Problem:
    """A problem of analysis.par_index in the catalogue's words, wrapped with its cell when it has one."""
    inner = CATALOGUE.problem(f"par_{problem.code}", problem.column, **problem.params)
    if problem.row is None:
        return inner
    return CATALOGUE.problem("par_at_cell", problem.column, sheet="tree", row=problem.row, column=problem.column,
                             problem=inner)


def write_xlsx(document: Document) -> bytes:
    """The document as a workbook of its two sheets, which read_xlsx reads back to the same document."""
    book = openpyxl.Workbook()
    tree = book.active
    tree.title = "tree"
    tree.append(list(COLUMNS))
    for row in document["tree"]:
        tree.append([row.get(column) for column in COLUMNS])
    about = book.create_sheet("about")
    for key, value in document["about"].items():
        about.append([key, value])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def write_yaml(document: Document) -> str:
    """The document as YAML (empty cells left out), which read_yaml reads back to the same document."""
    tree = [{column: value for column, value in row.items() if value is not None} for row in document["tree"]]
    return yaml.safe_dump({"about": document["about"], "tree": tree}, allow_unicode=True, sort_keys=False)
