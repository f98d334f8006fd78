"""Background exports: asked for on the analysis pages, run by `flask exports work` (or a thread of
the web process), followed by a JSON status, downloaded by their owner or an administrator only;
claims that cannot be taken twice, dead workers' jobs recovered, old files purged."""
import csv
import io
import logging
import re
import time
from datetime import timedelta

import pytest

from survey.db import utcnow
from survey.exports import jobs
from survey.exports.failures import said
from survey.exports.models import ExportJob
from tests.accounts.conftest import Staff, fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.exports.conftest import LONG_NAME

PAGE = "/phan-tich/xuat-du-lieu"


@pytest.fixture(autouse=True)
def folder(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "EXPORT_FOLDER", str(tmp_path / "exports"))
    return tmp_path / "exports"


@pytest.fixture
def analyst(app, make_user):
    def sign_in(name="phan-tich", role="analyst") -> Staff:
        make_user(name, role)
        browser = Staff(app.test_client())
        browser.sign_in(name)
        return browser
    return sign_in


def ask(browser, **fields):
    data = {"campaign": "xuat-thu", "file_format": "csv", "layout": "wide", "weighting": "none", **fields}
    return browser.post(PAGE, data, content_type="multipart/form-data")


def job_of(session, **where) -> ExportJob:
    session.expire_all()
    return session.query(ExportJob).filter_by(**where).one()


def failure_text(job: ExportJob) -> tuple[str, str]:
    """The job's stored failure said in Vietnamese and in English."""
    return said(job.error, "vi"), said(job.error, "en")


def test_an_export_is_queued_run_and_downloaded(analyst, answered, cli, session, folder):
    browser = analyst()
    response = ask(browser, weighting="design", unit="AG-LX", status=["submitted"])
    assert response.status_code == 303 and response.location.startswith(PAGE + "#job-")
    job = job_of(session)
    assert (job.state, job.filters["units"], job.filters["statuses"]) == ("queued", ["AG-LX"], ["submitted"])
    assert browser.client.get(f"{PAGE}/{job.id}.json").json["state"] == "queued"
    result = cli("exports", "work")
    assert result.exit_code == 0 and "1 job(s) run" in result.output
    job = job_of(session)
    assert (job.state, job.rows_done, job.rows_total, job.attempts) == ("done", 3, 3, 1)
    status = browser.client.get(f"{PAGE}/{job.id}.json").json
    assert status["state"] == "done" and status["download"] == f"{PAGE}/{job.id}/tai-ve"
    browser.get(PAGE)
    assert "Xong" in browser.text() and f"{job.id}-xuat-thu.csv" in browser.text()
    with browser.client.get(status["download"]) as download:
        rows = list(csv.DictReader(io.StringIO(download.get_data(as_text=True))))
    assert download.status_code == 200 and [r["unit_code"] for r in rows] == ["AG-LX"] * 3
    assert [r["weight"] for r in rows] == ["500", "500", ""] and LONG_NAME in rows[0]  # the third only "don't know"
    assert [r["weight_note"] for r in rows] == ["in_scope", "in_scope", "not_rated"]
    assert (folder / job.file_name).is_file()


def test_a_failing_export_shows_its_error(analyst, answered, cli, session):
    browser = analyst()
    margins = (io.BytesIO(b"variable,level,population\nage,18-34,10\nage,99+,5\n"), "margins.csv")
    assert ask(browser, weighting="raked", margins_file=margins).status_code == 303
    assert cli("exports", "work").exit_code == 0
    job = job_of(session)
    assert job.state == "failed" and job.file_name is None
    browser.get(PAGE)
    vietnamese, english = "1 phiếu không trả lời “age”", "have no answer to 'age'"
    assert "Lỗi" in browser.text() and vietnamese in browser.text() and english not in browser.html
    assert vietnamese in browser.client.get(f"{PAGE}/{job.id}.json").json["error"]
    browser.get(PAGE + "?lang=en")
    assert english in browser.text() and vietnamese not in browser.html
    assert english in browser.client.get(f"{PAGE}/{job.id}.json").json["error"]
    assert browser.client.get(f"{PAGE}/{job.id}/tai-ve").status_code == 404


def test_a_failure_stored_as_text_before_problems_is_shown_as_it_is(analyst, answered, session):
    browser = analyst()
    ask(browser)
    job = job_of(session)
    job.state, job.error = "failed", "margins: 1 response(s) have no answer to 'age'"
    session.commit()
    browser.get(PAGE)
    assert job.error in browser.text()


def test_an_unexpected_failure_shows_a_reference_never_the_exception(analyst, answered, cli, session, monkeypatch,
                                                                     caplog):
    def broken(*args, **kwargs):
        raise OSError("[Errno 28] No space left on device: '/srv/survey/instance/exports/1-xuat-thu.csv.part'")

    monkeypatch.setattr(jobs, "write_rows", broken)
    browser = analyst()
    ask(browser)
    with caplog.at_level(logging.ERROR, logger=jobs.__name__):
        assert cli("exports", "work").exit_code == 0
    job = job_of(session)
    reference = job.error_reference
    assert job.state == "failed" and re.fullmatch(r"[0-9A-F]{8}", reference)
    assert f"reference {reference}" in caplog.text and "No space left on device" in caplog.text
    browser.get(PAGE)
    assert f"báo cho quản trị viên mã tham chiếu {reference}." in browser.text()
    assert "/srv/survey" not in browser.html and "OSError" not in browser.html
    status = browser.client.get(f"{PAGE}/{job.id}.json?lang=en").json
    assert status["error"].endswith(f"give the administrator the reference {reference}.")
    browser.get(f"{PAGE}?lang=en")
    assert "because of a fault in the system" in browser.text() and "/srv/survey" not in browser.html


