"""A save whose body is over Flask's MAX_CONTENT_LENGTH: the officer's assessment page again with a
413, the limit said beside its first file field in the reader's language, nothing stored; anyone
else gets the generic 413 page."""
from sqlalchemy import func, select

from survey.par_index.assessments import Evidence
from tests.accounts.conftest import fresh_limits, make_user, new_browser, settings, staff  # noqa: F401 (fixtures)
from tests.par_index.test_scoring_pages import claimed, of, post_files, scoring, signed_in, url  # noqa: F401

OVER = b"%PDF-1.4\n" + b"x" * (1024 * 1024 + 10)
"""A PDF just over 1 MB: within the evidence limit below, over the body limit below."""


def sent(officer, scoring):
    fields = {"value_f1_1_1": "yes", "file_f1_1_2": (OVER, "a.pdf")}
    return post_files(officer, url(of(scoring, "AG-SNV"), "/luu"), fields)


def test_a_body_over_the_limit_shows_the_page_again_with_the_limit_beside_the_file_field(scoring, staff, session,
                                                                                         settings, make_user):
    settings["MAX_CONTENT_LENGTH"], settings["PAR_EVIDENCE_MAX_MB"] = 1024 * 1024, 2
    officer = signed_in(staff, "can-bo-snv")
    response = sent(officer, scoring)
    assert response.status_code == 413 and 'id="err-file_f1_1_1"' in officer.html
    assert "Các tệp gửi cùng một lần vượt quá 1 MB nên chưa lưu gì" in officer.text()
    assert 'name="file_f1_1_1"' in officer.html  # the form, to send again
    officer.get(url(of(scoring, "AG-SNV")) + "?lang=en")
    assert sent(officer, scoring).status_code == 413
    assert "The files sent at once are over 1 MB in all, so nothing was saved" in officer.text()
    assert "(each at most 2 MB)" in officer.text()
    assert session.scalar(select(func.count()).select_from(Evidence)) == claimed(session) == 0
    make_user("can-bo-stc", "agency_officer", units=["AG-STC"])
    stranger = signed_in(staff, "can-bo-stc")  # another unit's officer: the generic page, not the unit's form
    assert sent(stranger, scoring).status_code == 413
    assert "Unit AG-SNV" not in stranger.text() and 'name="file_f1_1_1"' not in stranger.html
