"""The campaign pages: list with computed state, create and edit (units with quota and N_h typed or
uploaded, strata), refusals that write nothing, open and close early, cloning, the audit log."""
import io
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from survey.accounts.models import AuditEntry
from survey.campaigns.models import Campaign, Quota
from survey.responses.operations import record_response
from tests.clock import TODAY
from tests.public.conftest import forget_csrf_token


@pytest.fixture
def units(make_unit, session):
    """A province with two districts and a department, committed."""
    province = make_unit("AG", "province", name="An Giang")
    made = [make_unit("AG-LX", "district", "Long Xuyên", province),
            make_unit("AG-CD", "district", "Châu Đốc", province),
            make_unit("AG-SNV", "department", "Sở Nội vụ", province)]
    session.commit()
    return made


@pytest.fixture
def version(make_version, session):
    made = make_version()
    session.commit()
    return made


def form(**changes) -> dict:
    """A valid creation form: two units, one with a stratum quota."""
    data = {"name": "Khảo sát SIPAS 2026", "slug": "sipas-2026", "version": "small:1",
            "opens_on": str(TODAY), "closes_on": str(TODAY + timedelta(days=30)), "channel": ["web", "paper"],
            "min_cell_size": "25", "unit": ["AG-LX", "AG-CD"], "quota-AG-LX": "120", "transactions-AG-LX": "5400",
            "quota-AG-CD": "80", "transactions-AG-CD": "", "quota-AG-SNV": "", "transactions-AG-SNV": "",
            "stratum_unit": ["AG-LX", ""], "stratum_question": ["sex", ""], "stratum_value": ["female", ""],
            "stratum_target": ["60", ""]}
    data.update(changes)
    return data


def post_multipart(browser, url: str, fields: dict):
    """Post a form with files as a browser does, encoded in memory: the test client would spool a
    large body to a temporary file that it never closes."""
    fields = {"csrf_token": browser.csrf_token(), **{
        name: FileStorage(io.BytesIO(value[0]), value[1]) if isinstance(value, tuple) else value
        for name, value in fields.items()}}
    body, _, boundary = stream_encode_multipart(fields, use_tempfile=False)
    forget_csrf_token()
    content_type = f'multipart/form-data; boundary="{boundary}"'
    response = browser.client.post(url, data=body.getvalue(), content_type=content_type)
    browser.html = response.get_data(as_text=True)
    return response


def stored(session, slug="sipas-2026") -> Campaign | None:
    session.expire_all()
    return session.scalar(select(Campaign).where(Campaign.slug == slug))


def audit_actions(session) -> list[tuple[str, str]]:
    """The audit entries about campaigns (signing in the administrator writes others)."""
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("campaign%")).order_by(AuditEntry.id))
    return [(e.action, e.subject) for e in entries]


def test_creating_a_campaign_with_quotas_strata_and_n_h(admin, units, version, session):
    page = admin.get("/quan-tri/dot-khao-sat/tao")
    assert page.status_code == 200 and 'name="quota-AG-LX"' in admin.html and '<option value="small:1"' in admin.html
    response = admin.post("/quan-tri/dot-khao-sat/tao", form())
    assert response.status_code == 302 and response.location == "/quan-tri/dot-khao-sat/sipas-2026?saved=1"
    campaign = stored(session)
    assert campaign.channel_names == ["paper", "web"] and campaign.min_cell_size == 25
    assert sorted((cu.unit.code, cu.quota, cu.transactions) for cu in campaign.units) == [
        ("AG-CD", 80, None), ("AG-LX", 120, 5400)]
    assert [(q.question_key, q.value, q.target) for q in session.scalars(select(Quota))] == [("sex", "female", 60)]
    assert audit_actions(session)[-1] == ("campaign_created", "campaign sipas-2026")
    admin.get(response.location)
    assert "Đang mở" in admin.text() and "sex=female : 60" in admin.text()
    assert "/k/sipas-2026/AG-LX/ap-phich" in admin.html
    assert 'href="/in-phieu/sipas-2026"' in admin.html  # the campaign takes paper: its printable form
    assert admin.get("/in-phieu/sipas-2026").status_code == 200
    admin.get("/quan-tri/dot-khao-sat")
    assert "Khảo sát SIPAS 2026 sipas-2026 Đang mở" in admin.text()


