"""A wide export with a repeat asked for on the analysis pages (issue 17): its download is one ZIP of
the responses' file and the repeat's, the files `flask export` writes; the long layout, whose rows
carry the instance, stays one plain file."""
import csv
import io
import zipfile

import pytest

from tests.accounts.conftest import fresh_limits, make_user  # noqa: F401 (fixtures)
from tests.exports.test_jobs import analyst, ask, folder, job_of  # noqa: F401 (fixtures)
from tests.exports.test_repeat_export import READERS, roster  # noqa: F401 (fixture)


def download(browser, cli, session, **fields):
    """Ask for the roster's export, run the queue, and download the job's file: the job and the response."""
    assert ask(browser, campaign="ho-gia-dinh", **fields).status_code == 303
    assert cli("exports", "work").exit_code == 0
    job = job_of(session)
    assert job.state == "done", job.error
    with browser.client.get(f"/phan-tich/xuat-du-lieu/{job.id}/tai-ve") as response:
        response.get_data()  # read before the file is closed
    return job, response


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_a_wide_csv_with_a_repeat_downloads_a_zip_of_both_files(analyst, roster, cli, session, folder):
    job, response = download(analyst(), cli, session, file_format="csv")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert job.file_name == f"{job.id}-ho-gia-dinh-csv.zip" and job.file_name in response.headers["Content-Disposition"]
    bundle = zipfile.ZipFile(io.BytesIO(response.get_data()))
    main, side = f"{job.id}-ho-gia-dinh.csv", f"{job.id}-ho-gia-dinh_member.csv"
    assert sorted(bundle.namelist()) == sorted([main, side])
    responses, members = csv_rows(bundle.read(main)), csv_rows(bundle.read(side))
    assert [r["visit_rating"] for r in responses] == ["4", "2"] and "member_name" not in responses[0]
    assert [(m["response_id"], m["instance"], m["member_name"]) for m in members] == [
        (responses[0]["response_id"], "1", "Lan"), (responses[0]["response_id"], "2", "Minh"),
        (responses[0]["response_id"], "3", "Hoa")]
    assert (job.rows_done, job.rows_total) == (2, 2)
    assert [path.name for path in folder.iterdir()] == [job.file_name]  # the files zipped, none left beside


@pytest.mark.parametrize("file_format", sorted(READERS))
def test_the_statistical_formats_zip_the_repeat_s_file_too(analyst, roster, cli, session, tmp_path, file_format):
    job, response = download(analyst(), cli, session, file_format=file_format)
    bundle = zipfile.ZipFile(io.BytesIO(response.get_data()))
    side = f"{job.id}-ho-gia-dinh_member.{file_format}"
    assert sorted(bundle.namelist()) == sorted([f"{job.id}-ho-gia-dinh.{file_format}", side])
    frame = READERS[file_format](bundle.extract(side, tmp_path))
    assert list(frame["member_name"]) == ["Lan", "Minh", "Hoa"]


def test_the_long_layout_and_xlsx_stay_one_plain_file(analyst, roster, cli, session, folder):
    browser = analyst()
    job, response = download(browser, cli, session, file_format="csv", layout="long")
    assert response.mimetype == "text/csv" and job.file_name == f"{job.id}-ho-gia-dinh.csv"
    assert ("Lan", "1") in [(r["value"], r["instance"]) for r in csv_rows(response.get_data())]
    first = job.file_name
    session.delete(job)
    session.commit()
    job, response = download(browser, cli, session, file_format="xlsx")
    assert job.file_name == f"{job.id}-ho-gia-dinh.xlsx" and response.mimetype.endswith("spreadsheetml.sheet")
    assert sorted(path.name for path in folder.iterdir()) == sorted({first, job.file_name})
