"""The bounds an .xlsx archive must keep, checked before openpyxl parses any of it.

openpyxl turns every shared string, style and cell into Python objects: a small archive that
unpacks to millions of them (a zip bomb, a sheet of tiny shared strings) would cost minutes and
gigabytes. The archive's directory gives each member's unpacked size (a member longer than it
says fails its CRC check when read); one pass of expat, which builds nothing, counts the rest.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import Any
from xml.parsers import expat

MAX_ROWS = 5000
"""Rows read from a sheet: far more than any questionnaire, few enough to answer at once."""
READ_SHEETS = frozenset({"survey", "choices", "settings"})
"""The sheets read whole; of the others (external_choices, ...) only the header row, so
that their length is no bound."""
MAX_COLUMNS = 200
MAX_CELLS = 100_000
"""Cells holding a value, in all sheets."""
MAX_SHARED_STRINGS = 30_000
MAX_SHEET_ELEMENTS = 250_000
"""XML elements of the worksheets, empty styled cells included: what parsing them costs."""
MAX_OTHER_ELEMENTS = 80_000
"""XML elements of the other parts (styles, names, shared strings), each parsed into an object."""
MAX_MEMBERS = 1000
MAX_UNPACKED_MEGABYTES = 20
_MEGABYTE = 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels")
_COLUMN_LETTERS = re.compile(r"[A-Za-z]{1,3}")


class TooLarge(Exception):
    """An archive over a bound: ``code`` (an XLSFORM_CATALOGUE key), the ``sheet`` it is in
    when one is to blame (else None), and the message's ``params``."""

    def __init__(self, code: str, sheet: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code, self.sheet, self.params = code, sheet, params


class Unreadable(Exception):
    """A part that is not XML, or declares a DTD (a workbook never does; entities could
    expand without end)."""


def check_archive(archive: zipfile.ZipFile) -> None:
    """Raise TooLarge at the first bound ``archive`` exceeds, Unreadable for a part expat
    refuses (zipfile.BadZipFile for a damaged member)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise TooLarge("workbook_too_large", detail=f"more than {MAX_MEMBERS:,} files")
    if sum(member.file_size for member in members) > MAX_UNPACKED_MEGABYTES * _MEGABYTE:
        raise TooLarge("workbook_too_large", detail=f"more than {MAX_UNPACKED_MEGABYTES} MB")
    tally = _Tally()
    for member in members:
        if member.filename.lower().endswith(_XML_SUFFIXES):
            tally.scan(archive, member.filename)
    tally.check_sheets()


class _Tally:
    """What the parts hold, counted while expat reads them; raises TooLarge as soon as a
    count passes its bound."""

    def __init__(self) -> None:
        self.strings = self.cells = 0
        self.elements = {True: 0, False: 0}
        """Elements of worksheets (True) and of other parts (False)."""
        self.part, self.root, self.row, self.column = "", "", 0, 0
        self.last_rows: dict[str, int] = {}
        """Part -> the last row holding a value: empty styled rows after it do not count."""
        self.wide: set[str] = set()
        """Parts holding a value past MAX_COLUMNS."""
        self.sheets: dict[str, tuple[str, str]] = {}
        """Relationship id -> (the workbook part naming the sheet, the sheet's name)."""
        self.targets: dict[tuple[str, str], str] = {}
        """(relationships part, id) -> the target part, as openpyxl resolves it."""
        self.handlers = {"si": self._string, "row": self._row, "c": self._cell, "v": self._value,
                         "is": self._value, "sheet": self._sheet, "Relationship": self._target}

    def scan(self, archive: zipfile.ZipFile, part: str) -> None:
        self.part, self.root, self.row, self.column = part, "", 0, 0
        parser = expat.ParserCreate()
        parser.StartElementHandler = self._start
        parser.StartDoctypeDeclHandler = _refuse_doctype
        try:
            with archive.open(part) as stream:
                parser.ParseFile(stream)
        except expat.ExpatError as error:
            raise Unreadable(f"{part}: {expat.ErrorString(error.code)}") from None

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        name = tag.rpartition(":")[2]
        self.root = self.root or name
        self._count(self.root == "worksheet")
        handler = self.handlers.get(name)
        if handler is not None:
            handler(attributes)

    def _count(self, in_worksheet: bool) -> None:
        self.elements[in_worksheet] += 1
        bound = MAX_SHEET_ELEMENTS if in_worksheet else MAX_OTHER_ELEMENTS
        if self.elements[in_worksheet] > bound:
            where = "worksheets" if in_worksheet else "other parts"
            raise TooLarge("workbook_too_large",
                           detail=f"more than {bound:,} XML elements ({where})")

    def _string(self, _: dict[str, str]) -> None:
        self.strings += 1
        if self.strings > MAX_SHARED_STRINGS:
            raise TooLarge("too_many_strings", limit=MAX_SHARED_STRINGS)

    def _row(self, attributes: dict[str, str]) -> None:
        number = attributes.get("r", "")
        self.row, self.column = int(number) if number.isdigit() else self.row + 1, 0

    def _cell(self, attributes: dict[str, str]) -> None:
        letters = _COLUMN_LETTERS.match(attributes.get("r", ""))
        self.column = _column_number(letters.group()) if letters else self.column + 1

    def _value(self, _: dict[str, str]) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise TooLarge("too_many_cells", limit=MAX_CELLS)
        if self.column > MAX_COLUMNS:
            self.wide.add(self.part)
        self.last_rows[self.part] = max(self.row, self.last_rows.get(self.part, 0))

    def _sheet(self, attributes: dict[str, str]) -> None:
        ids = [value for key, value in attributes.items() if key.rpartition(":")[2] == "id"]
        if ids and "name" in attributes:
            self.sheets[ids[0]] = (self.part, attributes["name"])

    def _target(self, attributes: dict[str, str]) -> None:
        target = attributes.get("Target", "")
        folder = posixpath.dirname(posixpath.dirname(self.part))  # xl/_rels/x.rels -> xl
        resolved = target[1:] if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        self.targets[(self.part, attributes.get("Id", ""))] = resolved

    def check_sheets(self) -> None:
        """Raise TooLarge for a sheet holding values past MAX_COLUMNS, or past MAX_ROWS rows
        after its header (once every part is read, the workbook's names of sheets among them)."""
        if self.wide:
            raise TooLarge("too_many_columns", self.sheet_name(min(self.wide)), limit=MAX_COLUMNS)
        for part, last_row in sorted(self.last_rows.items()):
            read = self.sheet_name(part) in READ_SHEETS
            if read and last_row > MAX_ROWS + 1:
                raise TooLarge("too_many_rows", self.sheet_name(part), limit=MAX_ROWS)

    def sheet_name(self, part: str) -> str:
        """The name of the sheet stored in ``part`` (lower case, as read_sheets names them),
        else the part's own name."""
        for rel_id, (workbook, name) in self.sheets.items():
            relationships = posixpath.join(posixpath.dirname(workbook), "_rels",
                                           posixpath.basename(workbook) + ".rels")
            if self.targets.get((relationships, rel_id)) == part:
                return name.strip().lower()
        return part


def _refuse_doctype(*_: Any) -> None:
    raise Unreadable("a part declares a DTD")


def _column_number(letters: str) -> int:
    """``'A'`` -> 1, ``'AB'`` -> 28."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