def test_a_refused_campaign_names_each_field_and_writes_nothing(admin, units, version, session):
    bad = form(name=" ", slug="SIPAS 2026", version="small:9", opens_on="31/02/2026", channel=[],
               **{"quota-AG-LX": "-3", "transactions-AG-CD": "nhiều"},
               stratum_unit=["AG-SNV", "AG-LX"], stratum_question=["sex", ""], stratum_value=["male", ""],
               stratum_target=["5", "7"])
    assert admin.post("/quan-tri/dot-khao-sat/tao", bad).status_code == 400
    text = admin.text()
    assert "Chọn một phiên bản bảng hỏi đã công bố." in text
    assert "“31/02/2026” không phải là ngày" in text and "“-3” không phải là số nguyên" in text
    assert "“nhiều” không phải là số nguyên" in text
    assert "đơn vị “AG-SNV” chưa được chọn" in text and "Dòng chỉ tiêu nhóm 2: cần đủ" in text
    assert 'value="SIPAS 2026"' in admin.html and 'name="quota-AG-LX" value="-3"' in admin.html
    good_fields = form(name=" ", slug="SIPAS 2026", channel=[])
    assert admin.post("/quan-tri/dot-khao-sat/tao", good_fields).status_code == 400
    assert "Mã đợt “SIPAS 2026”: chỉ gồm chữ thường không dấu" in admin.text()
    assert '<p class="field-error">Tên đợt khảo sát: chưa nhập tên</p>' in admin.html  # next to its field too
    assert '<p class="field-error">Hình thức thu thập: chọn ít nhất một hình thức</p>' in admin.html
    assert admin.post("/quan-tri/dot-khao-sat/tao", form(stratum_value=["robot", ""])).status_code == 400
    assert "Chỉ tiêu nhóm AG-LX sex=robot: “robot” không phải là lựa chọn của câu hỏi “sex”" in admin.text()
    assert admin.post("/quan-tri/dot-khao-sat/tao", {}).status_code == 400
    assert session.scalar(select(func.count()).select_from(Campaign)) == 0 and audit_actions(session) == []


def test_a_refusal_is_in_the_language_of_the_page(admin, units, version, make_campaign, session):
    make_campaign("sipas-2025", units=units[:1], version=version)
    session.commit()
    taken = form(slug="sipas-2025", opens_on="2026-12-01", closes_on="2026-11-01")
    assert admin.post("/quan-tri/dot-khao-sat/tao", taken).status_code == 400
    text = admin.text()
    assert "Đã có đợt khảo sát mang mã “sipas-2025”" in text
    assert "Thời gian khảo sát: ngày đóng 01/11/2026 trước ngày mở 01/12/2026" in text
    assert '<p class="field-error">Đã có đợt khảo sát mang mã “sipas-2025”</p>' in admin.html  # next to the slug
    assert "already exists" not in text and "before it opens" not in text
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2025/mo", {"closes_on": "2020-01-01"}).status_code == 400
    assert "Đợt khảo sát “sipas-2025” đang mở rồi" in admin.text()
    assert f"Ngày đóng: chọn một ngày từ {TODAY:%d/%m/%Y} trở đi" in admin.text()
    admin.get("/quan-tri/dot-khao-sat?lang=en")
    assert admin.post("/quan-tri/dot-khao-sat/tao", taken).status_code == 400
    text = admin.text()
    assert "campaign 'sipas-2025' already exists" in text
    assert "dates: closes 2026-11-01 before it opens 2026-12-01" in text
    assert "Đã có" not in text and "ngày đóng" not in text
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2025/mo", {"closes_on": "2020-01-01"}).status_code == 400
    assert "campaign 'sipas-2025' is already open" in admin.text()
    assert f"closes_on: give a closing date from {TODAY} on" in admin.text()
    assert stored(session) is None


def test_targets_come_from_an_uploaded_csv(admin, units, version, session):
    csv = "unit_code,quota,transactions\nAG-CD,70,3000\nAG-SNV,40,\n".encode("utf-8-sig")
    data = form(unit=["AG-LX"], stratum_unit=[""], stratum_question=[""], stratum_value=[""], stratum_target=[""],
                targets=(io.BytesIO(csv), "chi-tieu.csv"))
    assert admin.post("/quan-tri/dot-khao-sat/tao", data).status_code == 302
    assert sorted((cu.unit.code, cu.quota, cu.transactions) for cu in stored(session).units) == [
        ("AG-CD", 70, 3000), ("AG-LX", 120, 5400), ("AG-SNV", 40, None)]


