"""survey.officials: the register imported from CSV, all or nothing, every problem by row and
column in Vietnamese and English; --dry-run stores nothing."""
import pytest
from sqlalchemy import func, select

from survey.errors import InvalidInput
from survey.officials.models import Official
from survey.officials.operations import import_officials
from tests.officials.conftest import GOOD


def stored(session) -> int:
    return session.scalar(select(func.count()).select_from(Official))


def refused(session, campaign, text: str) -> list[str]:
    """The English problems of importing `text`, checking nothing was stored."""
    with pytest.raises(InvalidInput) as error:
        import_officials(session, campaign, text.encode())
    session.rollback()
    assert stored(session) == 0
    return [str(problem) for problem in error.value.problems]


def test_a_good_file_registers_everybody_with_their_unit_and_group(cli, leaders, register_file, session):
    result = cli("officials", "import", "--campaign", "lanh-dao", str(register_file()))
    assert result.exit_code == 0, result.output
    assert "registered 4 officials" in result.output
    people = {o.name: o for o in session.scalars(select(Official))}
    assert people["Trần Thị Bình"].unit.code == "AG-SNV" and people["Trần Thị Bình"].phone == "0296 3852 123"
    assert people["Nguyễn Văn An"].respondent_group == "council_member" and people["Nguyễn Văn An"].phone is None
    assert all(o.invited_at is None for o in people.values())


def test_dry_run_checks_and_stores_nothing(cli, leaders, register_file, session):
    result = cli("officials", "import", "--campaign", "lanh-dao", str(register_file()), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "checked, nothing stored: 4 officials" in result.output and stored(session) == 0


def test_bad_rows_are_refused_by_row_and_column_and_nothing_is_stored(session, leaders, make_unit):
    make_unit("AG-CD", "commune", parent=make_unit("AG", "province"))
    session.commit()
    text = GOOD + ("Võ Văn Em,Phó chủ tịch,AG-XX,commune_leader,,\n"
                   ",Chánh văn phòng,AG-CD,mayor,not-an-email,12\n"
                   "Trần Thị Bình,Giám đốc Sở Nội vụ,AG-SNV,department_leader,,\n")
    assert refused(session, leaders, text) == [
        "Row 7, column 'name': A value is required.",
        "Row 7, column 'group': No group 'mayor' (groups: council_member, department_leader, division_leader, "
        "commune_leader, district_leader).",
        "Row 7, column 'email': 'not-an-email' is not an email address.",
        "Row 7, column 'phone': '12' is not a telephone number (digits, spaces, + - . and brackets).",
    ]
    assert refused(session, leaders, text.replace(",Chánh văn phòng,AG-CD,mayor,not-an-email,12",
                                                  "Hồ Văn Giang,Chánh văn phòng,AG-CD,commune_leader,,")) == [
        "Row 6, column 'unit': No unit has the code 'AG-XX'.",
        "Row 7, column 'unit': The unit 'AG-CD' is not surveyed by campaign 'lanh-dao'.",
        "Row 8, column 'name': 'Trần Thị Bình' of this unit is already listed on row 3.",
    ]


def test_an_official_registered_before_is_refused_again(session, leaders):
    import_officials(session, leaders, GOOD.encode())
    session.commit()
    with pytest.raises(InvalidInput) as error:
        import_officials(session, leaders, GOOD.encode())
    assert [p.params["problem"].key for p in error.value.problems] == ["official_registered"] * 4
    assert error.value.problems[0].text("vi") == (
        "Dòng 2, cột “name”: “Nguyễn Văn An” của đơn vị này đã có trong danh sách của đợt khảo sát.")


@pytest.mark.parametrize(("data", "expected"), [
    (b"name,position,unit\n", ["The file lacks the column 'group' (columns needed: name, position, unit, group, "
                               "email, phone)."]),
    (b"name,position,unit,group,age\n", ["The file has an unknown column 'age' (columns: name, position, unit, "
                                         "group, email, phone)."]),
    (b"name,position,unit,group\n\n", ["The file lists nobody."]),
    (b"name,position,unit,group\n\xd0\xf4ng,x,AG,council_member\n",  # Đông in Windows-1258
     ["The file is not CSV text encoded in UTF-8."]),
    (b"name,position,unit,group\nA\x00n,x,AG,council_member\n", ["Row 2, column 'name': Holds a control character "
                                                                 "(such as NUL)."]),
    (("name,position,unit,group\n" + "A" * 201 + ",x,AG,council_member\n").encode(),
     ["Row 2, column 'name': Longer than 200 characters."]),
])
def test_a_file_that_is_no_register_is_refused_whole(session, leaders, data, expected):
    with pytest.raises(InvalidInput) as error:
        import_officials(session, leaders, data)
    assert [str(p) for p in error.value.problems] == expected and stored(session) == 0


def test_the_command_line_lists_every_problem_and_exits_non_zero(cli, leaders, register_file, session):
    result = cli("officials", "import", "--campaign", "lanh-dao", str(register_file(GOOD + "X,Y,AG,nobody,,\n")))
    assert result.exit_code == 1 and "Row 6, column 'group': No group 'nobody'" in result.output
    assert stored(session) == 0
    unknown = cli("officials", "import", "--campaign", "khong-co", str(register_file()))
    assert unknown.exit_code == 1 and stored(session) == 0
