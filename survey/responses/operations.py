"""Store responses exactly once (flush only; the caller commits)."""
import uuid
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

import forms
from forms.repeats import answer_key_known, split_key
from survey import clock
from survey.accounts.models import User
from survey.campaigns.models import Campaign, CampaignUnit
from survey.db import utcnow
from survey.errors import InvalidInput, Problem
from survey.questionnaires.queries import version_definition
from survey.responses.messages import CATALOGUE, answer_problem
from survey.responses.models import Answer, Response, ResponseChange
from survey.responses.outbox import response_status_changed
from survey.responses.paradata import with_metadata
from survey.responses.response_insert import store_response
from survey.units.models import LEVELS, Unit
from survey.units.queries import active_units


@dataclass(frozen=True)
class Submission:
    """A complete response as it arrives from any channel; answers are stored strings by key."""

    uuid: uuid.UUID
    campaign: Campaign
    unit: Unit
    channel: str
    started_at: datetime
    submitted_at: datetime
    answers: dict[str, str | None] = field(default_factory=dict)
    paper_serial: str | None = None
    entered_by: User | None = None
    language: str = "vi"
    device_class: str | None = None
    device_hash: str | None = None
    page_seconds: dict[str, int] | None = None
    answers_checked: bool = False
    """The caller has checked the answers against the version (a web draft, before its send): not again."""
    new_uuid: bool = False
    """No response had this uuid when the caller looked (a web draft: a draft and its response never
    coexist; the API looks first): not looked up again, a duplicate stored since meets the unique index."""
    flag: str | None = None
    """The burst the response completes (`screening.burst`), stored with it."""


def record_response(session: Session, submission: Submission, today: date) -> tuple[Response, bool]:
    """Store a submission once: `(response, True)`, or the stored one and False for a repeated uuid.

    Everything is checked first. The response, its answers and its webhook event are written
    together (`response_insert`: one statement on PostgreSQL), or none of them when a response
    stored meanwhile holds the uuid (a concurrent duplicate): that one is returned instead. The
    version's definition is looked up once and handed to the checks and the insert.
    """
    stored = None if submission.new_uuid else response_by_uuid(session, submission.uuid)
    if stored is not None:
        return same_submission(stored, submission), False
    definition = version_definition(submission.campaign.questionnaire_version)
    problems = submission_problems(session, submission, definition, today)
    if problems:
        raise InvalidInput(problems)
    answers = with_metadata(definition, submission.answers, submission, clock.zone())
    response = store_response(session, submission, answer_rows(definition, answers))
    if response is None:
        return settle_conflict(session, submission), False
    return response, True


def response_by_uuid(session: Session, key: uuid.UUID) -> Response | None:
    return session.scalar(select(Response).where(Response.uuid == key))


def same_submission(stored: Response, submission: Submission) -> Response:
    if stored.campaign_id != submission.campaign.id:
        raise InvalidInput(CATALOGUE.problem("response_elsewhere", "uuid", uuid=str(submission.uuid)))
    return stored


def settle_conflict(session: Session, submission: Submission) -> Response:
    stored = response_by_uuid(session, submission.uuid)
    if stored is not None:
        return same_submission(stored, submission)
    if submission.paper_serial is not None:
        raise InvalidInput(CATALOGUE.problem("paper_serial_taken", "paper_serial", serial=submission.paper_serial))
    raise InvalidInput(CATALOGUE.problem("response_conflict", "uuid"))


def submission_problems(session: Session, submission: Submission, definition: forms.Definition,
                        today: date) -> list[Problem]:
    campaign = submission.campaign
    problems = [] if campaign.accepts(submission.channel, today) else [CATALOGUE.problem(
        "channel_closed", "channel", campaign=campaign.slug, channel=submission.channel,
        state=campaign.state_on(today))]
    if session.get(CampaignUnit, (campaign.id, submission.unit.id)) is None:
        problems.append(CATALOGUE.problem("unit_not_in_campaign", "unit", unit=submission.unit.code,
                                          campaign=campaign.slug))
    if submission.channel == "paper" and not (submission.paper_serial or "").strip():
        problems.append(CATALOGUE.problem("paper_serial_missing", "paper_serial"))
    if submission.submitted_at < submission.started_at:
        problems.append(CATALOGUE.problem("submitted_before_started", "submitted_at"))
    if submission.answers_checked:
        return problems
    return problems + answer_problems(definition, submission.answers, unit_codes(session, definition))