@pytest.mark.parametrize("name, content, message", [
    ("chi-tieu.xlsx", b"PK\x03\x04", "không phải tệp .csv hay .txt"),
    ("chi-tieu.csv", b"PK\x03\x04\x00\x00binary", "không phải là văn bản"),
    ("chi-tieu.csv", "unit_code,quota\nAG-LX,5\n".encode("utf-16"), "không phải là văn bản"),
    ("chi-tieu.csv", b"unit_code,quota\nAG-LX,5\n" + "Long Xuyên".encode("cp1258"), "không mã hoá UTF-8"),
    ("chi-tieu.csv", b"ma_don_vi,chi_tieu\nAG-LX,5\n", "Dòng 1: cột “ma_don_vi” không thuộc mẫu tệp chỉ tiêu"),
    ("chi-tieu.csv", b"unit_code,quota\nAG-XX,5\nAG-LX,nam\nAG-LX,6\n",
     "Dòng 2, cột unit_code: không có đơn vị mã “AG-XX”"),
    ("chi-tieu.csv", b"unit_code,quota\nAG-LX,nam\n", "Dòng 2, cột quota: “nam” không phải là số nguyên"),
    ("chi-tieu.csv", b"unit_code,quota\nAG-LX,5\nAG-LX,6\n", "Dòng 3, cột unit_code: mã “AG-LX” trùng với dòng 2"),
    ("chi-tieu.csv", b"unit_code,quota\n", "Tệp không có đơn vị nào"),
    ("chi-tieu.csv", b'unit_code,quota\nAG-LX,"' + b"9" * 200_000 + b'"\n', "field larger than field limit"),
])
def test_a_bad_targets_file_is_refused_with_its_rows(admin, units, version, session, name, content, message):
    assert admin.post("/quan-tri/dot-khao-sat/tao", form(targets=(io.BytesIO(content), name))).status_code == 400
    assert message in admin.text()
    assert stored(session) is None


def test_a_ten_megabyte_targets_file_is_refused(admin, units, version, session):
    big = b"unit_code,quota\n" + b"AG-LX,1\n" * (10 * 1024 * 1024 // 8)
    response = post_multipart(admin, "/quan-tri/dot-khao-sat/tao", form(targets=(big, "chi-tieu.csv")))
    assert response.status_code == 413 and stored(session) is None


def test_editing_a_campaign_and_what_responses_protect(admin, units, version, make_version, make_campaign,
                                                       make_submission, session):
    campaign = make_campaign("sipas-2026", units=units[:2], version=version)
    record_response(session, make_submission(campaign, unit=units[0]), TODAY)
    newer = make_version(SMALLER)
    session.commit()
    admin.get("/quan-tri/dot-khao-sat/sipas-2026/sua")
    assert 'name="quota-AG-LX" value="100"' in admin.html and '<option value="small:1" selected>' in admin.html
    refused = form(slug="sipas-2026", version=f"small:{newer.number}", unit=["AG-CD"], channel=["paper"],
                   stratum_unit=[""], stratum_question=[""], stratum_value=[""], stratum_target=[""])
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2026/sua", refused).status_code == 400
    text = admin.text()
    assert "Phiên bản bảng hỏi: đợt khảo sát đã có 1 phiếu trả lời theo small v1; không thể đổi phiên bản" in text
    assert "Đơn vị “AG-LX” đã có 1 phiếu trả lời và 0 thư mời; không thể bỏ đơn vị này" in text
    assert "Hình thức thu thập “web” đã có 1 phiếu trả lời; không thể bỏ hình thức này" in text
    assert stored(session).name == "Campaign sipas-2026"
    accepted = form(slug="sipas-2026", name="SIPAS 2026 (sửa)", unit=["AG-LX", "AG-SNV"], channel=["web"],
                    **{"quota-AG-LX": "150", "quota-AG-SNV": "30"})
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2026/sua", accepted).status_code == 302
    campaign = stored(session)
    assert campaign.name == "SIPAS 2026 (sửa)" and campaign.channel_names == ["web"]
    assert sorted((cu.unit.code, cu.quota) for cu in campaign.units) == [("AG-LX", 150), ("AG-SNV", 30)]
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "campaign_updated")).one()
    assert entry.subject == "campaign sipas-2026" and "units" in entry.details["changed"]


def test_the_shortest_plausible_interview_is_set_per_campaign(admin, units, version, make_campaign, session):
    make_campaign("sipas-2026", units=units[:2], version=version)
    session.commit()
    admin.get("/quan-tri/dot-khao-sat/sipas-2026/sua")
    assert 'name="min_seconds" type="text" value="60"' in admin.html
    for typed, message in (("5000", "Thời gian trả lời tối thiểu: từ 0 đến 3600 giây"),
                           ("nửa phút", "“nửa phút” không phải là số nguyên")):
        assert admin.post("/quan-tri/dot-khao-sat/sipas-2026/sua", form(min_seconds=typed)).status_code == 400
        assert f'<p class="field-error">{message}' in admin.html  # next to its field
    assert stored(session).min_seconds == 60
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2026/sua", form(min_seconds="20")).status_code == 302
    assert stored(session).min_seconds == 20
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "campaign_updated")).one()
    assert "min_seconds" in entry.details["changed"]
    admin.get("/quan-tri/dot-khao-sat/sipas-2026")
    assert "Thời gian trả lời tối thiểu" in admin.text() and "20 giây" in admin.text()


