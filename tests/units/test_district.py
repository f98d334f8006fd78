"""A unit's district, one rule (Unit.district in Python, Unit.district_code in SQL): a district is its
own, a commune has the district it was under (historic, kept after the 2025 reorganisation), and the
province, departments and communes under the province since 1 July 2025 have none."""
from sqlalchemy import select
from sqlalchemy.orm import aliased

from survey.units.models import Unit


def hierarchy(make_unit):
    province = make_unit("AG", "province")
    district = make_unit("AG-LX", "district", parent=province, active=False)
    return {unit.code: unit for unit in (
        province, district, make_unit("AG-LX-MB", "commune", parent=district),
        make_unit("AG-SNV", "department", parent=province), make_unit("AG-BH", "commune", parent=province))}


def test_a_unit_s_district_in_python_and_in_sql_agree(session, make_unit):
    units = hierarchy(make_unit)
    expected = {"AG": None, "AG-LX": "AG-LX", "AG-LX-MB": "AG-LX", "AG-SNV": None, "AG-BH": None}
    assert {code: unit.district and unit.district.code for code, unit in units.items()} == expected
    parent = aliased(Unit)
    query = select(Unit.code, Unit.district_code(Unit, parent)).outerjoin(parent, parent.id == Unit.parent_id)
    assert dict(session.execute(query).all()) == expected