def answer_problems(definition: forms.Definition, answers: dict[str, str | None],
                    codes: list[str]) -> list[Problem]:
    """Unknown keys, answers to questions the respondent was not asked, and the form's own checks
    (in both languages when the questionnaire has both: the problem is said in the reader's)."""
    known = {key for key in answers if answer_key_known(definition, key)}  # q[n] inside a repeat (forms.repeats)
    asked = forms.relevance(definition, answers)
    problems = [CATALOGUE.problem("answer_not_a_question", f"answers.{key}", key=key)
                for key in answers if key not in known]
    problems += [CATALOGUE.problem("answered_not_asked", f"answers.{key}", key=key) for key, value in answers.items()
                 if key in known and value is not None and not asked.get(key, False)]
    return problems + check_problems(definition, answers, codes)


def check_problems(definition: forms.Definition, answers: dict[str, str | None], codes: list[str]) -> list[Problem]:
    """The questionnaire's checks, made once, as problems said in the reader's language when shown."""
    found = forms.find_problems(definition, answers, unit_codes=codes)
    return [CATALOGUE.problem("answer_check", f"answers.{key}", key=key, problem=answer_problem(problem))
            for key, problem in found.items()]


def unit_codes(session: Session, definition: forms.Definition) -> list[str]:
    """Valid answers to the form's unit questions: active units of the levels they ask for."""
    levels = {level for q in definition.questions if q.type == "unit" for level in (q.levels or LEVELS)}
    return [unit.code for unit in active_units(session, levels)] if levels else []


def answer_rows(definition: forms.Definition, answers: dict[str, str | None]) -> list[dict]:
    """The rows of `answers`, each calculate as the server computes it: whatever the channel (web,
    API, keyed paper), a response keeps the same computed values."""
    computed = forms.with_calculations(definition, answers)
    metadata = dict(definition.metadata)
    return [answer_row(definition, key, value, metadata) for key, value in computed.items() if value is not None]


def answer_row(definition: forms.Definition, key: str, value: str, metadata: Container[str]) -> dict:
    """The row of the answer under `key`: its question's name and instance (`q[n]`: `q` in the n-th,
    forms.repeats), value and number; `metadata` (the definition's, responses.paradata) is text, no number."""
    name, instance = split_key(key)
    number = None if key in metadata else definition.question(name).kind.numeric(value)
    return {"question_key": name, "instance": instance, "value": value, "number": number}


def stored_answer(definition: forms.Definition, key: str, value: str) -> Answer:
    return Answer(**answer_row(definition, key, value, dict(definition.metadata)))


# Review by supervisors: every change of a status or an answer leaves a ResponseChange row.
# The webhooks of the API are hooked into these functions: keep their names and signatures.

KEYED_CHANNELS = ("paper", "interviewer")
"""Channels whose answers were keyed by staff, who may have mistyped them: only these are corrected."""


def verify_response(session: Session, response: Response, actor: User | None,
                    reason: str | None = None) -> ResponseChange:
    """submitted → verified: the response counts as checked."""
    change = change_status(session, response, actor, "verified", reason)
    response_status_changed(session, response)  # webhook outbox, same transaction
    return change


def reject_response(session: Session, response: Response, actor: User | None, reason: str) -> ResponseChange:
    """submitted → rejected, with the reason (required), which stays on the response."""
    if not (reason or "").strip():
        raise InvalidInput(CATALOGUE.problem("reason_required", "reason"))
    change = change_status(session, response, actor, "rejected", reason)
    response_status_changed(session, response)  # webhook outbox, same transaction
    return change


def reopen_response(session: Session, response: Response, actor: User | None,
                    reason: str | None = None) -> ResponseChange:
    """verified or rejected → submitted, to be reviewed again (the old reason stays in the trail)."""
    return change_status(session, response, actor, "submitted", reason)