SMALLER = """
form: {id: small, title: {vi: "Phiếu nhỏ", en: "Small form"}, languages: [vi, en]}
sections:
  - name: main
    title: {vi: "Đánh giá", en: "Rating"}
    questions:
      - {name: overall, type: satisfaction, required: true, label: {vi: "Hài lòng chung", en: "Overall"}}
"""


def test_opening_and_closing_early_after_a_confirmation(admin, units, version, make_campaign, session):
    make_campaign("sipas-2026", units=units[:1], version=version, opens_on=TODAY + timedelta(days=10),
                  closes_on=TODAY + timedelta(days=40))
    session.commit()
    assert admin.get("/quan-tri/dot-khao-sat/sipas-2026/mo").status_code == 200
    assert "Mở “Campaign sipas-2026” ngay?" in admin.text() and str(TODAY + timedelta(days=40)) in admin.html
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2026/mo", {"closes_on": "hôm qua"}).status_code == 400
    assert stored(session).opens_on == TODAY + timedelta(days=10)
    response = admin.post("/quan-tri/dot-khao-sat/sipas-2026/mo", {"closes_on": str(TODAY + timedelta(days=5))})
    assert response.location == "/quan-tri/dot-khao-sat/sipas-2026?opened=1"
    campaign = stored(session)
    assert (campaign.opens_on, campaign.closes_on) == (TODAY, TODAY + timedelta(days=5))
    assert campaign.state_on(TODAY) == "open"
    assert admin.get("/quan-tri/dot-khao-sat/sipas-2026/dong").status_code == 200 and "Đóng sớm" in admin.text()
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2026/dong").status_code == 302
    assert stored(session).state_on(TODAY) == "closed"
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2026/dong").status_code == 400
    assert "Đợt khảo sát “sipas-2026” hiện không mở" in admin.text()
    assert [a for a, _ in audit_actions(session)] == ["campaign_opened", "campaign_closed"]


def test_cloning_last_years_campaign(admin, units, version, make_version, make_campaign, session):
    from survey.campaigns.operations import set_stratum_quota

    old = make_campaign("sipas-2025", units=units, version=version, double_entry=True)
    old.min_seconds = 25
    set_stratum_quota(session, old, units[0], "sex", "male", 40)
    units[2].active = False
    make_version(SMALLER)
    session.commit()
    assert admin.get("/quan-tri/dot-khao-sat/sipas-2025/sao-chep").status_code == 200
    assert "small v2" in admin.text()
    data = {"name": "SIPAS 2026", "slug": "sipas-2026", "opens_on": "01/03/2026", "closes_on": "2026-04-30",
            "newest": "1"}
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2025/sao-chep", data).status_code == 200
    assert "Đơn vị “AG-SNV” đã ngừng sử dụng" in admin.text()
    assert "Chỉ tiêu nhóm AG-LX sex=male: không có trong bảng hỏi small v2" in admin.text()
    clone = stored(session, "sipas-2026")
    assert clone.questionnaire_version.number == 2 and clone.double_entry and clone.opens_on == date(2026, 3, 1)
    assert clone.min_seconds == 25
    assert sorted((cu.unit.code, cu.quota, cu.transactions) for cu in clone.units) == [
        ("AG-CD", 100, 1000), ("AG-LX", 100, 1000)]
    assert admin.post("/quan-tri/dot-khao-sat/sipas-2025/sao-chep", data).status_code == 400
    assert "Đã có đợt khảo sát mang mã “sipas-2026”" in admin.text()
    assert audit_actions(session)[-1] == ("campaign_cloned", "campaign sipas-2026")


def test_non_administrators_are_refused(staff, make_user, units, version, make_campaign, session):
    make_campaign("sipas-2026", units=units[:1], version=version)
    make_user("giamsat", "supervisor")
    staff.sign_in("giamsat")
    assert staff.get("/quan-tri/dot-khao-sat/tao").status_code == 403
    assert staff.post("/quan-tri/dot-khao-sat/tao", form()).status_code == 403
    assert staff.post("/quan-tri/dot-khao-sat/sipas-2026/dong").status_code == 403
    assert stored(session).state_on(TODAY) == "open"


def test_a_problem_of_the_operation_goes_next_to_the_field_it_names():
    from survey.admin.campaigns.form import blank_form, place_problems
    from survey.campaigns.messages import CATALOGUE

    form = blank_form()
    place_problems(form, [CATALOGUE.problem("name_required", "name"), CATALOGUE.problem("not_open")])
    assert form.errors == {"name": [CATALOGUE.problem("name_required", "name")]}
