"""Writes on the officials' register (flush only; the caller commits): import a file, all or
nothing, and invite those not yet invited, one single-use invitation each."""
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.invitations.models import Invitation
from survey.invitations.operations import create_invitations, link_expiry
from survey.officials.messages import CATALOGUE
from survey.officials.models import Official
from survey.officials.queries import registered, uninvited
from survey.officials.register import Row, at, cell_problems, read_rows
from survey.text import Problem
from survey.units.models import Unit


def import_officials(session: Session, campaign: Campaign, data: bytes) -> list[Official]:
    """Register every official of the CSV `data` for `campaign`; InvalidInput listing every
    problem (by row and column) and nothing added when there is any."""
    rows = read_rows(data)
    problems = [problem for row in rows for problem in cell_problems(row)]
    if problems:  # before the queries: a NUL in a cell is refused by PostgreSQL
        raise InvalidInput(problems)
    units = {u.code: u for u in session.scalars(select(Unit).where(Unit.code.in_({r.unit for r in rows})))}
    problems = list(unit_problems(rows, units, campaign)) + list(repeats(session, campaign, rows, units))
    if problems:
        raise InvalidInput(problems)
    officials = [official(campaign, row, units[row.unit]) for row in rows]
    session.add_all(officials)
    session.flush()
    return officials


def official(campaign: Campaign, row: Row, unit: Unit) -> Official:
    return Official(campaign_id=campaign.id, unit_id=unit.id, name=row.name, position=row.position,
                    respondent_group=row.group, email=row.email, phone=row.phone)


def unit_problems(rows: list[Row], units: dict[str, Unit], campaign: Campaign) -> Iterator[Problem]:
    surveyed = {target.unit_id for target in campaign.units}
    for row in rows:
        if row.unit not in units:
            yield at(row, "unit", CATALOGUE.problem("official_unknown_unit", value=row.unit))
        elif units[row.unit].id not in surveyed:
            yield at(row, "unit", CATALOGUE.problem("official_unit_not_surveyed", value=row.unit, slug=campaign.slug))


def repeats(session: Session, campaign: Campaign, rows: list[Row], units: dict[str, Unit]) -> Iterator[Problem]:
    """A name listed twice for one unit, in the file or already in the register."""
    first: dict[tuple[str, str], int] = {}
    stored = registered(session, campaign)
    for row in rows:
        key = (row.unit, row.name)
        if key in first:
            yield at(row, "name", CATALOGUE.problem("official_twice", value=row.name, first=first[key]))
        elif row.unit in units and (units[row.unit].id, row.name) in stored:
            yield at(row, "name", CATALOGUE.problem("official_registered", value=row.name))
        first.setdefault(key, row.row)


def invite_officials(session: Session, campaign: Campaign, last_day: date | None,
                     now: datetime) -> list[tuple[Official, Invitation]]:
    """One invitation (without a dossier code) for each official not yet invited, marked invited,
    valid through the province's day `last_day` (None: never expiring). The refusal of a day already
    past names that day, not the UTC date of its end. The pairs are for the caller to hand out once:
    the register keeps no link to the invitation."""
    expires_at = valid_until(last_day)
    waiting = uninvited(session, campaign)
    if not waiting:
        raise InvalidInput(CATALOGUE.problem("official_none_to_invite", "campaign", slug=campaign.slug))
    pairs: list[tuple[Official, Invitation]] = []
    for people in by_unit(waiting):
        created = create_invitations(session, campaign, people[0].unit, [None] * len(people), expires_at, now)
        pairs += zip(people, created, strict=True)
    for person in waiting:
        person.invited_at = now
    session.flush()
    return pairs


def valid_until(last_day: date | None) -> datetime | None:
    """When invitations valid through `last_day` expire (`link_expiry`, the invitations' rule); refused
    when that day is past, in the register's words."""
    expires_at, past = link_expiry(last_day, "expires")
    if past:
        raise InvalidInput(CATALOGUE.problem("official_expiry_past", "expires", day=str(last_day)))
    return expires_at


def by_unit(people: list[Official]) -> list[list[Official]]:
    """The officials grouped by unit: an invitation is made for a unit of the campaign."""
    groups: dict[int, list[Official]] = defaultdict(list)
    for person in people:
        groups[person.unit_id].append(person)
    return list(groups.values())
