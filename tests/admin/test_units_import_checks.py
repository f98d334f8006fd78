"""The units upload page checks codes, name lengths and control characters in its dry run, row and
column named, as the confirmation would (which gave a 500 on PostgreSQL for a long code or a NUL)."""
from sqlalchemy import func, select

from survey.units.models import Unit
from tests.admin.test_units_pages import upload
from tests.units.test_units import BAD_TEXT


def test_the_dry_run_lists_bad_codes_long_names_and_control_characters(admin, session):
    assert upload(admin, BAD_TEXT.replace("\x00", "\x01")).status_code == 400
    text = admin.text()
    for problem in ("Dòng 3, cột code: “=EVIL” không phải là mã đơn vị", "Dòng 4, cột code: dài quá 32 ký tự",
                    "Dòng 5, cột name: dài quá 200 ký tự", "Dòng 5, cột name_en: có ký tự điều khiển không hợp lệ",
                    "Dòng 6, cột name: có ký tự điều khiển", "Dòng 6, cột parent_code: có ký tự điều khiển"):
        assert problem in text
    assert session.scalar(select(func.count(Unit.id))) == 0
