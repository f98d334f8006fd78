"""An administrator limited to some units acts only there: it cannot widen its own scope or give a
scope beyond it, sees and changes only the accounts, units and campaigns of its scope, and leaves
what acts on the whole province to province-wide administrators."""
import pytest
from sqlalchemy import func, select

from survey.accounts.models import AuditEntry, User
from survey.accounts.operations import create_user, set_units
from survey.admin.scope import PROVINCE_ONLY
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.invitations.models import Invitation
from survey.units.models import Unit
from tests.accounts.conftest import PASSWORD

OUTSIDE_SCOPE = "Đơn vị nằm ngoài phạm vi bạn quản lý: AG-CD"


@pytest.fixture
def province(make_unit, session):
    """An Giang: Long Xuyên (with a ward) in the scope, Châu Đốc outside it."""
    province = make_unit("AG", "province", name="An Giang")
    long_xuyen = make_unit("AG-LX", "district", "Long Xuyên", province)
    made = {"AG": province, "AG-LX": long_xuyen, "AG-CD": make_unit("AG-CD", "district", "Châu Đốc", province),
            "AG-LX-MX": make_unit("AG-LX-MX", "commune", "Mỹ Xuyên", long_xuyen)}
    session.commit()
    return made


@pytest.fixture
def scoped(staff, make_user, province):
    """A browser signed in as 'ql-lx', administrator of Long Xuyên only; a province-wide one exists."""
    make_user("quantri", "admin")
    make_user("ql-lx", "admin", units=["AG-LX"])
    make_user("dtv-lx", "surveyor", units=["AG-LX-MX"])
    make_user("dtv-cd", "surveyor", units=["AG-CD"])
    make_user("gs-ca-hai", "supervisor", units=["AG-LX", "AG-CD"])
    staff.sign_in("ql-lx")
    return staff


def snapshot(session) -> dict:
    """Everything a scoped administrator might change, as plain values."""
    session.expire_all()
    users = {u.username: (u.role, u.active, u.session_token, u.password_hash, [x.code for x in u.units])
             for u in session.scalars(select(User))}
    return {"users": users, "units": {u.code: u.active for u in session.scalars(select(Unit))},
            "campaigns": {c.slug: (c.opens_on, c.closes_on, c.name) for c in session.scalars(select(Campaign))},
            "invitations": session.scalar(select(func.count()).select_from(Invitation)),
            "audit": session.scalar(select(func.count()).select_from(AuditEntry))}


def test_the_scoped_admin_cannot_widen_its_own_scope(scoped, session):
    before = snapshot(session)
    for units in (["AG"], ["AG-LX", "AG-CD"], [], ["AG-LX-MX"]):
        response = scoped.post("/quan-tri/nguoi-dung/ql-lx", {"role": "admin", "unit": units})
        assert response.status_code == 400
        assert "Không thể tự đổi đơn vị phụ trách của chính mình" in scoped.text()
    assert snapshot(session) == before


def test_it_gives_no_scope_beyond_its_own_and_makes_no_province_wide_account(scoped, session):
    before = snapshot(session)
    response = scoped.post("/quan-tri/nguoi-dung/dtv-lx", {"role": "admin", "unit": ["AG-LX-MX", "AG-CD"]})
    assert response.status_code == 400 and OUTSIDE_SCOPE in scoped.text()
    response = scoped.post("/quan-tri/nguoi-dung/dtv-lx", {"role": "admin"})
    assert response.status_code == 400 and "hãy chọn ít nhất một đơn vị trong số đó" in scoped.text()
    for units in ([], ["AG"]):
        response = scoped.post("/quan-tri/tao-nguoi-dung", {"username": "moi", "role": "admin", "unit": units})
        assert response.status_code == 400
    assert snapshot(session) == before


def test_it_manages_accounts_within_its_units(scoped, session):
    response = scoped.post("/quan-tri/nguoi-dung/dtv-lx", {"role": "supervisor", "unit": ["AG-LX"]})
    assert response.status_code == 302
    response = scoped.post("/quan-tri/tao-nguoi-dung", {"username": "moi", "role": "admin", "unit": ["AG-LX-MX"]})
    assert response.status_code == 200
    session.expire_all()
    users = {u.username: (u.role, [x.code for x in u.units]) for u in session.scalars(select(User))}
    assert users["dtv-lx"] == ("supervisor", ["AG-LX"]) and users["moi"] == ("admin", ["AG-LX-MX"])


