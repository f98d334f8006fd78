"""An agency officer takes back an evidence file of its own unit while its self-assessment may still
change (POST only, with the CSRF token, audited); after submission or the deadline it is refused
with its reason and the file kept; another unit's officer and Home Affairs cannot remove it."""
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from survey.accounts.models import AuditEntry
from survey.par_index.assessments import Evidence
from survey.par_index.scoring import submit
from tests.accounts.conftest import fresh_limits, make_user, new_browser, settings, staff  # noqa: F401 (fixtures)
from tests.clock import TODAY
from tests.par_index.test_scoring_pages import A_PDF, of, post_files, scoring, signed_in, url  # noqa: F401


def with_file(staff, scoring, session):
    """The officer of AG-SNV signed in, having sent one file for f1_1_1; the file's removal address."""
    officer = signed_in(staff, "can-bo-snv")
    assert post_files(officer, url(of(scoring, "AG-SNV"), "/luu"), {"file_f1_1_1": (A_PDF, "ke-hoach.pdf")}
                      ).status_code == 302
    return officer, f"/cham-diem/minh-chung/{session.scalars(select(Evidence.id)).one()}/go"


def files(session):
    session.expire_all()
    return session.scalars(select(Evidence.filename)).all()


def test_the_officer_removes_its_file_before_submitting_and_it_is_audited(scoring, staff, session):
    officer, remove = with_file(staff, scoring, session)
    officer.get(url(of(scoring, "AG-SNV")) + "?lang=en")
    assert "Remove the file ke-hoach.pdf" in officer.html and f'action="{remove}"' in officer.html
    assert officer.get(remove).status_code == 405
    assert officer.post(remove, csrf=False).status_code == 400 and files(session) == ["ke-hoach.pdf"]
    response = officer.post(remove)
    assert response.status_code == 302 and files(session) == []
    officer.get(response.headers["Location"])
    assert "The evidence file has been removed." in officer.text() and "No file." in officer.text()
    entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.action, entry.subject) == ("par_evidence_removed", f"par round {scoring.id} unit AG-SNV")
    assert entry.details["filename"] == "ke-hoach.pdf"
    assert officer.post(remove).status_code == 404


def test_after_submission_or_the_deadline_the_removal_is_refused_and_the_file_kept(scoring, staff, session,
                                                                                    clock_at):
    officer, remove = with_file(staff, scoring, session)
    deadline_night = datetime.combine(TODAY + timedelta(days=10), datetime.min.time()) + timedelta(hours=17)
    clock_at(deadline_night.replace(tzinfo=UTC))
    officer = signed_in(staff, "can-bo-snv")  # the session of ten days ago has ended
    response = officer.post(remove)
    assert response.status_code == 400 and "Đã hết hạn tự đánh giá" in officer.text()
    clock_at(datetime.combine(TODAY, datetime.min.time(), UTC) + timedelta(hours=3))
    submit(session, None, of(scoring, "AG-SNV"))
    session.commit()
    officer = signed_in(staff, "can-bo-snv")
    response = officer.post(remove)
    assert response.status_code == 400 and "đã gửi" in officer.text().lower()
    assert files(session) == ["ke-hoach.pdf"]


def test_only_the_units_own_officer_may_remove(scoring, staff, session, new_browser, make_user):
    _, remove = with_file(staff, scoring, session)
    make_user("can-bo-stc", "agency_officer", units=["AG-STC"])
    for username, status in (("can-bo-stc", 403), ("noi-vu", 403)):
        other = new_browser()
        other.sign_in(username)
        assert other.post(remove).status_code == status
    assert files(session) == ["ke-hoach.pdf"]
