"""One guard against formula injection for every file a spreadsheet opens: numbers are never quoted,
text starting a formula (ASCII or full-width) always is, in the wide and long layouts alike."""
import csv

import openpyxl
import pyarrow as pa
import pytest
from sqlalchemy import literal, select

from survey.admin.files import csv_bytes
from survey.exports.formulas import neutralised, neutralised_arrow, neutralised_column, neutralised_sql

CELLS = [
    ("=1+1", "'=1+1"), ("+84 912", "'+84 912"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("＝1+1", "'＝1+1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠SUM(A1)", "'＠SUM(A1)"),
    ("-", "'-"), ("-0042", "'-0042"), ("-1e5", "'-1e5"), ("-3\n", "'-3\n"),
    ("-3", "-3"), ("-2.5", "-2.5"), ("-0.001", "-0.001"), ("0", "0"), ("a=b", "a=b"), ("", ""), (None, None),
    (-3, -3),
]
"""(cell, as written) for every form of the guard."""


@pytest.mark.parametrize("cell, written", CELLS)
def test_a_cell_is_neutralised_only_when_it_could_be_a_formula(cell, written):
    assert neutralised(cell) == written
    if cell is None or isinstance(cell, str):
        assert neutralised_column([cell]) == [written]
        assert neutralised_arrow(pa.array([cell], pa.string())).to_pylist() == [written]


def test_postgresql_writes_what_python_writes(session):
    if session.bind.dialect.name != "postgresql":
        pytest.skip("the SQL form is PostgreSQL's (COPY)")
    texts = [(cell, written) for cell, written in CELLS if isinstance(cell, str)]
    assert [session.scalar(select(neutralised_sql(literal(cell)))) for cell, _ in texts] == [w for _, w in texts]


def test_the_admin_pages_csv_downloads_use_the_same_rule():
    text = csv_bytes(["code", "n"], [["＝HYPERLINK(\"http://x\")", "-3"], ["－1", "=1"]]).decode("utf-8-sig")
    assert list(csv.reader(text.splitlines())) == [["code", "n"], ["'＝HYPERLINK(\"http://x\")", "-3"], ["'－1", "'=1"]]


@pytest.fixture
def odd_answers(campaign, respond, set_answer):
    """Negative numbers (as other entry paths or old data may hold them) and full-width formula starts."""
    first = respond(campaign, "AG-LX", {"overall": "1", "visits": "3", "why": "x"})
    set_answer(first, "visits", "-3", -3.0)
    set_answer(first, "why", "＝1+1")
    second = respond(campaign, "AG-LX", {"overall": "2", "visits": "3", "why": "x"})
    set_answer(second, "visits", "-2.5", -2.5)
    set_answer(second, "why", "－2")


def exported(cli, tmp_path, file_format, layout) -> list[dict]:
    out = tmp_path / f"x.{file_format}"
    result = cli("export", "xuat-thu", "--format", file_format, "--layout", layout, "--out", str(out))
    assert result.exit_code == 0, result.output
    if file_format == "csv":
        with open(out, encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    header, *rows = openpyxl.load_workbook(out)["data"].iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_long_layout_keeps_negative_numbers_and_quotes_full_width_starts(cli, odd_answers, tmp_path,
                                                                              file_format):
    rows = exported(cli, tmp_path, file_format, "long")
    values = {(row["question"], row["value"]) for row in rows}
    assert {("visits", "-3"), ("visits", "-2.5"), ("why", "'＝1+1"), ("why", "'－2")} <= values


def test_the_wide_layout_quotes_full_width_starts(cli, odd_answers, tmp_path):
    rows = exported(cli, tmp_path, "csv", "wide")
    assert [(row["visits"], row["why"]) for row in rows] == [("-3", "'＝1+1"), ("-2.5", "'－2")]
