"""The sample plan page of a campaign: N_h typed or uploaded, the plan shown, then written into
the quotas and N_h after a confirmation (audited); refusals name the field or the row and write
nothing; English on request; only administrators (of the campaign's units)."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from survey.accounts.models import AuditEntry
from tests.admin.test_campaigns_pages import post_multipart, stored, units, version  # noqa: F401 (fixtures)
from tests.clock import TODAY

PAGE = "/quan-tri/dot-khao-sat/sipas-2026/ke-hoach-mau"


@pytest.fixture
def campaign(make_campaign, units, version, session):
    made = make_campaign("sipas-2026", units=units[:2], version=version, opens_on=TODAY + timedelta(days=1))
    session.commit()
    return made


def values(**changes) -> dict:
    return {"margin": "5", "confidence": "95", "eligibility": "80", "response": "70", "allocation": "rule",
            "budget": "", "n-AG-LX": "10000", "n-AG-CD": "100"} | changes


def targets(session) -> dict[str, tuple]:
    return {cu.unit.code: (cu.quota, cu.transactions) for cu in stored(session).units}


def test_the_plan_is_shown_then_written_after_a_confirmation(admin, campaign, session):
    admin.get("/quan-tri/dot-khao-sat/sipas-2026")
    assert f'href="{PAGE}"' in admin.html and "Kế hoạch mẫu" in admin.text()
    assert admin.get(PAGE).status_code == 200 and 'value="1000"' in admin.html  # the N_h the campaign has
    assert admin.post(PAGE, values()).status_code == 200
    text = admin.text()
    assert "Long Xuyên AG-LX 10000 385 385 688 4,9 %" in text and "Châu Đốc AG-CD 100 80 80 100 4,9 %" in text
    assert targets(session) == {"AG-LX": (100, 1000), "AG-CD": (100, 1000)}  # nothing written yet
    response = admin.post(PAGE, values(confirm="1"))
    assert response.status_code == 302 and response.location == "/quan-tri/dot-khao-sat/sipas-2026?saved=1"
    assert targets(session) == {"AG-LX": (385, 10000), "AG-CD": (80, 100)}
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "campaign_updated")).one()
    assert entry.subject == "campaign sipas-2026" and entry.details["sample_plan"]["AG-LX"] == {
        "n": 385, "transactions": 10000}


def test_an_uploaded_units_file_and_a_proportional_budget(admin, campaign, session):
    post_multipart(admin, PAGE, values(allocation="proportional", budget="300") | {
        "units_file": (b"unit_code,transactions\nAG-LX,2000\nAG-CD,1000\n", "units.csv")})
    assert "Long Xuyên AG-LX 2000 334 200 358" in admin.text() and "Châu Đốc AG-CD 1000 286 100 179" in admin.text()
    assert 'name="n-AG-LX" value="2000"' in admin.html  # the confirmation posts the file's numbers


@pytest.mark.parametrize("changes, message", [
    ({"margin": "150"}, "Sai số: phải lớn hơn 0 và nhỏ hơn 100 %"),
    ({"n-AG-CD": ""}, "Dòng 1, đơn vị AG-CD: chưa có số giao dịch N_h"),
    ({"n-AG-LX": "-3"}, "Dòng 2, đơn vị AG-LX: số giao dịch “-3” phải là số nguyên"),
    ({"allocation": "equal"}, "Tổng cỡ mẫu: bắt buộc với cách phân bổ equal"),
    ({"budget": "100"}, "Tổng cỡ mẫu 100 quá nhỏ: theo công thức của Bộ cần 465 người trả lời"),
])
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_written(admin, campaign, session, changes, message):
    assert admin.post(PAGE, values(confirm="1", **changes)).status_code == 400
    assert message in admin.text() and 'class="field-error"' in admin.html
    assert targets(session) == {"AG-LX": (100, 1000), "AG-CD": (100, 1000)}


def test_a_units_file_naming_a_unit_outside_the_campaign_names_its_row(admin, campaign, session):
    response = post_multipart(admin, PAGE, values(confirm="1") | {
        "units_file": (b"unit_code,transactions\nAG-LX,2000\nAG-SNV,10\nAG-LX,5\n", "units.csv")})
    assert response.status_code == 400
    assert "Dòng 3: đơn vị “AG-SNV” không thuộc đợt khảo sát này" in admin.text()
    assert "Dòng 4: đơn vị “AG-LX” đã có ở dòng 2" in admin.text()
    assert targets(session) == {"AG-LX": (100, 1000), "AG-CD": (100, 1000)}


def test_in_english(admin, campaign):
    admin.get("/?lang=en")
    admin.post(PAGE, values(margin="abc"))
    assert "Sample plan" in admin.text() and "margin: must be above 0 and below 1" in admin.text()
    assert "Sai số" not in admin.text()


def test_non_administrators_are_refused(staff, make_user, campaign):
    make_user("giamsat", "supervisor")
    staff.sign_in("giamsat")
    assert staff.get(PAGE).status_code == 403
