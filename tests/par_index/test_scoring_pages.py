"""The scoring pages (survey.par_scoring) through the test client: an agency officer reads and
changes only its own unit's assessment and only before the deadline; bad input is shown beside
its field with a 400 and nothing is stored; Home Affairs opens rounds, appraises (a change needs a
reason) and finalises; the agency answers once."""
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import stream_encode_multipart

from survey.accounts.models import AuditEntry, User
from survey.par_index.assessments import Assessment, AssessmentValue, Evidence
from survey.par_index.scoring import save_self_assessment, submit
from tests.accounts.conftest import fresh_limits, make_user, new_browser, settings, staff  # noqa: F401 (fixtures)
from tests.clock import TODAY
from tests.par_index.scoring_setup import sample_round
from tests.public.conftest import forget_csrf_token

A_PDF = b"%PDF-1.4\n% the annual plan\n"


@pytest.fixture
def scoring(session, make_unit, make_user):
    """A round (deadline in ten days), an officer of AG-SNV, an analyst of Home Affairs."""
    opened = sample_round(session, make_unit)
    make_user("can-bo-snv", "agency_officer", units=["AG-SNV"])
    make_user("noi-vu", "analyst")
    session.commit()
    return opened


def of(scoring, code) -> Assessment:
    return next(found for found in scoring.assessments if found.unit.code == code)


def url(found, step=""):
    return f"/cham-diem/danh-gia/{found.id}{step}"


def signed_in(staff, username):
    staff.sign_in(username)
    return staff


def post_files(browser, address, fields):
    """Post a form with files encoded in memory (the test client spools a large body to a temporary
    file it never closes)."""
    fields = {"csrf_token": browser.csrf_token(), **{
        name: FileStorage(io.BytesIO(value[0]), value[1]) if isinstance(value, tuple) else value
        for name, value in fields.items()}}
    body, _, boundary = stream_encode_multipart(fields, use_tempfile=False)
    forget_csrf_token()
    response = browser.client.post(address, data=body.read(),
                                   content_type=f'multipart/form-data; boundary="{boundary}"')
    browser.html = response.get_data(as_text=True)
    return response


def stored(session, model):
    return session.scalar(select(func.count()).select_from(model))


def claimed(session):
    """How many self-assessed values are stored (each sub-criterion has its row from the round's opening)."""
    return session.scalar(select(func.count()).select_from(AssessmentValue).where(AssessmentValue.claimed.is_not(None)))


def test_the_officer_sees_and_changes_only_its_own_unit(scoring, staff, session):
    officer = signed_in(staff, "can-bo-snv")
    assert officer.get("/cham-diem/").status_code == 200
    assert "Unit AG-SNV" in officer.text() and "Unit AG-STC" not in officer.text()
    other = of(scoring, "AG-STC")
    assert officer.get(url(other)).status_code == 403
    assert officer.post(url(other, "/luu"), {"value_f1_1_1": "yes"}).status_code == 403
    assert officer.post(url(other, "/gui")).status_code == 403
    assert officer.get(url(other, "/tham-dinh")).status_code == 403
    assert claimed(session) == 0


def test_a_value_outside_its_rule_is_shown_beside_its_field_and_nothing_stored(scoring, staff, session):
    officer, own = signed_in(staff, "can-bo-snv"), of(scoring, "AG-SNV")
    response = officer.post(url(own, "/luu"), {"value_f1_1_1": "yes", "value_f1_1_2": "120", "note_f1_1_1": "KH 12",
                                               "value_f1_4_1": "xuat_sac"})
    assert response.status_code == 400
    assert 'id="err-value_f1_1_2"' in officer.html and 'id="err-value_f1_4_1"' in officer.html
    assert "“120” không hợp lệ: cần một tỷ lệ phần trăm từ 0 đến 100." in officer.text()
    assert "Hãy chọn một mức trong danh sách." in officer.text() and "chua_dat" not in officer.text()
    assert 'value="120"' in officer.html  # what was typed is shown again
    assert claimed(session) == 0
    assert officer.post(url(own, "/luu"), {"value_f1_1_1": "yes", "value_f1_1_2": "90"}).status_code == 302
    session.expire_all()
    assert {v.sub_criterion: v.claimed for v in own.values if v.claimed} == {"f1_1_1": "yes", "f1_1_2": "90"}


