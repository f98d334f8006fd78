"""A campaign on the shipped leaders' questionnaire over the province and two communes, and the
register file that goes with it."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / "forms" / "par-officials.yaml"

GOOD = """name,position,unit,group,email,phone
Nguyễn Văn An,Đại biểu HĐND tỉnh,AG,council_member,an@angiang.gov.vn,
Trần Thị Bình,Giám đốc Sở Nội vụ,AG-SNV,department_leader,,0296 3852 123
Lê Văn Cường,Trưởng phòng Cải cách hành chính,AG-SNV,division_leader,,
Phạm Thị Dung,Chủ tịch UBND phường,AG-LX,commune_leader,dung@longxuyen.gov.vn,+84 912 345 678
"""


@pytest.fixture
def leaders(make_version, make_campaign, make_unit, session):
    """An open web campaign on forms/par-officials.yaml over the province, a department and a ward."""
    province = make_unit("AG", "province", name="tỉnh An Giang")
    units = [province, make_unit("AG-SNV", "department", name="Sở Nội vụ", parent=province),
             make_unit("AG-LX", "commune", name="phường Long Xuyên", parent=province)]
    campaign = make_campaign("lanh-dao", units=units, version=make_version(FORM.read_text(encoding="utf-8")),
                             channels=("web",))
    session.commit()
    return campaign


@pytest.fixture
def register_file(tmp_path):
    """Writes `text` (default the four good rows) as a CSV file and returns its path."""
    def write(text: str = GOOD) -> Path:
        path = tmp_path / "officials.csv"
        path.write_text(text, encoding="utf-8")
        return path

    return write