STATUS_FROM = {"verified": ("submitted",), "rejected": ("submitted",), "submitted": ("verified", "rejected")}
"""The status a response must have for each status it may move to."""


def change_status(session: Session, response: Response, actor: User | None, status: str,
                  reason: str | None) -> ResponseChange:
    if response.status not in STATUS_FROM[status]:
        raise InvalidInput(CATALOGUE.problem("status_forbids", "status", status=response.status, wanted=status))
    reason = (reason or "").strip() or None
    change = record_change(session, response, actor, "status", None, response.status, status, reason)
    response.status = status
    response.rejection_reason = reason if status == "rejected" else None
    session.flush()
    return change


def correct_answer(session: Session, response: Response, actor: User | None, key: str, value: str | None,
                   reason: str) -> ResponseChange:
    """Correct one keyed answer (an empty value removes it), checked with the whole response
    against the questionnaire: skip logic, required questions, constraints."""
    definition = version_definition(response.questionnaire_version)
    new = correction_value(definition, key, value)
    answers: dict[str, str | None] = {answer.key: answer.value for answer in response.answers}
    problems = correction_problems(response, answers.get(key), new, reason)
    if not problems:
        problems = answer_problems(definition, answers | {key: new}, unit_codes(session, definition))
    if problems:
        raise InvalidInput(problems)
    change = record_change(session, response, actor, "answer", key, answers.get(key), new, reason.strip())
    store_answer(definition, response, key, new)
    recompute_calculations(definition, response, answers | {key: new})
    session.flush()
    return change


def recompute_calculations(definition: forms.Definition, response: Response,
                           answers: dict[str, str | None]) -> None:
    """Each calculate as the corrected answers compute it, as a new response would store it (the
    change row names the answer the supervisor corrected, which the calculate follows)."""
    computed = forms.with_calculations(definition, answers)
    calculates = definition.calculate_names
    keys = {answer.key for answer in response.answers if answer.question_key in calculates}
    for key in sorted(keys | {key for key in computed if split_key(key)[0] in calculates}):
        store_answer(definition, response, key, computed.get(key))


def correction_value(definition: forms.Definition, key: str, value: str | None) -> str | None:
    """The value in stored form (None: no answer); InvalidInput for a key that takes no answer
    typed (a note, or a calculate, which the server computes)."""
    question = next((q for q in definition.questions if q.name == split_key(key)[0] and q.kind.has_input), None)
    if question is None or not answer_key_known(definition, key):
        raise InvalidInput(CATALOGUE.problem("answer_not_a_question", "key", key=key))
    return question.kind.to_stored(value, question) if value is not None else None


def correction_problems(response: Response, old: str | None, new: str | None,
                        reason: str | None) -> list[Problem]:
    problems = [] if response.channel in KEYED_CHANNELS else [
        CATALOGUE.problem("channel_not_corrected", "channel", channel=response.channel)]
    if response.status != "submitted":
        problems.append(CATALOGUE.problem("status_not_submitted", "status", status=response.status))
    if not (reason or "").strip():
        problems.append(CATALOGUE.problem("reason_required", "reason"))
    if old == new:
        problems.append(CATALOGUE.problem("value_unchanged", "value"))
    return problems


def store_answer(definition: forms.Definition, response: Response, key: str, value: str | None) -> None:
    """Store `value` as the answer to `key`: replace the stored one, add it, or (None) remove it."""
    stored = next((answer for answer in response.answers if answer.key == key), None)
    if value is None:
        if stored is not None:
            response.answers.remove(stored)
    elif stored is not None:
        stored.value, stored.number = value, definition.question(split_key(key)[0]).kind.numeric(value)
    else:
        response.answers.append(stored_answer(definition, key, value))


def record_change(session: Session, response: Response, actor: User | None, kind: str, key: str | None,
                  old: str | None, new: str | None, reason: str | None) -> ResponseChange:
    change = ResponseChange(response_id=response.id, at=utcnow(), actor=actor, kind=kind, question_key=key,
                            old_value=old, new_value=new, reason=reason)
    session.add(change)
    return change
