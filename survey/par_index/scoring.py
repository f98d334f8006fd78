"""Writes of the PAR index scoring workflow (see survey.par_index.assessments for the steps). Each
one refuses bad input with InvalidInput, every problem keyed to the field it concerns, before it
writes anything; each flushes and leaves an audit entry; the caller's unit of work commits.

Who may call which is the pages' business (survey.par_scoring): here, what the assessment's status
and the round's deadline allow. The agency's steps end with the deadline (a date in the province's
clock, the day itself included); nothing changes once an assessment is final.
"""
from collections.abc import Mapping
from datetime import date
from typing import cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.orm import Session

from analysis.par_index import Item
from survey import clock
from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.errors import InvalidInput, Problem
from survey.par_index.assessments import Assessment, AssessmentValue, Evidence, ScoringRound
from survey.par_index.evidence import CheckedFile
from survey.par_index.messages import CATALOGUE
from survey.par_index.models import IndexDefinition
from survey.par_index.values import canonical, parsed, self_items
from survey.units.models import Unit

SCORED_LEVELS = ("department", "district", "commune")
"""The units a round assesses: the province's agencies and local governments, not the province itself."""


def open_round(session: Session, actor: User | None, definition: IndexDefinition, year: int,
               deadline: date) -> ScoringRound:
    """A round of `year` on a published definition, with an assessment for every active scored unit."""
    problems = _round_problems(session, definition, year, deadline)
    if problems:
        raise InvalidInput(problems)
    scoring = ScoringRound(definition=definition, year=year, deadline=deadline)
    units = session.scalars(select(Unit).where(Unit.active, Unit.level.in_(SCORED_LEVELS)).order_by(Unit.code))
    names = [item.id for item in self_items(parsed(definition))]
    scoring.assessments = [Assessment(unit=unit, status="self_assessing", values=_empty_values(names))
                           for unit in units]
    session.add(scoring)
    session.flush()
    audit(session, actor, "par_round_opened", subject=f"par round {scoring.id}", definition=definition.name,
          year=year, deadline=deadline.isoformat(), units=len(scoring.assessments))
    return scoring


def _round_problems(session: Session, definition: IndexDefinition, year: int, deadline: date) -> list[Problem]:
    problems = []
    if definition.status != "published":
        problems.append(CATALOGUE.problem("par_round_needs_published", "definition", name=definition.name))
    if not 2000 <= year <= 2100:
        problems.append(CATALOGUE.problem("par_bad_year", "year", value=year))
    elif session.scalar(select(ScoringRound.id).where(ScoringRound.definition_id == definition.id,
                                                      ScoringRound.year == year)) is not None:
        problems.append(CATALOGUE.problem("par_round_exists", "year", year=year))
    if deadline < clock.today():
        problems.append(CATALOGUE.problem("par_deadline_past", "deadline", day=deadline.strftime("%d/%m/%Y")))
    return problems


def agency_may_edit(assessment: Assessment) -> Problem | None:
    """Why the agency may no longer change its self-assessment, None while it may."""
    if assessment.status == "final":
        return CATALOGUE.problem("par_final")
    if clock.today() > assessment.round.deadline:
        return CATALOGUE.problem("par_deadline_passed", day=assessment.round.deadline.strftime("%d/%m/%Y"))
    if assessment.status != "self_assessing":
        return CATALOGUE.problem("par_already_submitted")
    return None


def locked(session: Session, assessment: Assessment) -> Assessment:
    """The assessment read again with its row locked until the commit (FOR UPDATE on PostgreSQL;
    SQLite has one writer at a time anyway): a step that checks the status and then writes cannot
    interleave with a submission or a finalisation, whose conditional UPDATEs wait for the lock."""
    session.refresh(assessment, with_for_update=True)
    return assessment


def _editable(session: Session, assessment: Assessment) -> None:
    refusal = agency_may_edit(locked(session, assessment))
    if refusal is not None:
        raise InvalidInput(refusal)


def save_self_assessment(session: Session, actor: User | None, assessment: Assessment,
                         entries: Mapping[str, tuple[str, str]]) -> None:
    """Store the agency's (value, note) by sub-criterion id: every value checked against its rule
    first (problems keyed `value_<id>`), then the changed ones written and audited."""
    _editable(session, assessment)
    items = {item.id: item for item in self_items(parsed(assessment.round.definition))}
    texts, problems = {}, []
    for name, (given, note) in entries.items():
        try:
            texts[name] = (canonical(_known(items, name, "value"), given, f"value_{name}"), note.strip())
        except InvalidInput as refused:
            problems += refused.problems
    if problems:
        raise InvalidInput(problems)
    changed = {name: change for name, value in texts.items() if (change := _store_claim(assessment, name, *value))}
    session.flush()
    if changed:
        audit(session, actor, "par_self_assessed", subject=subject(assessment), changes=changed)


