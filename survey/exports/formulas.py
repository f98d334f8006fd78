"""The guard against spreadsheet formula injection, one rule for every file the service writes for
Excel, LibreOffice or Google Sheets, in each form a writer needs: a cell or a column of Python values
(XLSX, the CSV downloads of the admin pages and commands), an Arrow array (csv_arrow.py) and a SQL
expression (csv_copy.py: PostgreSQL's COPY, which must write the same bytes).

Text whose first character would make a spreadsheet read the cell as a formula gets a leading
single quote (OWASP's advice): `=`, `+`, `-`, `@`, tab, carriage return, and the full-width forms
`＝ ＋ － ＠` (an East Asian input method types them, and spreadsheets may fold them to the ASCII
ones). A number written as the service stores one (`-3`, `-2.5`, the canonical form of an integer
or decimal answer) is left alone: it is a value, not a formula, and a quote would make it text.
"""
import re

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, func

FORMULA_STARTS = "=+-@\t\r＝＋－＠"
NUMBER = r"-?(0|[1-9][0-9]*)(\.[0-9]+)?"
"""A canonical number (no leading zeros: a serial such as -0042 stays text, and quoted)."""
START_PATTERN = "^[" + FORMULA_STARTS.replace("-", "\\-") + "]"
"""The formula starts as a regular expression (RE2 for Arrow, POSIX for PostgreSQL)."""
NUMBER_PATTERN = f"^{NUMBER}$"
CODE_POINTS = tuple(ord(c) for c in FORMULA_STARTS)
"""What PostgreSQL's ascii() answers for each start (the code point of the first character)."""
_NUMBER = re.compile(NUMBER)


def neutralised(cell: object) -> object:
    """The cell with a quote before text a spreadsheet would run as a formula; anything else as it is."""
    if isinstance(cell, str) and cell and cell[0] in FORMULA_STARTS and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def neutralised_column(column: list[str | None]) -> list[str | None]:
    """`neutralised` over a column of text, tested inline: a call per cell costs seconds on a million rows."""
    return ["'" + x if x and x[0] in FORMULA_STARTS and not _NUMBER.fullmatch(x) else x for x in column]


def neutralised_arrow(texts: pa.Array) -> pa.Array:
    """`neutralised` over an Arrow array of text (rare: looked for before replacing)."""
    starts = pc.match_substring_regex(texts, pattern=START_PATTERN)
    if not pc.any(starts).as_py():
        return texts
    formula = pc.and_(starts, pc.invert(pc.match_substring_regex(texts, pattern=NUMBER_PATTERN)))
    return pc.if_else(formula, pc.binary_join_element_wise("'", texts, ""), texts)


def neutralised_sql(text: SQLColumnExpression[str | None]) -> ColumnElement[str | None]:
    """`neutralised` in PostgreSQL's SQL (the first character compared as a code point: cheaper than
    text); `text` a text column or expression."""
    formula = and_(func.ascii(text).in_(CODE_POINTS), ~text.regexp_match(NUMBER_PATTERN))
    return case((formula, "'" + text), else_=text)
