import pytest
from sqlalchemy import select

from survey.errors import InvalidInput
from survey.units.models import Unit
from survey.units.operations import import_units_csv

HEADER = "code,name,name_en,level,parent_code,active\n"
PROVINCE = "AG,Tỉnh An Giang,An Giang Province,province,,yes\n"


def codes(session):
    return sorted(session.scalars(select(Unit.code)))


def test_import_creates_the_hierarchy_parents_first(session):
    text = HEADER + "AG-LX-MB,Phường Mỹ Bình,,commune,AG-LX,\nAG-LX,Thành phố Long Xuyên,,district,AG,\n" + PROVINCE
    summary = import_units_csv(session, text)
    assert sorted(summary.created) == ["AG", "AG-LX", "AG-LX-MB"]
    commune = session.scalar(select(Unit).where(Unit.code == "AG-LX-MB"))
    assert commune.parent.code == "AG-LX" and commune.parent.parent.code == "AG"
    assert commune.name == "Phường Mỹ Bình"


def test_second_import_changes_nothing_and_updates_renames(session):
    import_units_csv(session, HEADER + PROVINCE + "AG-LX,Long Xuyên,,district,AG,\n")
    again = import_units_csv(session, HEADER + PROVINCE + "AG-LX,Thành phố Long Xuyên,,district,AG,no\n")
    assert again.created == [] and again.updated == ["AG-LX"] and again.unchanged == ["AG"]
    unit = session.scalar(select(Unit).where(Unit.code == "AG-LX"))
    assert unit.name == "Thành phố Long Xuyên" and unit.active is False
    assert codes(session) == ["AG", "AG-LX"]


def test_every_problem_is_reported_with_its_row_and_nothing_is_written(session):
    text = HEADER + PROVINCE + (
        "AG-X,,,huyen,AG,\n"            # row 3: no name, unknown level
        "AG-CD,Châu Đốc,,district,ZZ,\n"  # row 4: unknown parent
        "AG-CM,Chợ Mới,,department,AG-CD,\n"  # row 5: a department under a district
        "AG-CD,Again,,district,AG,maybe\n"  # row 6: repeated code, bad flag
    )
    with pytest.raises(InvalidInput) as caught:
        import_units_csv(session, text)
    problems = [str(p) for p in caught.value.problems]
    assert "row 3, name: a value is required" in problems
    assert "row 3, level: unknown level 'huyen' (one of province, department, district, commune)" in problems
    assert "row 6, active: 'maybe' is not yes or no" in problems
    assert codes(session) == []


def test_hierarchy_problems_name_the_parent(session):
    text = (HEADER + PROVINCE + "AG-CD,Châu Đốc,,district,ZZ,\nAG-CM,Chợ Mới,,department,AG-CD,\n"
            "AG-CD,Lại,,district,AG,\n")
    with pytest.raises(InvalidInput) as caught:
        import_units_csv(session, text)
    assert [str(p) for p in caught.value.problems] == [
        "row 5, code: 'AG-CD' repeats row 3",
        "row 3, parent_code: unknown unit 'ZZ'",
        "row 4, parent_code: 'AG-CD' is a district; a department takes province",
    ]


def test_missing_and_unknown_columns(session):
    with pytest.raises(InvalidInput) as caught:
        import_units_csv(session, "code,name,kind\nAG,An Giang,province\n")
    assert [str(p) for p in caught.value.problems] == ["row 1: missing column 'level'", "row 1: unknown column 'kind'"]


def test_a_byte_order_mark_from_excel_is_accepted(session):
    import_units_csv(session, "\ufeff" + HEADER + PROVINCE)
    assert codes(session) == ["AG"]


def test_cli_dry_run_shows_changes_and_writes_nothing(cli, session, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(HEADER + PROVINCE, encoding="utf-8")
    result = cli("units", "import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would be created: 1 (AG)" in result.output
    assert result.output.startswith("row 2\tAG\tnew\t- -> ")  # the changes the administration page lists
    assert codes(session) == []
    assert cli("units", "import", str(path)).exit_code == 0
    assert codes(session) == ["AG"]


def test_cli_dry_run_counts_what_the_import_then_does(cli, session, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(HEADER + PROVINCE + "AG-LX,Thành phố Long Xuyên,,district,AG,\n", encoding="utf-8")
    assert cli("units", "import", str(path)).exit_code == 0
    path.write_text(HEADER + PROVINCE + "AG-LX,TP Long Xuyên,,district,AG,no\nAG-CD,Châu Đốc,,district,AG,\n",
                    encoding="utf-8")
    dry = cli("units", "import", str(path), "--dry-run").output
    done = cli("units", "import", str(path)).output
    counts = [line for line in dry.splitlines() if line.startswith("would be ")]
    assert counts == ["would be created: 1 (AG-CD)", "would be updated: 1 (AG-LX)", "would be unchanged: 1"]
    assert [f"would be {line}" for line in done.splitlines()] == counts


def test_cli_reports_problems_and_exits_non_zero(cli, session, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(HEADER + "AG-LX,Long Xuyên,,district,,\n", encoding="utf-8")
    result = cli("units", "import", str(path))
    assert result.exit_code == 1
    assert "row 2, parent_code: a district needs a parent (province)" in result.output


def test_a_level_change_that_would_strand_existing_children_is_refused(session):
    import_units_csv(session, HEADER + PROVINCE + "AG-LX,Long Xuyên,,district,AG,\n")
    import_units_csv(session, HEADER + "AG-LX-MB,Mỹ Bình,,commune,AG-LX,\n")
    with pytest.raises(InvalidInput) as caught:
        import_units_csv(session, HEADER + PROVINCE + "AG-LX,Long Xuyên,,department,AG,\n")
    assert [str(p) for p in caught.value.problems] == [
        "row 3, level: 'AG-LX' has the commune 'AG-LX-MB' under it, which a department cannot hold"]


BAD_TEXT = HEADER + PROVINCE + (
    "=EVIL,Công thức,,district,AG,\n"                    # row 3: a formula is no code
    f"{'AG-' + 'X' * 30},Mã dài,,district,AG,\n"          # row 4: 33 characters
    f"AG-TT,{'Tên ' * 51},Name\x1b,district,AG,\n"       # row 5: a 204-character name, an escape in name_en
    "AG-CT,Cần\x00Thơ,,district,AG\x7f,\n"               # row 6: NUL in the name, DEL in the parent
)
BAD_PROBLEMS = [
    "row 3, code: '=EVIL' is not a unit code (letters A-Z, digits, '-', '_' or '.', beginning with a letter or a "
    "digit)",
    "row 4, code: longer than 32 characters",
    "row 5, name_en: holds a control character (such as NUL)",
    "row 5, name: longer than 200 characters",
    "row 6, name: holds a control character (such as NUL)",
    "row 6, parent_code: holds a control character (such as NUL)",
]


def test_codes_names_and_control_characters_are_checked_before_anything_is_written(session):
    with pytest.raises(InvalidInput) as caught:
        import_units_csv(session, BAD_TEXT)
    assert [str(p) for p in caught.value.problems] == BAD_PROBLEMS
    assert codes(session) == []


def test_the_dry_run_refuses_exactly_what_the_import_refuses(cli, session, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(BAD_TEXT, encoding="utf-8")
    dry, done = cli("units", "import", str(path), "--dry-run"), cli("units", "import", str(path))
    assert dry.exit_code == done.exit_code == 1
    assert all(problem in dry.output for problem in BAD_PROBLEMS) and dry.output == done.output
    assert codes(session) == []
