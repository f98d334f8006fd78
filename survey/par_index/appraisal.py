"""Home Affairs' steps of the scoring workflow and the agency's answer: appraise a submitted
self-assessment (accept each value or change it with a reason), the agency's one answer, and the
department's finalisation, after which nothing changes. Like survey.par_index.scoring: every
problem keyed to its field before anything is written, a flush and an audit entry per step.
"""
from collections.abc import Mapping
from typing import cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from survey import clock
from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.errors import InvalidInput, Problem
from survey.par_index.assessments import Assessment
from survey.par_index.messages import CATALOGUE
from survey.par_index.scoring import locked, subject, value_of
from survey.par_index.values import canonical, parsed, self_items

APPRAISABLE = ("submitted", "appraised", "answered")
"""Statuses in which Home Affairs may appraise (again, after the agency's answer)."""
FINALISABLE = ("appraised", "answered")
"""Statuses in which Home Affairs may finalise."""
APPRAISED = (*FINALISABLE, "final")
"""Statuses in which the appraisal is made, for the agency to read and answer."""
ANSWER_LIMIT = 4000


def appraise(session: Session, actor: User | None, assessment: Assessment,
             entries: Mapping[str, tuple[str, str]]) -> None:
    """Store Home Affairs' (value, reason) by sub-criterion id. An empty value accepts the agency's;
    another value needs a reason (`reason_<id>`). Every self-assessed sub-criterion gets a value."""
    _refuse(_appraisal_refusal(locked(session, assessment)))
    decided, problems = {}, []
    for item in self_items(parsed(assessment.round.definition)):
        given, reason = entries.get(item.id, ("", ""))
        claimed = value_of(assessment, item.id).claimed
        try:
            value = canonical(item, given, f"value_{item.id}") or claimed
        except InvalidInput as refused:
            problems += refused.problems
            continue
        if value != claimed and not reason.strip():
            problems.append(CATALOGUE.problem("par_reason_required", f"reason_{item.id}"))
        decided[item.id] = (value, reason.strip() if value != claimed else "")
    _refuse(problems)
    changes = {name: change for name, (value, reason) in decided.items()
               if (change := _store_appraisal(assessment, name, value, reason))}
    if assessment.status == "submitted":
        assessment.status = "appraised"
    assessment.appraised_at = clock.now()
    session.flush()
    audit(session, actor, "par_appraised", subject=subject(assessment), changes=changes)


def _appraisal_refusal(assessment: Assessment) -> Problem | None:
    if assessment.status == "final":
        return CATALOGUE.problem("par_final")
    if assessment.status not in APPRAISABLE:
        return CATALOGUE.problem("par_not_submitted")
    return None


def _store_appraisal(assessment: Assessment, name: str, value: str | None, reason: str) -> dict[str, str | None]:
    """Store an appraised value; what changed (old, new, reason), empty when nothing did."""
    stored = value_of(assessment, name)
    if (stored.appraised, stored.reason) == (value, reason):
        return {}
    change = {"old": stored.appraised, "new": value, "claimed": stored.claimed, "reason": reason}
    stored.appraised, stored.reason = value, reason
    return change


def answer(session: Session, actor: User | None, assessment: Assessment, text: str) -> None:
    """The agency's one answer to the appraisal (it may give none: the department finalises anyway)."""
    _refuse(_answer_refusal(assessment, text.strip()))
    # One statement that answers only an unanswered assessment: of two answers sent at once, the
    # second finds the row answered (its WHERE is evaluated again once the first commits).
    once = (update(Assessment).where(Assessment.id == assessment.id, Assessment.answer.is_(None),
                                     Assessment.status == "appraised")
            .values(answer=text.strip(), status="answered", answered_at=clock.now()))
    if cast(CursorResult, session.execute(once)).rowcount != 1:
        _refuse(CATALOGUE.problem("par_already_answered", "answer"))
    session.refresh(assessment)
    audit(session, actor, "par_answered", subject=subject(assessment), answer=text.strip())


def _answer_refusal(assessment: Assessment, text: str) -> Problem | None:
    if assessment.status == "final":
        return CATALOGUE.problem("par_final")
    if assessment.answer is not None:
        return CATALOGUE.problem("par_already_answered", "answer")
    if assessment.status != "appraised":
        return CATALOGUE.problem("par_not_appraised", "answer")
    if not text:
        return CATALOGUE.problem("par_answer_required", "answer")
    if len(text) > ANSWER_LIMIT:
        return CATALOGUE.problem("par_answer_too_long", "answer", limit=ANSWER_LIMIT)
    return None


def finalise(session: Session, actor: User | None, assessment: Assessment) -> None:
    """Close the assessment on its appraised values; nothing of it changes afterwards. One statement
    that closes only an appraised (or answered) assessment: of two finalisations sent at once the
    second finds it final and is refused, with no second audit entry."""
    if assessment.status == "final":
        _refuse(CATALOGUE.problem("par_final"))
    if assessment.status not in FINALISABLE:
        _refuse(CATALOGUE.problem("par_not_appraised"))
    once = (update(Assessment).where(Assessment.id == assessment.id, Assessment.status.in_(FINALISABLE))
            .values(status="final", finalised_at=clock.now()))
    if cast(CursorResult, session.execute(once)).rowcount != 1:
        _refuse(CATALOGUE.problem("par_final"))
    session.refresh(assessment)
    audit(session, actor, "par_finalised", subject=subject(assessment))


def _refuse(problems: Problem | list[Problem] | None) -> None:
    if problems:
        raise InvalidInput(problems)
