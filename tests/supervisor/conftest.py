"""A campaign over two districts with a form of nine satisfaction items (so that straight-lining
can be seen), a question offering "không biết" and a stratum question; builders for responses
with chosen channel, status, timing and keyer; staff browsers (from tests/accounts)."""
import uuid
from datetime import timedelta

import pytest

from survey import clock
from survey.campaigns.operations import set_stratum_quota
from survey.responses.operations import Submission, record_response
from tests.accounts.conftest import PASSWORD, Staff, fresh_limits, make_user  # noqa: F401 (fixtures)

ITEMS = [f"hl_{n}" for n in range(1, 10)]
REVIEW_FORM = """
form:
  id: review
  title: {vi: "Phiếu duyệt", en: "Review form"}
  languages: [vi, en]
choices:
  sex:
    - {value: male, label: {vi: Nam, en: Male}}
    - {value: female, label: {vi: Nữ, en: Female}}
  posted:
    - {value: co, label: {vi: Có, en: "Yes"}}
    - {value: khong, label: {vi: Không, en: "No"}}
    - {value: khong_biet, label: {vi: Không biết, en: "Don't know"}}
sections:
  - name: main
    title: {vi: "Đánh giá", en: "Rating"}
    questions:
      - {name: sex, type: select_one, choices: sex, required: true, label: {vi: "Giới tính", en: "Sex"}}
      - {name: posted, type: select_one, choices: posted, label: {vi: "Có niêm yết không?", en: "Posted?"}}
""" + "".join(f"""      - {{name: {item}, type: satisfaction,
         label: {{vi: "Mức hài lòng {item}", en: "Satisfaction {item}"}}}}
""" for item in ITEMS) + """      - name: visits
        type: integer
        label: {vi: "Số lần đi lại", en: "Visits"}
        constraint: ". >= 1 and . <= 50"
      - {name: why, type: text, relevant: "hl_1 <= 2", label: {vi: "Vì sao?", en: "Why?"}}
"""
VARIED = {"sex": "male", "posted": "co", **{item: str(1 + n % 5) for n, item in enumerate(ITEMS)}, "visits": "2",
          "why": "Chờ lâu"}
"""An answer set no rule flags (hl_1 = 1, so 'why' is asked)."""


@pytest.fixture
def campaign(session, make_unit, make_version, make_campaign):
    """'giam-sat': districts AG-LX (quota 10, strata male 4 / female 6) and AG-CD (quota 5),
    web, paper and interviewer."""
    lx, cd = make_unit("AG-LX", name="Long Xuyên"), make_unit("AG-CD", name="Châu Đốc")
    campaign = make_campaign("giam-sat", units=[lx, cd], channels=("web", "paper", "interviewer"),
                             version=make_version(REVIEW_FORM), opens_on=clock.today() - timedelta(days=20))
    campaign.units[0].quota, campaign.units[1].quota = 10, 5
    set_stratum_quota(session, campaign, lx, "sex", "male", 4)
    set_stratum_quota(session, campaign, lx, "sex", "female", 6)
    session.commit()
    return campaign


@pytest.fixture
def respond(session, campaign):
    """Stores a response: `respond(unit_code, answers=VARIED, channel='web', seconds=600, ...)`;
    `status`, `flag`, `page_seconds` and `days_ago` are set on the stored row."""
    units = {target.unit.code: target.unit for target in campaign.units}
    serials = iter(range(1, 10_000))

    def build(code="AG-LX", answers=None, channel="web", seconds=600, status="submitted", flag=None,
              page_seconds=None, days_ago=0, serial=None, entered_by=None):
        submitted = clock.now() - timedelta(days=days_ago)
        if channel == "paper" and serial is None:
            serial = f"P-{next(serials)}"
        response, _ = record_response(session, Submission(
            uuid=uuid.uuid4(), campaign=campaign, unit=units[code], channel=channel,
            started_at=submitted - timedelta(seconds=seconds), submitted_at=submitted,
            answers=dict(VARIED if answers is None else answers), paper_serial=serial, entered_by=entered_by),
            clock.today())
        response.status, response.flag, response.page_seconds = status, flag, page_seconds
        response.rejection_reason = "lý do" if status == "rejected" else None
        session.commit()
        return response

    return build


def signed_in(app, make_user, username: str, role: str, units=()) -> Staff:
    """A browser signed in as a new account."""
    make_user(username, role, units=units)
    browser = Staff(app.test_client())
    browser.sign_in(username)
    return browser
