"""A new round's numbers are ASCII digits within bounds: '²' (a digit to str.isdigit, not to int) and
a record number past PostgreSQL's INTEGER are refused beside their fields, no longer a 500."""
import pytest

from tests.accounts.conftest import fresh_limits, make_user, settings, staff  # noqa: F401 (fixtures)
from tests.par_index.test_scoring_pages import scoring  # noqa: F401 (fixture)


@pytest.mark.parametrize("field, typed", [("definition", "²"), ("definition", "9" * 12), ("year", "202²")])
def test_a_number_that_is_no_ascii_number_is_refused_beside_its_field(scoring, staff, field, typed):
    staff.sign_in("noi-vu")
    staff.get("/cham-diem/dot-moi")
    form = {"definition": str(scoring.definition_id), "year": "2027", "deadline": "2027-01-31", field: typed}
    assert staff.post("/cham-diem/dot-moi", form).status_code == 400
    assert f'id="err-{field}"' in staff.html
