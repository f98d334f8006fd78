"""Writes on invitations (flush only; the caller commits)."""
import secrets
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from typing import cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from forms.text_checks import CONTROL, has_control
from survey import clock
from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput, Problem
from survey.invitations.messages import CATALOGUE
from survey.invitations.models import Invitation
from survey.responses.models import Response
from survey.units.models import Unit

MAX_DOSSIER_CODE = 64


class InvitationUnavailable(Exception):
    """The invitation cannot take a response: `reason` is 'used' or 'expired'."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"invitation {reason}")


def create_invitations(session: Session, campaign: Campaign, unit: Unit, dossier_codes: Iterable[str | None],
                       expires_at: datetime | None, now: datetime, draw_id: int | None = None) -> list[Invitation]:
    """One invitation per dossier code (None for an invitation without one); all or nothing. `draw_id`
    links them to the random draw of dossiers that chose them (survey.draws)."""
    codes = list(dossier_codes)
    problems = code_problems(session, campaign, unit, codes)
    if problems:
        raise InvalidInput(problems)
    # By id rather than relationship: thousands of rows flush several times faster.
    invitations = [Invitation(token=secrets.token_urlsafe(24), campaign_id=campaign.id, unit_id=unit.id,
                              dossier_code=code, created_at=now, expires_at=expires_at, draw_id=draw_id)
                   for code in codes]
    session.add_all(invitations)
    session.flush()
    return invitations


def code_problems(session: Session, campaign: Campaign, unit: Unit, codes: list[str | None]) -> list[Problem]:
    problems = [] if unit.id in {t.unit_id for t in campaign.units} else [
        CATALOGUE.problem("unit_not_surveyed", "unit", unit=unit.code, slug=campaign.slug)]
    named = [code for code in codes if code is not None]
    unreadable = [CATALOGUE.problem("dossier_control", "dossier_codes", dossier=CONTROL.sub("?", code)[:20])
                  for code in named if has_control(code)]
    if unreadable:  # before the query, which PostgreSQL refuses with a NUL in it
        return problems + unreadable
    problems += [CATALOGUE.problem("dossier_long", "dossier_codes", dossier=code[:20], length=MAX_DOSSIER_CODE)
                 for code in named if len(code) > MAX_DOSSIER_CODE]
    problems += [CATALOGUE.problem("dossier_twice", "dossier_codes", dossier=code)
                 for code, n in sorted(Counter(named).items()) if n > 1]
    taken = session.scalars(select(Invitation.dossier_code).where(
        Invitation.campaign_id == campaign.id, Invitation.dossier_code.in_(named)))
    return problems + [CATALOGUE.problem("dossier_invited", "dossier_codes", dossier=code)
                       for code in sorted(code for code in taken if code is not None)]


def check_usable(invitation: Invitation, now: datetime) -> None:
    if invitation.response_id is not None:
        raise InvitationUnavailable("used")
    if invitation.expired(now):
        raise InvitationUnavailable("expired")


def use_invitation(session: Session, invitation: Invitation, response: Response, now: datetime) -> None:
    """Mark the invitation used by `response`, only if no other response took it meanwhile."""
    # an UPDATE's result is a CursorResult, which Session.execute's hints do not say
    result = cast(CursorResult, session.execute(
        update(Invitation).where(Invitation.id == invitation.id, Invitation.response_id.is_(None))
        .values(used_at=now, response_id=response.id).execution_options(synchronize_session=False)))
    if result.rowcount != 1:
        raise InvitationUnavailable("used")
    session.refresh(invitation)


def invite(session: Session, campaign: Campaign, unit: Unit, dossier_codes: Iterable[str], expires_at: datetime | None,
           now: datetime, actor: User | None) -> list[Invitation]:
    """`create_invitations` from the administration pages, written to the audit log."""
    created = create_invitations(session, campaign, unit, dossier_codes, expires_at, now)
    audit(session, actor, "invitations_created", subject=f"campaign {campaign.slug}", unit=unit.code,
          count=len(created), expires_at=expires_at.isoformat() if expires_at else None)
    return created


def link_expiry(day: date | None, field: str) -> tuple[datetime | None, list[Problem]]:
    """When links that may be used through `day` expire: the end of that day in the province (None: when
    the campaign closes), and the problem of `field` when the day is already past."""
    if day is None:
        return None, []
    past = [CATALOGUE.problem("expiry_past", field, day=day.strftime("%d/%m/%Y"))] if day < clock.today() else []
    return clock.end_of_day(day), past


def dossier_codes(text: str) -> list[str]:
    """Dossier codes from pasted text or a file: one a line (in a CSV, the first cell), blank lines and a
    header line ('dossier_code', 'ma_ho_so', 'mã hồ sơ') skipped; repeats are kept, for the check to name."""
    codes = []
    for line in text.splitlines():
        code = line.split(",")[0].split(";")[0].split("\t")[0].strip().strip('"').strip()
        if code and code.lower() not in HEADER_WORDS:
            codes.append(code)
    return codes


HEADER_WORDS = {"dossier_code", "ma_ho_so", "mã hồ sơ", "ma ho so"}
