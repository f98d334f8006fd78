"""The evidence files' bytes (up to 10 MB each) are read by the download only: a scorecard reads the
files' names in one statement, an assessment page lists the files without their bytes. A scoped
reader's rows are told by the units the results hold, not by their codes read again. The page reads
the years it offers without the definitions' documents."""
import hashlib

import pytest
from sqlalchemy import select

from survey.par_index.assessments import Assessment, Evidence
from survey.par_index.evidence import PDF
from survey.units.models import Unit
from tests.accounts.conftest import fresh_limits, make_user, settings, staff  # noqa: F401 (fixtures)
from tests.par_index.results_setup import scored_setup, stored_round
from tests.public.test_send_work import statements

FILE = b"%PDF-1.4 bien ban"


@pytest.fixture
def with_evidence(session, make_unit, make_campaign, make_version, make_submission, make_user):
    """The scored year of results_setup, each unit's assessment with an evidence file (stored as
    add_evidence stores it: the appraised one could no longer take it)."""
    scored_setup(session, make_unit, make_campaign, make_version, make_submission)
    stored_round(session)
    for assessment in session.scalars(select(Assessment)):
        assessment.evidence.append(Evidence(sub_criterion="f1_1_1", filename=f"{assessment.unit.code}.pdf",
                                            content_type=PDF, size=len(FILE), sha256=hashlib.sha256(FILE).hexdigest(),
                                            data=FILE))
    make_user("noi-vu", "analyst")
    session.commit()
    session.expire_all()  # the pages share the test's session: let them read as a new request does


def evidence_reads(sent: list[str]) -> list[str]:
    return [sql for sql in sent if "FROM par_evidence" in sql]


def test_a_scorecard_reads_the_files_names_in_one_statement_never_their_bytes(staff, with_evidence):
    staff.sign_in("noi-vu")
    with statements() as sent:
        page = staff.get("/cham-diem/ket-qua/2026/don-vi/AG-STC")
    assert page.status_code == 200 and "AG-STC.pdf" in staff.html and "AG-SNV.pdf" not in staff.html
    assert len(evidence_reads(sent)) == 1, evidence_reads(sent)
    assert not any("par_evidence.data" in sql for sql in sent)


def test_an_assessment_page_lists_the_files_without_their_bytes_which_the_download_sends(staff, with_evidence,
                                                                                         session):
    staff.sign_in("noi-vu")
    assessment, evidence = session.execute(select(Assessment.id, Evidence.id).join(Evidence.assessment).join(Unit)
                                           .where(Unit.code == "AG-STC")).one()
    with statements() as sent:
        assert staff.get(f"/cham-diem/danh-gia/{assessment}").status_code == 200 and "AG-STC.pdf" in staff.html
    assert evidence_reads(sent) and not any("par_evidence.data" in sql for sql in sent)
    download = staff.client.get(f"/cham-diem/minh-chung/{evidence}")
    assert download.status_code == 200 and download.get_data() == FILE


def test_the_chart_scores_the_year_alone_not_the_year_before(staff, with_evidence):
    staff.sign_in("noi-vu")
    with statements() as sent:
        assert staff.client.get("/cham-diem/ket-qua/2026/bieu-do.svg").status_code == 200
    looked_up = [sql for sql in sent if sql.startswith("SELECT par_index_definitions.")]
    assert len(looked_up) == 1, looked_up


def test_a_scoped_readers_rankings_are_told_by_the_units_the_results_hold(staff, with_evidence, make_user):
    make_user("noi-vu-stc", "analyst", units=["AG-STC"])
    staff.sign_in("noi-vu-stc")
    with statements() as sent:
        assert staff.get("/cham-diem/ket-qua").status_code == 200
    assert "/don-vi/AG-STC" in staff.html and "/don-vi/AG-SNV" not in staff.html
    assert not [sql for sql in sent if sql.startswith("SELECT units.code")]


def test_the_results_page_reads_a_document_only_for_the_year_shown_and_the_year_before(staff, with_evidence):
    staff.sign_in("noi-vu")
    with statements() as sent:
        assert staff.get("/cham-diem/ket-qua").status_code == 200
    documents = [sql for sql in sent if "par_index_definitions.document" in sql]
    assert len(documents) == 2, documents