def test_it_sees_only_the_accounts_within_its_units(scoped):
    scoped.get("/quan-tri/nguoi-dung")
    listed = scoped.text()
    assert "dtv-lx" in listed and "ql-lx" in listed
    assert "dtv-cd" not in listed and "gs-ca-hai" not in listed and "quantri" not in listed
    scoped.get("/quan-tri/tao-nguoi-dung")
    assert '<option value="AG-LX-MX"' in scoped.html and '<option value="AG-CD"' not in scoped.html


@pytest.mark.parametrize("username", ["dtv-cd", "gs-ca-hai", "quantri"])
def test_it_cannot_act_on_accounts_outside_its_units(scoped, session, username):
    before = snapshot(session)
    base = f"/quan-tri/nguoi-dung/{username}"
    assert scoped.get(base).status_code == 403
    assert scoped.post(base, {"role": "surveyor", "unit": ["AG-LX"]}).status_code == 403
    for action in ("vo-hieu-hoa", "kich-hoat", "dat-lai-mat-khau"):
        assert scoped.post(f"{base}/{action}").status_code == 403
    assert snapshot(session) == before
    assert scoped.get("/quan-tri/nguoi-dung/khong-co").status_code == 404


def test_it_sees_and_changes_only_units_within_its_scope(scoped, session):
    scoped.get("/quan-tri/don-vi")
    assert "AG-LX-MX" in scoped.html and "Long Xuyên" in scoped.html
    assert "AG-CD" not in scoped.html and "An Giang" not in scoped.text()
    before = snapshot(session)
    for code in ("AG-CD", "AG"):
        assert scoped.get(f"/quan-tri/don-vi/{code}/ngung-su-dung").status_code == 403
        assert scoped.post(f"/quan-tri/don-vi/{code}/ngung-su-dung").status_code == 403
    assert snapshot(session) == before
    assert scoped.post("/quan-tri/don-vi/AG-LX-MX/ngung-su-dung").status_code == 302
    assert snapshot(session)["units"]["AG-LX-MX"] is False


@pytest.fixture
def campaigns(make_campaign, province, session):
    """One campaign in Long Xuyên, one in Châu Đốc, one over both."""
    made = {"lx": make_campaign("khao-sat-lx", units=[province["AG-LX"], province["AG-LX-MX"]]),
            "cd": make_campaign("khao-sat-cd", units=[province["AG-CD"]], version=None)}
    session.commit()
    made["ca-hai"] = make_campaign("khao-sat-ca-hai", units=[province["AG-LX"], province["AG-CD"]],
                                   version=made["lx"].questionnaire_version)
    session.commit()
    return made


def test_it_sees_only_the_campaigns_within_its_scope(scoped, campaigns):
    scoped.get("/quan-tri/dot-khao-sat")
    assert "khao-sat-lx" in scoped.html
    assert "khao-sat-cd" not in scoped.html and "khao-sat-ca-hai" not in scoped.html
    assert scoped.get("/quan-tri/dot-khao-sat/khao-sat-lx").status_code == 200


@pytest.mark.parametrize("slug", ["khao-sat-cd", "khao-sat-ca-hai"])
def test_it_cannot_act_on_campaigns_outside_its_scope(scoped, campaigns, session, slug):
    before = snapshot(session)
    base = f"/quan-tri/dot-khao-sat/{slug}"
    for page in ("", "/sua", "/mo", "/dong", "/sao-chep", "/thu-moi", "/thu-moi.csv"):
        assert scoped.get(base + page).status_code == 403, page
    for page in ("/sua", "/mo", "/dong", "/sao-chep"):
        assert scoped.post(base + page, {"name": "Đổi tên", "slug": "ban-sao"}).status_code == 403, page
    assert scoped.post(base + "/thu-moi", {"unit": "AG-LX", "codes": "HS-1"}).status_code == 403
    assert snapshot(session) == before


