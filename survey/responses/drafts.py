"""Web responses in progress: saved at every page, resumed by code or cookie, submitted once.

Flush only; the request commits. Submitting stores the response through `record_response`
and deletes the draft in the same transaction, so a draft and its response never coexist.
"""
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlalchemy import CursorResult, Table, and_, bindparam, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

import forms
from survey.campaigns.models import Campaign, CampaignUnit
from survey.clock import aware
from survey.errors import InvalidInput
from survey.invitations.models import Invitation
from survey.invitations.operations import check_usable, use_invitation
from survey.responses.messages import CATALOGUE
from survey.responses.models import Draft, Response
from survey.responses.operations import Submission, record_response, response_by_uuid, unit_codes
from survey.responses.screening import BurstRules, burst, log_exclusion
from survey.units.models import Unit

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""No 0/O, 1/I/L: a code read aloud or copied by hand from a phone stays unambiguous."""
CODE_LENGTH = 8


@dataclass(frozen=True)
class DraftStart:
    """What the first page knows: the uuid in its form, where and how the respondent answers."""

    uuid: uuid.UUID
    campaign: Campaign
    unit: Unit
    first_section: str
    language: str
    device_class: str
    device_hash: str | None = None
    invitation: Invitation | None = None


def start_draft(session: Session, start: DraftStart, now: datetime) -> Draft:
    """The draft for `start.uuid`, created once: a repeated start (double tap) finds the first."""
    existing = session.get(Draft, start.uuid)
    if existing is not None:
        return existing
    draft = Draft(uuid=start.uuid, campaign=start.campaign, unit=start.unit,
                  invitation_id=start.invitation.id if start.invitation else None,
                  resume_code=new_resume_code(session), answers={}, section=start.first_section,
                  language=start.language, device_class=start.device_class, device_hash=start.device_hash,
                  page_seconds={}, started_at=now, updated_at=now)
    try:
        with session.begin_nested():
            session.add(draft)
    except IntegrityError:
        existing = session.get(Draft, start.uuid)
        if existing is None:
            raise InvalidInput(CATALOGUE.problem("draft_not_started")) from None
        return existing
    return draft


def new_resume_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(Draft.uuid).where(Draft.resume_code == code)) is None:
            return code


def normalise_code(typed: str) -> str:
    """What a respondent typed as a code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in typed.upper() if ch not in " -\t")


def draft_by_code(session: Session, typed: str) -> Draft | None:
    code = normalise_code(typed)
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return session.scalar(select(Draft).where(Draft.resume_code == code))


def save_page(session: Session, draft: Draft, section: str, answers: dict[str, str | None],
              next_section: str, now: datetime) -> None:
    """Merge one page's answers, add the time since the last save to that page, move on."""
    seconds = max(0, round((now - aware(draft.updated_at)).total_seconds()))
    draft.answers = {**draft.answers, **answers}  # a new dict: JSON columns track replacement only
    draft.page_seconds = {**draft.page_seconds, section: draft.page_seconds.get(section, 0) + seconds}
    draft.section = next_section
    draft.updated_at = now
    session.flush()


_TARGET = and_(CampaignUnit.campaign_id == Draft.campaign_id, CampaignUnit.unit_id == Draft.unit_id)
DRAFT_WITH_CAMPAIGN = (
    select(Draft, CampaignUnit).outerjoin(CampaignUnit, _TARGET).where(Draft.uuid == bindparam("key"))
    .options(joinedload(Draft.unit), joinedload(Draft.campaign).joinedload(Campaign.questionnaire_version),
             joinedload(Draft.campaign).joinedload(Campaign.channels)))
"""Built once: every page of a draft runs it."""
TARGETS = "survey.responses.targets"
"""`Session.info` key of the target rows loaded with drafts (the identity map holds rows weakly)."""


def draft_with_campaign(session: Session, key: uuid.UUID) -> Draft | None:
    """The draft `key` with what every page of it reads: its unit, campaign, questionnaire version
    and channels, and its unit's target row (kept in the session for the send's check, which then
    finds it without a query), in one statement. The version's document stays deferred: its parsed
    definition is cached."""
    found = session.execute(DRAFT_WITH_CAMPAIGN, {"key": key}).unique().first()
    if found is None:
        return None
    session.info.setdefault(TARGETS, []).append(found[1])
    return found[0]


def draft_problems(session: Session, definition: forms.Definition, answers: dict[str, str | None],
                   language: str | None = None) -> dict[str, str]:
    """Question name -> message (in `language`, else the form's first) for each of a draft's
    answers missing or wrong: the one check of the answers before a send, by the rules
    `record_response` applies (valid units included)."""
    return forms.check_answers(definition, answers, language=language, unit_codes=unit_codes(session, definition))


def submit_draft(session: Session, draft: Draft, definition: forms.Definition, rules: BurstRules,
                 now: datetime, today: date) -> Response:
    """Store the draft as a response exactly once, with its paradata and its burst flag; delete the draft.

    The caller has found no `draft_problems` in its answers: they are not checked again. An
    invitation is marked used in the same transaction; if another response took it first,
    `InvitationUnavailable` is raised and the caller's rollback undoes the insert.
    """
    invitation = session.get(Invitation, draft.invitation_id) if draft.invitation_id else None
    if invitation is not None and response_by_uuid(session, draft.uuid) is None:
        check_usable(invitation, now)
    flag, detail = burst(session, draft, rules, now)
    response, created = record_response(session, submission_of(draft, definition, now, flag), today)
    if created:
        if invitation is not None:
            use_invitation(session, invitation, response, now)
        if flag is not None:
            log_exclusion(session, flag, detail, now, campaign_id=response.campaign_id, unit_id=response.unit_id,
                          response_id=response.id)
    session.connection().execute(DELETE_DRAFT, {"key": draft.uuid})
    return response


DRAFTS = cast(Table, Draft.__table__)  # a declarative model's table, which its hints call a FromClause
DELETE_DRAFT = delete(DRAFTS).where(DRAFTS.c.uuid == bindparam("key"))
"""Built once: a send deletes its draft by key, which no page of this request reads again."""


def submission_of(draft: Draft, definition: forms.Definition, now: datetime, flag: str | None = None) -> Submission:
    """The draft's answers to the questions asked (answers left behind by a changed path are dropped)."""
    answers: dict[str, str | None] = {
        key: value for key, value in forms.effective_answers(definition, draft.answers).items() if value is not None}
    return Submission(uuid=draft.uuid, campaign=draft.campaign, unit=draft.unit, channel="web",
                      started_at=aware(draft.started_at), submitted_at=now, answers=answers,
                      language=draft.language, device_class=draft.device_class, device_hash=draft.device_hash,
                      page_seconds=dict(draft.page_seconds), answers_checked=True, new_uuid=True, flag=flag)


def purge_drafts(session: Session, today: date) -> int:
    """Delete the drafts of campaigns that have closed: nobody can resume them any more."""
    closed = select(Campaign.id).where(Campaign.closes_on < today)
    # a DELETE's result is a CursorResult, which Session.execute's hints do not say
    return cast(CursorResult, session.execute(delete(Draft).where(Draft.campaign_id.in_(closed)))).rowcount
