"""A campaign with answers that stress exports: long names and labels, odd choice values, text that
looks like formulas, commas, quotes, newlines and Vietnamese, don't-know answers and two units."""
import uuid
from datetime import date

import pytest

from survey import clock
from survey.responses.operations import record_response

LONG_NAME = "thoi_gian_cho_doi_tai_bo_phan_mot_cua_cap_huyen_lan_gan_nhat"
LONG_LABEL = ("Ông/bà đánh giá thế nào về thời gian chờ đợi tại bộ phận một cửa cấp huyện trong lần gần nhất "
              "ông/bà đến làm thủ tục hành chính?")
EXPORT_FORM = f"""
form:
  id: export-test
  title: {{vi: "Phiếu thử xuất dữ liệu", en: "Export test form"}}
  languages: [vi, en]
choices:
  age:
    - {{value: "18-34", label: {{vi: "18–34 tuổi", en: "18–34"}}}}
    - {{value: "35-up", label: {{vi: "Từ 35 tuổi", en: "35 and over"}}}}
  sources:
    - {{value: tv, label: {{vi: "Truyền hình", en: "Television"}}}}
    - {{value: web.portal, label: {{vi: "Cổng thông tin", en: "Web portal"}}}}
    - {{value: zalo, label: {{vi: "Zalo", en: "Zalo"}}}}
sections:
  - name: main
    title: {{vi: "Đánh giá", en: "Rating"}}
    questions:
      - {{name: overall, type: satisfaction, required: true, label: {{vi: "Hài lòng chung", en: "Overall"}}}}
      - {{name: age, type: select_one, choices: age, label: {{vi: "Tuổi", en: "Age"}}}}
      - {{name: sources, type: select_multiple, choices: sources, label: {{vi: "Nguồn thông tin", en: "Sources"}}}}
      - name: visits
        type: integer
        label: {{vi: "Số lần đi lại", en: "Visits"}}
        constraint: ". >= 1 and . <= 50"
      - {{name: online, type: yes_no, label: {{vi: "Nộp trực tuyến?", en: "Applied online?"}}}}
      - {{name: {LONG_NAME}, type: satisfaction, label: {{vi: "{LONG_LABEL}", en: "Waiting time"}}}}
      - name: why
        type: text
        relevant: "overall <= 2"
        label: {{vi: "Vì sao?", en: "Why?"}}
"""
TRICKY_TEXTS = ("=HYPERLINK(\"http://x\",\"bấm\")", "+84 912", "-2+3", "@SUM(A1)", "\tTab", "\rCR",
                'Chờ lâu, "rất" lâu\nhai dòng; phí 50.000đ')


@pytest.fixture
def export_form() -> str:
    return EXPORT_FORM


@pytest.fixture
def campaign(session, make_unit, make_version):
    """Two district units (1000 and 3000 transactions) and a department, over EXPORT_FORM."""
    from survey.campaigns.operations import CampaignSpec, Target, create_campaign

    version = make_version(EXPORT_FORM)
    province = make_unit("AG", "province", name="An Giang")
    units = [make_unit("AG-LX", "district", name="Thành phố Long Xuyên", parent=province),
             make_unit("AG-CD", "district", name="Thành phố Châu Đốc", parent=province),
             make_unit("AG-SNV", "department", name="Sở Nội vụ", parent=province)]
    targets = [Target(units[0], 100, 1000), Target(units[1], 100, 3000), Target(units[2], 50, None)]
    spec = CampaignSpec(slug="xuat-thu", name="Xuất thử", version=version, targets=targets,
                        channels=("web", "paper"), opens_on=date(2026, 1, 1), closes_on=date(2099, 1, 1))
    return create_campaign(session, spec)


@pytest.fixture
def respond(session, make_submission):
    """Stores a response of `campaign` about unit `code` with the given answers."""
    from survey.units.models import Unit

    def store(campaign, code, answers, **fields):
        unit = session.query(Unit).filter_by(code=code).one()
        response, _ = record_response(session, make_submission(campaign, answers, unit=unit, key=uuid.uuid4(),
                                                                **fields), clock.today())
        return response

    return store


@pytest.fixture
def answered(campaign, respond):
    """Three responses about AG-LX (one of them dissatisfied with tricky text) and one about AG-CD."""
    made = [
        respond(campaign, "AG-LX", {"overall": "1", "age": "18-34", "sources": "tv zalo", "visits": "3",
                                    "online": "yes", LONG_NAME: "9", "why": TRICKY_TEXTS[0]}),
        respond(campaign, "AG-LX", {"overall": "5", "age": "35-up", "sources": "web.portal", "online": "no",
                                    LONG_NAME: "4"}),
        respond(campaign, "AG-LX", {"overall": "9"}),
        respond(campaign, "AG-CD", {"overall": "2", "why": TRICKY_TEXTS[6], "visits": "12"}),
    ]
    return campaign, made


@pytest.fixture
def set_answer(session):
    """Overwrites a stored answer, as old data or another entry path could have it."""
    from survey.responses.models import Answer

    def overwrite(response, key, value, number=None):
        session.query(Answer).filter_by(response_id=response.id, question_key=key).update(
            {"value": value, "number": number})

    return overwrite
