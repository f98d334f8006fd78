"""Submission and finalisation are each taken once: of two requests sent at once (a double click,
two tabs) the second, which read the assessment before the first committed, is refused with its
keyed reason and leaves no second audit entry."""
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey import db
from survey.accounts.models import AuditEntry
from survey.errors import InvalidInput
from survey.par_index.appraisal import appraise, finalise
from survey.par_index.assessments import Assessment
from survey.par_index.scoring import submit
from tests.par_index.scoring_setup import sample_round


def unit_snv(session, make_unit) -> Assessment:
    return next(found for found in sample_round(session, make_unit).assessments if found.unit.code == "AG-SNV")


def audited(session, action: str) -> int:
    session.expire_all()
    return len(session.scalars(select(AuditEntry.id).where(AuditEntry.action == action)).all())


def first_request(step, assessment_id: int) -> None:
    """Another request takes the step on the same assessment and commits before this one writes."""
    with Session(db.engine()) as other:
        step(other, None, other.get_one(Assessment, assessment_id))
        other.commit()


def test_of_two_submissions_sent_at_once_the_second_is_refused(session, make_unit, app):
    snv = unit_snv(session, make_unit)
    session.commit()
    assert snv.status == "self_assessing"  # read before the other request submits
    first_request(submit, snv.id)
    with pytest.raises(InvalidInput) as refused:
        submit(session, None, snv)
    assert [problem.key for problem in refused.value.problems] == ["par_already_submitted"]
    session.rollback()
    assert snv.status == "submitted" and audited(session, "par_submitted") == 1


def test_of_two_finalisations_sent_at_once_the_second_is_refused(session, make_unit, app):
    snv = unit_snv(session, make_unit)
    submit(session, None, snv)
    appraise(session, None, snv, {})
    session.commit()
    assert snv.status == "appraised"
    first_request(finalise, snv.id)
    with pytest.raises(InvalidInput) as refused:
        finalise(session, None, snv)
    assert [problem.key for problem in refused.value.problems] == ["par_final"]
    session.rollback()
    assert snv.status == "final" and audited(session, "par_finalised") == 1