def test_another_analysts_export_is_refused_an_administrator_may_download(app, analyst, answered, cli, session):
    owner = analyst("chu")
    ask(owner)
    cli("exports", "work")
    job = job_of(session)
    other, admin = analyst("nguoi-khac"), analyst("quan-tri", "admin")
    assert other.client.get(f"{PAGE}/{job.id}/tai-ve").status_code == 403
    assert other.client.get(f"{PAGE}/{job.id}.json").status_code == 403
    other.get(PAGE)
    assert f"#{job.id}" not in other.text()
    with admin.client.get(f"{PAGE}/{job.id}/tai-ve") as download:
        assert download.status_code == 200 and download.data.startswith(b"response_id,")
    admin.get(PAGE)
    assert f"#{job.id}" in admin.text() and "chu" in admin.text()


@pytest.mark.parametrize("fields, messages", [
    ({"file_format": "pdf", "layout": "tall"}, ["Không có lựa chọn “pdf” cho format", "“tall” cho layout"]),
    ({"unit": "AG-XX", "from": "2026-02-30"}, ["from: “2026-02-30” không phải là ngày"]),
    ({"unit": "AG-XX"}, ["Đơn vị “AG-XX” không thuộc đợt khảo sát “xuat-thu”"]),
    ({"weighting": "raked"}, ["Gia quyền raking cần tệp tổng thể biên"]),
    ({"campaign": "khong-co"}, ["Không có đợt khảo sát “khong-co”"]),
    ({"weighting": "raked", "margins_file": (io.BytesIO(b"variable,level,population\nage,\xff,1\n"), "bien.csv")},
     ["Tệp tổng thể CSV không phải văn bản UTF-8"]),
    ({"weighting": "raked", "margins_file": (io.BytesIO(b"x" * 300_000), "bien.csv")},
     ["Tệp tổng thể CSV lớn hơn 256 KiB"]),
])
def test_bad_choices_are_a_400_and_no_job(analyst, answered, session, fields, messages):
    browser = analyst()
    assert ask(browser, **fields).status_code == 400
    assert all(m in browser.text() for m in messages), browser.text()
    assert session.query(ExportJob).count() == 0


def queued(session, campaign, user, count=2) -> list[int]:
    made = [ExportJob(user=user, campaign=campaign, file_format="csv", filters={}) for _ in range(count)]
    session.add_all(made)
    session.commit()
    return [job.id for job in made]


def test_a_job_is_claimed_once(session, answered, make_user):
    first, second = queued(session, answered[0], make_user("an", "analyst"))
    now = utcnow()
    assert jobs.claim(session, "w1", now) == first
    assert jobs.claim(session, "w2", now) == second
    assert jobs.claim(session, "w3", now) is None
    assert jobs.report(first, "w2", rows_done=5) is False and jobs.report(first, "w1", rows_done=5) is True


def test_a_dead_workers_job_is_requeued_then_failed(session, answered, make_user):
    (job_id,) = queued(session, answered[0], make_user("an", "analyst"), 1)
    start = utcnow()
    for attempt in range(1, jobs.MAX_ATTEMPTS + 1):
        assert jobs.claim(session, f"dead-{attempt}", start) == job_id
        assert jobs.recover(session, start + jobs.STALE / 2) == 0  # still beating
        assert jobs.recover(session, start + jobs.STALE * 2) == 1
    job = job_of(session, id=job_id)
    assert job.state == "failed" and job.attempts == 3
    assert failure_text(job) == ("Việc xuất đã dừng 3 lần mà không xong (tiến trình chạy nó bị ngắt); hãy yêu cầu lại "
                                 "hoặc thu hẹp bộ lọc",
                                 "the export stopped 3 times without finishing (its worker died); ask again or narrow "
                                 "the filters")


def test_a_thread_of_the_web_process_runs_the_queue(app, analyst, answered, session, monkeypatch):
    monkeypatch.setitem(app.config, "EXPORT_THREADS", True)
    browser = analyst()
    ask(browser, file_format="parquet")
    deadline = time.monotonic() + 60
    while job_of(session).state in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert job_of(session).state == "done"


def test_purge_removes_old_files_and_jobs(cli, analyst, answered, session, folder):
    browser = analyst()
    ask(browser)
    ask(browser, file_format="xlsx")
    cli("exports", "work")
    old, new = session.query(ExportJob).order_by(ExportJob.id).all()
    old.finished_at = utcnow() - timedelta(days=8)
    session.commit()
    old_file = folder / old.file_name
    result = cli("exports", "purge")
    assert result.exit_code == 0 and "1 export(s) older than 7 day(s) removed" in result.output
    assert not old_file.exists() and (folder / new.file_name).exists()
    assert [j.id for j in session.query(ExportJob)] == [new.id]
    assert browser.client.get(f"{PAGE}/{old.id}/tai-ve").status_code == 404
    assert browser.client.get(f"{PAGE}/{old.id}.json").status_code == 404
