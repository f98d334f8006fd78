"""After a new version of a questionnaire is published, the campaigns left on older versions are
listed on the questionnaires page: one without responses moves in one step, one with responses stays
and the page says why; a copy of a campaign is offered the newest version."""
from sqlalchemy import select

from survey.accounts.models import AuditEntry
from survey.campaigns.operations import set_stratum_quota
from survey.responses.operations import record_response
from tests.admin.test_campaigns_pages import SMALLER, stored, units, version  # noqa: F401 (fixtures)
from tests.admin.test_scoped_admin import province, scoped  # noqa: F401 (fixtures)
from tests.clock import TODAY

RELABELLED = SMALLER.replace("Hài lòng chung", "Mức độ hài lòng chung")


def two_campaigns(units, version, make_version, make_campaign, make_submission, session):
    """'answered' has a response to v1, 'fresh' has none; then v2 is published."""
    answered = make_campaign("answered", units=units[:1], version=version)
    record_response(session, make_submission(answered, unit=units[0]), TODAY)
    make_campaign("fresh", units=units[:1], version=version)
    make_version(RELABELLED)
    session.commit()


def test_the_campaigns_behind_are_listed_and_one_without_responses_moves(admin, units, version, make_version,
                                                                          make_campaign, make_submission, session):
    two_campaigns(units, version, make_version, make_campaign, make_submission, session)
    admin.get("/quan-tri/bang-hoi?cong-bo=small")
    text = admin.text()
    assert "Đợt khảo sát chưa dùng phiên bản mới nhất small v2" in text
    assert "Giữ small v1: đợt khảo sát đã có 1 phiếu trả lời theo phiên bản này" in text
    assert admin.html.count("Chuyển sang small v2") == 1
    assert '/quan-tri/dot-khao-sat/fresh/phien-ban-moi-nhat' in admin.html
    response = admin.post("/quan-tri/dot-khao-sat/fresh/phien-ban-moi-nhat")
    assert response.status_code == 302 and response.location == "/quan-tri/bang-hoi?chuyen=fresh#q-small"
    session.expire_all()
    assert stored(session, "fresh").questionnaire_version.number == 2
    assert stored(session, "answered").questionnaire_version.number == 1
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "campaign_version_moved")).one()
    assert (entry.subject, entry.details["version_before"], entry.details["version"]) == (
        "campaign fresh", "small v1", "small v2")
    admin.get("/quan-tri/nhat-ky")
    assert "Chuyển đợt khảo sát sang phiên bản bảng hỏi mới nhất campaign fresh" in admin.text()
    assert "small v1 → small v2" in admin.text()
    admin.get(response.location)
    assert "Đã chuyển đợt khảo sát “Campaign fresh” sang phiên bản mới nhất." in admin.text()
    assert "/quan-tri/dot-khao-sat/fresh/phien-ban-moi-nhat" not in admin.html


def test_the_campaign_page_offers_the_move_or_says_why_not(admin, units, version, make_version, make_campaign,
                                                           make_submission, session):
    two_campaigns(units, version, make_version, make_campaign, make_submission, session)
    admin.get("/quan-tri/dot-khao-sat/fresh")
    assert "Bảng hỏi đã có phiên bản mới hơn: small v2." in admin.text() and "Chuyển sang small v2" in admin.text()
    admin.get("/quan-tri/dot-khao-sat/answered")
    assert "Giữ small v1: đợt khảo sát đã có 1 phiếu trả lời" in admin.text()
    assert "Chuyển sang small v2" not in admin.text()


def test_a_campaign_with_responses_is_refused_and_stays(admin, units, version, make_version, make_campaign,
                                                        make_submission, session):
    two_campaigns(units, version, make_version, make_campaign, make_submission, session)
    assert admin.post("/quan-tri/dot-khao-sat/answered/phien-ban-moi-nhat").status_code == 400
    assert "đợt khảo sát đã có 1 phiếu trả lời theo small v1; không thể đổi phiên bản" in admin.text()
    session.expire_all()
    assert stored(session, "answered").questionnaire_version.number == 1
    assert not session.scalars(select(AuditEntry).where(AuditEntry.action == "campaign_version_moved")).all()


def test_a_stratum_the_new_version_lacks_keeps_the_campaign_where_it_is(admin, units, version, make_version,
                                                                        make_campaign, session):
    campaign = make_campaign("fresh", units=units[:1], version=version)
    set_stratum_quota(session, campaign, units[0], "sex", "male", 40)
    make_version(RELABELLED)  # no question 'sex'
    session.commit()
    assert admin.post("/quan-tri/dot-khao-sat/fresh/phien-ban-moi-nhat").status_code == 400
    assert "Chỉ tiêu nhóm AG-LX sex=male" in admin.text()
    session.expire_all()
    assert stored(session, "fresh").questionnaire_version.number == 1


def test_a_scoped_administrator_moves_only_campaigns_of_its_scope(scoped, province, make_version, make_campaign,
                                                                   session):
    old = make_version()
    make_campaign("chau-doc", units=[province["AG-CD"]], version=old)
    make_campaign("long-xuyen", units=[province["AG-LX"]], version=old)
    make_version(RELABELLED)
    session.commit()
    scoped.get("/quan-tri/bang-hoi")
    assert "Campaign long-xuyen" in scoped.text() and "Campaign chau-doc" not in scoped.text()
    assert scoped.post("/quan-tri/dot-khao-sat/chau-doc/phien-ban-moi-nhat").status_code == 403
    session.expire_all()
    assert stored(session, "chau-doc").questionnaire_version.number == 1


def test_a_copy_is_offered_the_newest_version_by_default(admin, units, version, make_version, make_campaign,
                                                         session):
    make_campaign("sipas-2025", units=units[:1], version=version)
    make_version(RELABELLED)
    session.commit()
    admin.get("/quan-tri/dot-khao-sat/sipas-2025/sao-chep")
    assert '<input type="radio" name="newest" value="1" checked>' in admin.html
    assert '<input type="radio" name="newest" value="0">' in admin.html
    assert "Giữ phiên bản small v1 của đợt gốc" in admin.text()
    data = {"name": "SIPAS 2026", "slug": "sipas-2026", "opens_on": "01/03/2026", "closes_on": "2026-04-30"}
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2025/sao-chep", data | {"newest": "0"}).status_code == 200
    assert stored(session, "sipas-2026").questionnaire_version.number == 1  # kept when asked