def _known(items: Mapping[str, Item], name: str, field: str) -> Item:
    """The self-assessed sub-criterion `name`; InvalidInput keyed `<field>_<name>` when there is none."""
    if name not in items:
        raise InvalidInput(CATALOGUE.problem("par_unknown_input", f"{field}_{name}", value=name))
    return items[name]


def _empty_values(names: list[str]) -> list[AssessmentValue]:
    """A record per self-assessed sub-criterion, made with the round: saving only updates rows, so
    two saves at once (a double click) never insert the same sub-criterion twice."""
    return [AssessmentValue(sub_criterion=name, claimed=None, note="", appraised=None, reason="") for name in names]


def value_of(assessment: Assessment, name: str) -> AssessmentValue:
    """The assessment's record of self-assessed sub-criterion `name` (every one has one)."""
    return next(value for value in assessment.values if value.sub_criterion == name)


def _store_claim(assessment: Assessment, name: str, claimed: str | None, note: str) -> list[str | None]:
    """Store a claim and a note; what changed as [old value, new value] (empty: nothing did)."""
    stored = value_of(assessment, name)
    changed = [stored.claimed, claimed] if (stored.claimed, stored.note) != (claimed, note) else []
    stored.claimed, stored.note = claimed, note
    return changed


def add_evidence(session: Session, actor: User | None, assessment: Assessment, name: str,
                 file: CheckedFile) -> Evidence:
    """Keep a checked file (survey.par_index.evidence.checked_file) as evidence for sub-criterion `name`."""
    _editable(session, assessment)
    return _keep(session, actor, assessment, name, file)


def _keep(session: Session, actor: User | None, assessment: Assessment, name: str, file: CheckedFile) -> Evidence:
    """add_evidence once the assessment is locked and found editable: a save with several files takes
    the lock once, not once a file (each lock reads the row again, and its unit and files after it)."""
    _known({item.id: item for item in self_items(parsed(assessment.round.definition))}, name, "file")
    evidence = Evidence(sub_criterion=name, filename=file.filename, content_type=file.content_type,
                        size=len(file.data), sha256=file.sha256, data=file.data)
    assessment.evidence.append(evidence)
    session.flush()
    audit(session, actor, "par_evidence_added", subject=subject(assessment), sub_criterion=name,
          filename=file.filename, content_type=file.content_type, size=len(file.data), sha256=file.sha256)
    return evidence


def save_with_evidence(session: Session, actor: User | None, assessment: Assessment,
                       entries: Mapping[str, tuple[str, str]], files: Mapping[str, CheckedFile],
                       refused_files: list[Problem]) -> None:
    """The agency's save: values and notes stored and the checked files kept, all or nothing;
    InvalidInput lists the values' problems and `refused_files` (the files that were not kept) at once."""
    try:
        save_self_assessment(session, actor, assessment, entries)
    except InvalidInput as refused:
        raise InvalidInput(refused.problems + refused_files) from None
    if refused_files:
        raise InvalidInput(refused_files)
    for name, file in files.items():  # save_self_assessment locked the assessment and found it editable
        _keep(session, actor, assessment, name, file)


def remove_evidence(session: Session, actor: User | None, evidence: Evidence) -> None:
    """Take back an evidence file while the agency may still edit: one statement, so that of two
    removals sent at once (a double click) the second is refused, not a failed flush."""
    assessment = evidence.assessment
    _editable(session, assessment)
    sub_criterion, filename, sha256 = evidence.sub_criterion, evidence.filename, evidence.sha256
    gone = cast(CursorResult, session.execute(delete(Evidence).where(Evidence.id == evidence.id)))
    if gone.rowcount != 1:
        raise InvalidInput(CATALOGUE.problem("par_evidence_gone", f"file_{sub_criterion}", name=filename))
    session.expire(assessment, ["evidence"])
    session.flush()
    audit(session, actor, "par_evidence_removed", subject=subject(assessment), sub_criterion=sub_criterion,
          filename=filename, sha256=sha256)


def submit(session: Session, actor: User | None, assessment: Assessment) -> None:
    """Hand the self-assessment to Home Affairs; the agency can no longer change it. One statement
    that submits only an assessment still self-assessing: of two submissions sent at once (a double
    click, two tabs) the second finds it submitted and is refused, with no second audit entry."""
    _editable(session, assessment)
    once = (update(Assessment).where(Assessment.id == assessment.id, Assessment.status == "self_assessing")
            .values(status="submitted", submitted_at=clock.now()))
    if cast(CursorResult, session.execute(once)).rowcount != 1:
        raise InvalidInput(CATALOGUE.problem("par_already_submitted"))
    session.refresh(assessment)
    audit(session, actor, "par_submitted", subject=subject(assessment))


def subject(assessment: Assessment) -> str:
    """What an audit entry of the assessment names."""
    return f"par round {assessment.round_id} unit {assessment.unit.code}"
