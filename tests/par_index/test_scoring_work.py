"""The scoring pages' reads: an officer's assessments come with their rounds and units in one
statement, Home Affairs' list of rounds counts each round's units without reading them, a round's page
asks the database for the units the reader may see only, and a save with several files locks (reads)
the assessment once."""
from tests.accounts.conftest import fresh_limits, make_user, settings, staff  # noqa: F401 (fixtures)
from tests.par_index.test_scoring_pages import A_PDF, of, post_files, scoring, url  # noqa: F401 (fixture)
from tests.public.test_send_work import statements


def test_an_officers_assessments_come_with_their_rounds_in_one_statement(scoring, staff, session):
    staff.sign_in("can-bo-snv")
    session.expire_all()  # the pages share the test's session: let them read as a new request does
    with statements() as sent:
        assert staff.get("/cham-diem/").status_code == 200 and "/cham-diem/ket-qua/2026/don-vi/AG-SNV" in staff.html
    assert not [sql for sql in sent if "FROM par_scoring_rounds" in sql]


def test_the_list_of_rounds_counts_their_units_without_reading_them(scoring, staff, session):
    staff.sign_in("noi-vu")
    session.expire_all()
    with statements() as sent:
        assert staff.get("/cham-diem/").status_code == 200
    assert f"{len(scoring.assessments)} đơn vị" in staff.html
    assert not [sql for sql in sent if sql.startswith("SELECT par_assessments.")]


def test_a_rounds_page_reads_the_scoped_readers_units_only(scoring, staff, make_user):
    make_user("noi-vu-lx", "analyst", units=["AG-LX"])
    staff.sign_in("noi-vu-lx")
    with statements() as sent:
        assert staff.get(f"/cham-diem/dot/{scoring.id}").status_code == 200
    assert "AG-LX-MB" in staff.html and "AG-SNV" not in staff.html
    assert [sql for sql in sent if sql.startswith("SELECT par_assessments.") and "par_assessments.unit_id IN" in sql]


def test_a_save_with_three_files_reads_the_assessment_and_its_files_once(scoring, staff, session):
    staff.sign_in("can-bo-snv")
    session.expire_all()
    files = {f"file_{name}": (A_PDF, f"{name}.pdf") for name in ("f1_1_1", "f1_1_2", "f1_2_1")}
    with statements() as sent:
        assert post_files(staff, url(of(scoring, "AG-SNV"), "/luu"), files).status_code == 302
    assert len([sql for sql in sent if sql.startswith("INSERT INTO par_evidence")]) == 3
    # the guard's read, then the lock's; the files' list once
    assert len([sql for sql in sent if sql.startswith("SELECT par_assessments.")]) == 2
    assert len([sql for sql in sent if sql.startswith("SELECT par_evidence.")]) == 1