@pytest.mark.parametrize(("data", "key_text"), [
    (b"MZ\x90\x00 a program", "không thuộc loại được nhận (PDF, JPEG, PNG, DOCX, XLSX)"),
    (b"%PDF-" + b"x" * (1024 * 1024), "Tệp quá lớn: tối đa 1 MB."),
])
def test_a_refused_evidence_file_stores_nothing_not_even_the_values(scoring, staff, session, settings, data,
                                                                     key_text):
    settings["PAR_EVIDENCE_MAX_MB"] = 1
    officer, own = signed_in(staff, "can-bo-snv"), of(scoring, "AG-SNV")
    response = post_files(officer, url(own, "/luu"), {"value_f1_1_1": "yes", "file_f1_1_1": (data, "plan.pdf")})
    assert response.status_code == 400
    assert key_text in officer.text() and 'id="err-file_f1_1_1"' in officer.html
    assert stored(session, Evidence) == claimed(session) == 0


def test_evidence_is_kept_and_given_back_only_to_its_readers(scoring, staff, session, new_browser, make_user):
    officer, own = signed_in(staff, "can-bo-snv"), of(scoring, "AG-SNV")
    response = post_files(officer, url(own, "/luu"), {"file_f1_1_1": (A_PDF, "ke-hoach.pdf")})
    assert response.status_code == 302
    evidence = session.scalars(select(Evidence)).one()
    officer.get(url(own))
    assert "ke-hoach.pdf (1 KB)" in officer.text() and evidence.sha256[:12] not in officer.html  # no internal code
    download = officer.get(f"/cham-diem/minh-chung/{evidence.id}")
    assert (download.data, download.mimetype) == (A_PDF, "application/pdf")
    assert download.headers["Content-Disposition"] == "attachment; filename*=UTF-8''ke-hoach.pdf"
    make_user("can-bo-stc", "agency_officer", units=["AG-STC"])
    stranger = new_browser()
    stranger.sign_in("can-bo-stc")
    assert stranger.get(f"/cham-diem/minh-chung/{evidence.id}").status_code == 403


def test_after_the_deadline_the_page_is_read_only_and_a_post_refused(scoring, staff, session, clock_at):
    deadline_night = datetime.combine(TODAY + timedelta(days=10), datetime.min.time()) + timedelta(hours=17)
    clock_at(deadline_night.replace(tzinfo=UTC))  # midnight after the deadline in Ho Chi Minh City
    officer, own = signed_in(staff, "can-bo-snv"), of(scoring, "AG-SNV")
    officer.get(url(own))
    assert "Chỉ xem: Đã hết hạn tự đánh giá" in officer.text() and 'name="value_f1_1_1"' not in officer.html
    response = officer.post(url(own, "/luu"), {"value_f1_1_1": "yes"})
    assert response.status_code == 400 and "Đã hết hạn tự đánh giá" in officer.text()
    assert officer.post(url(own, "/gui")).status_code == 400
    assert claimed(session) == 0 and own.status == "self_assessing"


def test_home_affairs_opens_a_round_and_each_problem_is_beside_its_field(scoring, staff, session):
    analyst = signed_in(staff, "noi-vu")
    analyst.get("/cham-diem/dot-moi")
    definition = scoring.definition_id
    response = analyst.post("/cham-diem/dot-moi", {"definition": definition, "year": "2026", "deadline": "31/02/2027"})
    assert response.status_code == 400
    assert 'id="err-deadline"' in analyst.html and "Ngày “31/02/2027” không hợp lệ" in analyst.text()
    analyst.post("/cham-diem/dot-moi", {"definition": definition, "year": " ", "deadline": ""})
    assert "Hãy ghi năm đánh giá." in analyst.text() and "Hãy chọn hạn chót tự đánh giá." in analyst.text()
    assert "“”" not in analyst.text()
    response = analyst.post("/cham-diem/dot-moi", {"definition": definition, "year": "2026", "deadline": "2027-01-31"})
    assert response.status_code == 400 and 'id="err-year"' in analyst.html
    response = analyst.post("/cham-diem/dot-moi", {"definition": definition, "year": "2027", "deadline": "2027-01-31"})
    assert response.status_code == 302 and "done=round_opened" in response.location
    analyst.get(response.location)
    assert "Đợt chấm điểm năm 2027" in analyst.text() and "Đang tự đánh giá" in analyst.text()


