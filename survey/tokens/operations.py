"""Issuing and revoking API tokens (flush only; the caller commits), each change audited.

A token is "sv_" and 43 random URL-safe characters (256 bits); it is returned once by
`issue_token` and only its SHA-256 hash is stored.
"""
import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.errors import InvalidInput, Problem
from survey.tokens.messages import CATALOGUE
from survey.tokens.models import SCOPES, ApiToken
from survey.units.models import Unit

PREFIX = "sv_"
MAX_NAME = 100


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue_token(session: Session, name: str, scopes: Sequence[str], unit: Unit | None, actor: User | None,
                now: datetime) -> tuple[ApiToken, str]:
    """A new token: (its row, the token itself, to be shown once)."""
    name = name.strip()
    problems = token_problems(session, name, scopes)
    if problems:
        raise InvalidInput(problems)
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(name=name, token_hash=hash_token(token), prefix=token[:10], scopes=sorted(set(scopes)),
                   unit=unit, created_by=actor, created_at=now)
    session.add(row)
    audit(session, actor, "api_token_created", subject=f"token {name}", scopes=row.scopes,
          unit=unit.code if unit else None)
    session.flush()
    return row, token


def token_problems(session: Session, name: str, scopes: Sequence[str]) -> list[Problem]:
    problems = [] if 0 < len(name) <= MAX_NAME else [CATALOGUE.problem("name_length", length=MAX_NAME)]
    if name and active_token_named(session, name) is not None:
        problems.append(CATALOGUE.problem("name_taken", name=name))
    known = ", ".join(SCOPES)
    if not scopes:
        problems.append(CATALOGUE.problem("scopes_none", scopes=known))
    return problems + [CATALOGUE.problem("scope_unknown", scope=s, scopes=known) for s in scopes if s not in SCOPES]


def revoke_token(session: Session, token: ApiToken, actor: User | None, now: datetime) -> None:
    """The token stops working at once; revoking twice changes nothing."""
    if token.revoked_at is not None:
        return
    token.revoked_at = now
    audit(session, actor, "api_token_revoked", subject=f"token {token.name}")
    session.flush()


def active_token_named(session: Session, name: str) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.name == name, ApiToken.revoked_at.is_(None)))


def token_by_id(session: Session, token_id: int) -> ApiToken | None:
    """The token numbered `token_id`, revoked or not (None when there is none)."""
    return session.get(ApiToken, token_id)


def token_by_secret(session: Session, token: str) -> ApiToken | None:
    """The token presented, revoked or not (None when unknown)."""
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))


def all_tokens(session: Session) -> list[ApiToken]:
    """Active tokens first, newest first."""
    query = (select(ApiToken).options(selectinload(ApiToken.unit), selectinload(ApiToken.created_by))
             .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id.desc()))
    return list(session.scalars(query))