def draft(**changes) -> dict:
    """A draft campaign (no dates) over Long Xuyên."""
    return {"name": "Khảo sát Long Xuyên", "slug": "nhap-lx", "version": "small:1", "opens_on": "", "closes_on": "",
            "channel": ["web"], "min_cell_size": "30", "min_seconds": "60", "unit": ["AG-LX"],
            "quota-AG-LX": "100", "transactions-AG-LX": "", **changes}


def test_its_campaigns_have_only_units_within_its_scope(scoped, campaigns, session):
    scoped.get("/quan-tri/dot-khao-sat/tao")
    assert 'name="quota-AG-LX"' in scoped.html and 'name="quota-AG-CD"' not in scoped.html
    before = snapshot(session)
    response = scoped.post("/quan-tri/dot-khao-sat/tao", draft(unit=["AG-LX", "AG-CD"], **{"quota-AG-CD": "5"}))
    assert response.status_code == 400 and "nằm ngoài phạm vi bạn quản lý: AG-CD" in scoped.text()
    response = scoped.post("/quan-tri/dot-khao-sat/khao-sat-lx/sua", draft(slug="khao-sat-lx", unit=["AG-CD"]))
    assert response.status_code == 400
    assert snapshot(session) == before
    assert scoped.post("/quan-tri/dot-khao-sat/tao", draft()).status_code == 302


@pytest.mark.parametrize("endpoint", sorted(PROVINCE_ONLY))
def test_what_acts_on_the_whole_province_is_refused(app, scoped, endpoint):
    with app.test_request_context():
        rule = next(rule for rule in app.url_map.iter_rules() if rule.endpoint == endpoint)
    url = rule.rule.replace("<int:token_id>", "1").replace("<int:subscription_id>", "1").replace("<slug>", "small")
    method = "GET" if "GET" in rule.methods else "POST"
    assert scoped.client.open(url, method=method, data={"csrf_token": scoped.csrf_token()}).status_code == 403


def test_a_province_wide_admin_still_reaches_everything(staff, make_user, campaigns):
    make_user("quantri", "admin")
    make_user("dtv-cd", "surveyor", units=["AG-CD"])
    staff.sign_in("quantri")
    for url in ("/quan-tri/nguoi-dung/dtv-cd", "/quan-tri/dot-khao-sat/khao-sat-ca-hai", "/quan-tri/nhat-ky",
                "/quan-tri/don-vi/AG/ngung-su-dung"):
        assert staff.get(url).status_code == 200, url
    staff.get("/quan-tri/dot-khao-sat")
    assert "khao-sat-cd" in staff.html and "khao-sat-ca-hai" in staff.html


def test_the_operations_hold_the_rule_too(session, make_user, province):
    actor = make_user("ql-lx", "admin", units=["AG-LX"])
    other = make_user("dtv-lx", "surveyor", units=["AG-LX"])
    with pytest.raises(InvalidInput, match="units outside your scope: AG, AG-CD"):
        set_units(session, other, [province["AG"], province["AG-CD"]], actor)
    with pytest.raises(InvalidInput, match="choose at least one of them"):
        create_user(session, "moi", "analyst", PASSWORD, [], actor=actor)
    with pytest.raises(InvalidInput, match="your own account"):
        set_units(session, actor, [province["AG-LX-MX"]], actor)
    set_units(session, other, [province["AG-CD"]], actor=None)  # the command line acts province-wide
    assert [unit.code for unit in other.units] == ["AG-CD"]


def test_it_is_offered_no_link_to_what_it_may_not_open(scoped):
    scoped.get("/quan-tri/don-vi")
    for url in ("/quan-tri/nhat-ky", "/quan-tri/khoa-api", "/quan-tri/webhook", "/quan-tri/don-vi/nhap"):
        assert f'href="{url}"' not in scoped.html
    assert 'href="/quan-tri/nguoi-dung"' in scoped.html and 'href="/quan-tri/dot-khao-sat"' in scoped.html
    scoped.get("/quan-tri/bang-hoi")
    assert 'href="/quan-tri/bang-hoi/tai-len"' not in scoped.html
