"""The access interface: role_required, protect, visible_unit_ids, require_unit."""
import pytest
from flask import Blueprint
from werkzeug.exceptions import Forbidden

from survey import create_app, db
from survey.accounts.access import protect, require_unit, role_required, visible_unit_ids
from tests.accounts.conftest import Staff


@pytest.fixture
def guarded_app(app):
    """An app with a blueprint guarded by `protect` and a route by `role_required`."""
    other = create_app({"SURVEY_ENV": "testing", "DATABASE_URL": app.config["DATABASE_URL"],
                        "CLOCK": app.config["CLOCK"]})
    team = Blueprint("team", __name__, url_prefix="/team")
    protect(team, "supervisor", "admin")
    team.get("/")(lambda: "team page")
    extra = Blueprint("extra", __name__)
    extra.get("/analysis")(role_required("analyst")(lambda: "analysis page"))
    other.register_blueprint(team)
    other.register_blueprint(extra)
    yield other
    with other.app_context():
        db.engine().dispose()


@pytest.mark.parametrize("role, team, analysis", [
    ("supervisor", 200, 403), ("admin", 200, 403), ("analyst", 403, 200), ("surveyor", 403, 403),
])
def test_roles_open_what_they_are_given(guarded_app, make_user, role, team, analysis):
    make_user("nguoi-dung", role)
    staff = Staff(guarded_app.test_client())
    staff.sign_in("nguoi-dung")
    responses = [staff.get("/team/"), staff.get("/analysis")]
    assert [r.status_code for r in responses] == [team, analysis]
    for response in responses:
        if response.status_code == 200:
            assert response.headers["Cache-Control"] == "no-store"
        else:
            assert "không có quyền xem trang này" in response.get_data(as_text=True)


def test_anonymous_visitors_are_sent_to_sign_in(guarded_app, session):
    client = guarded_app.test_client()
    assert client.get("/team/?x=1").location == "/dang-nhap?next=/team/?x%3D1"
    assert client.get("/analysis").location == "/dang-nhap?next=/analysis"


def test_unknown_roles_are_a_mistake_found_at_import():
    with pytest.raises(ValueError, match="supervisr"):
        role_required("supervisr")
    with pytest.raises(ValueError):
        protect(Blueprint("nobody", __name__))


@pytest.fixture
def province(make_unit):
    """AG > AG-LX > (AG-LX-MB, AG-LX-MX); AG > AG-CD; AG > AG-SNV (a department)."""
    lx = make_unit("AG-LX")
    make_unit("AG-LX-MB", "commune", parent=lx), make_unit("AG-LX-MX", "commune", parent=lx)
    make_unit("AG-CD"), make_unit("AG-SNV", "department")
    return {u: make_unit(u) for u in ("AG", "AG-LX", "AG-LX-MB", "AG-LX-MX", "AG-CD", "AG-SNV")}


def codes(province, ids) -> set[str]:
    return {code for code, unit in province.items() if unit.id in ids}


def test_unscoped_admins_and_analysts_see_the_whole_province(app, make_user, province):
    with app.test_request_context():
        assert visible_unit_ids(make_user("qt", "admin")) is None
        assert visible_unit_ids(make_user("pt", "analyst")) is None


def test_unscoped_supervisors_and_surveyors_see_nothing(app, make_user, province):
    with app.test_request_context():
        assert visible_unit_ids(make_user("gs", "supervisor")) == frozenset()
        assert visible_unit_ids(make_user("dt", "surveyor")) == frozenset()


def test_a_scope_holds_its_units_and_everything_below(app, make_user, province):
    with app.test_request_context():
        district = make_user("giam-sat", "supervisor", units=["AG-LX", "AG-SNV"])
        assert codes(province, visible_unit_ids(district)) == {"AG-LX", "AG-LX-MB", "AG-LX-MX", "AG-SNV"}
        analyst = make_user("phan-tich", "analyst", units=["AG"])
        assert codes(province, visible_unit_ids(analyst)) == set(province)


def test_require_unit_refuses_units_outside_the_scope(app, make_user, province):
    with app.test_request_context():
        user = make_user("giam-sat", "supervisor", units=["AG-LX"])
        require_unit(user, province["AG-LX-MB"])
        require_unit(user, province["AG-LX"].id)
        for outside in (province["AG-CD"], province["AG"].id):
            with pytest.raises(Forbidden):
                require_unit(user, outside)
        require_unit(make_user("quantri", "admin"), province["AG-CD"])