def test_a_change_needs_a_reason_the_agency_answers_once_and_final_is_final(scoring, staff, session, new_browser):
    own = of(scoring, "AG-SNV")
    save_self_assessment(session, None, own, {"f1_1_1": ("yes", "")})
    submit(session, None, own)
    session.commit()
    analyst = signed_in(staff, "noi-vu")
    assert analyst.post(url(own, "/tham-dinh"), {"value_f1_1_1": "no"}).status_code == 400
    assert 'id="err-reason_f1_1_1"' in analyst.html and "Hãy ghi lý do khi đổi điểm tự đánh giá." in analyst.text()
    changed = {"value_f1_1_1": "no", "reason_f1_1_1": "Chưa ban hành"}
    assert analyst.post(url(own, "/tham-dinh"), changed).status_code == 302
    officer = new_browser()
    officer.sign_in("can-bo-snv")
    assert officer.post(url(own, "/giai-trinh"), {"answer": "Đã ban hành ngày 3/1."}).status_code == 302
    assert officer.post(url(own, "/giai-trinh"), {"answer": "Lần nữa."}).status_code == 400
    assert "chỉ được giải trình một lần" in officer.text()
    assert analyst.post(url(own, "/chot")).status_code == 302
    assert analyst.post(url(own, "/tham-dinh"), {"value_f1_1_1": "yes"}).status_code == 400
    assert analyst.post(url(own, "/chot")).status_code == 400 and "đã chốt" in analyst.text()
    session.expire_all()
    assert own.status == "final" and own.answer == "Đã ban hành ngày 3/1."
    actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-4:] == ["par_submitted", "par_appraised", "par_answered", "par_finalised"]


def test_an_administrator_creates_an_agency_officer_of_a_unit(scoring, staff, session, make_user):
    make_user("quan-tri", "admin")
    admin = signed_in(staff, "quan-tri")
    admin.get("/quan-tri/tao-nguoi-dung?lang=en")
    assert '<option value="agency_officer">Agency scoring officer</option>' in admin.html
    admin.get("/quan-tri/tao-nguoi-dung?lang=vi")
    assert '<option value="agency_officer">Cán bộ đầu mối chấm điểm của cơ quan</option>' in admin.html
    response = admin.post("/quan-tri/tao-nguoi-dung", {"username": "can-bo-stc", "full_name": "Cán bộ STC",
                                                       "role": "agency_officer", "unit": "AG-STC"})
    assert response.status_code in (200, 302)
    created = session.scalars(select(User).where(User.username == "can-bo-stc")).one()
    assert (created.role, [unit.code for unit in created.units]) == ("agency_officer", ["AG-STC"])


def test_the_page_speaks_the_readers_language_with_the_definitions_labels(scoring, staff):
    officer, own = signed_in(staff, "can-bo-snv"), of(scoring, "AG-SNV")
    officer.get(url(own) + "?lang=en")
    assert "Annual plan issued on time (at most 2 points)" in officer.text()
    assert "Self-assessed value (Yes or No)" in officer.text() and "Ban hành kế hoạch" not in officer.text()
    officer.get(url(own) + "?lang=vi")
    assert "Ban hành kế hoạch năm đúng thời hạn (tối đa 2 điểm)" in officer.text()
    assert "Giá trị tự đánh giá (tỷ lệ phần trăm, từ 0 đến 100)" in officer.text()  # one pair of brackets


def test_a_percentage_is_written_the_readers_way(scoring, staff, session):
    own = of(scoring, "AG-SNV")
    save_self_assessment(session, None, own, {"f1_1_2": ("87,5", "")})
    submit(session, None, own)
    session.commit()
    officer = signed_in(staff, "can-bo-snv")
    officer.get(url(own) + "?lang=vi")
    assert "87,5 %" in officer.text() and "87.5" not in officer.text()
    officer.get(url(own) + "?lang=en")
    assert "87.5 %" in officer.text()
