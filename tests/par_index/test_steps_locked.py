"""A save and an appraisal read the assessment's status again, its row locked, before they write: a
save that read the page before a submission committed, or an appraisal that read it before the
finalisation, is refused and changes nothing (they checked the status they had in memory)."""
import pytest
from sqlalchemy import select

from survey.errors import InvalidInput
from survey.par_index.appraisal import appraise, finalise
from survey.par_index.assessments import AssessmentValue
from survey.par_index.scoring import save_self_assessment, submit
from tests.par_index.test_steps_once import first_request, unit_snv
from tests.public.test_send_work import statements


def claimed(session, assessment_id: int) -> list[str | None]:
    session.expire_all()
    return list(session.scalars(select(AssessmentValue.claimed).where(AssessmentValue.assessment_id == assessment_id)
                                .where(AssessmentValue.sub_criterion == "f1_1_1")))


def test_a_save_read_before_a_submission_committed_is_refused(session, make_unit, app):
    snv = unit_snv(session, make_unit)
    session.commit()
    first_request(submit, snv.id)
    assert snv.status == "self_assessing"  # as the page read it
    with pytest.raises(InvalidInput) as refused:
        save_self_assessment(session, None, snv, {"f1_1_1": ("yes", "")})
    assert [problem.key for problem in refused.value.problems] == ["par_already_submitted"]
    session.rollback()
    assert claimed(session, snv.id) == [None]


def test_an_appraisal_read_before_the_finalisation_committed_is_refused(session, make_unit, app):
    snv = unit_snv(session, make_unit)
    submit(session, None, snv)
    appraise(session, None, snv, {})
    session.commit()
    first_request(finalise, snv.id)
    assert snv.status == "appraised"
    with pytest.raises(InvalidInput) as refused:
        appraise(session, None, snv, {"f1_1_1": ("yes", "kiểm tra lại")})
    assert [problem.key for problem in refused.value.problems] == ["par_final"]


def test_the_status_is_read_with_the_row_locked_on_postgresql(session, make_unit, app):
    snv = unit_snv(session, make_unit)
    session.commit()
    with statements() as sent:
        save_self_assessment(session, None, snv, {"f1_1_1": ("yes", "")})
    reads = [sql for sql in sent if sql.startswith("SELECT par_assessments.")]
    assert reads and reads[0].endswith("FOR UPDATE") == (session.bind.dialect.name == "postgresql")
