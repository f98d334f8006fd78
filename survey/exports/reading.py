"""Which responses an export takes, and reading them in bounded batches.

Responses are read by keyset pagination on their id, each batch with its answers in one
query, as plain rows (no ORM objects), so memory depends on the batch size, not the campaign.
"""
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Connection, Select, String, cast, func, select
from sqlalchemy.orm import Session, aliased

import forms
from survey.campaigns.models import Campaign, CampaignUnit
from survey.campaigns.queries import campaign_by_slug
from survey.errors import InvalidInput
from survey.exports.problems import CATALOGUE
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.queries import version_definition
from survey.responses.models import STATUSES, Answer, Response
from survey.units.models import Unit

BATCH_SIZE = 5000
# The uuid as text (SQLite: 32 hex digits, PostgreSQL: dashed): building UUID objects costs more than the query.
RESPONSE_COLUMNS = (Response.id, cast(Response.uuid, String), Response.unit_id, Response.channel, Response.status,
                    Response.paper_serial, Response.started_at, Response.submitted_at,
                    Response.device_class, Response.flag, Response.questionnaire_version_id)
SCOPE_FLAG = len(RESPONSE_COLUMNS)
"""Where a batch's rows hold the flag asked for by `batches(..., flag=...)`, after RESPONSE_COLUMNS."""


@dataclass(frozen=True)
class Selection:
    """A campaign's responses, optionally only some units, statuses and submission days."""

    campaign: Campaign
    unit_ids: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    submitted_from: datetime | None = None
    submitted_before: datetime | None = None
    last_id: int | None = None
    """The newest response when the export was planned: one stored later has no weight computed."""

    def filters(self) -> list[ColumnElement[bool]]:
        where = [Response.campaign_id == self.campaign.id]
        if self.last_id is not None:
            where.append(Response.id <= self.last_id)
        if self.unit_ids:
            where.append(Response.unit_id.in_(self.unit_ids))
        if self.statuses:
            where.append(Response.status.in_(self.statuses))
        if self.submitted_from is not None:
            where.append(Response.submitted_at >= self.submitted_from)
        if self.submitted_before is not None:
            where.append(Response.submitted_at < self.submitted_before)
        return where

    def within(self, low: int, high: int | None) -> list[ColumnElement[bool]]:
        """The filters, and low < id <= high (no upper bound: None)."""
        return self.filters() + [Response.id > low] + ([] if high is None else [Response.id <= high])


@dataclass(frozen=True)
class Filters:
    """The filters as given on the command line; `select` checks them against the campaign."""

    unit_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    first_day: date | None = None
    last_day: date | None = None
    timezone: str = "Asia/Ho_Chi_Minh"

    def select(self, session: Session, slug: str) -> Selection:
        """The selection, or InvalidInput listing every filter that does not fit the campaign."""
        campaign = campaign_by_slug(session, slug)
        targets = {u.code: u.id for u in session.scalars(
            select(Unit).join(CampaignUnit).where(CampaignUnit.campaign_id == campaign.id))}
        problems = [CATALOGUE.problem("export_unit_not_surveyed", "unit", unit=c, slug=slug)
                    for c in self.unit_codes if c not in targets]
        problems += [CATALOGUE.problem("export_status_unknown", "status", status=s, known=", ".join(STATUSES))
                     for s in self.statuses if s not in STATUSES]
        if self.first_day and self.last_day and self.first_day > self.last_day:
            problems.append(CATALOGUE.problem("export_dates_reversed", "to", first=self.first_day, last=self.last_day))
        if problems:
            raise InvalidInput(problems)
        return Selection(campaign, tuple(targets[c] for c in self.unit_codes), self.statuses,
                         self._moment(self.first_day),
                         self._moment(self.last_day + timedelta(days=1) if self.last_day else None))

    def _moment(self, day: date | None) -> datetime | None:
        """Midnight starting `day` in the campaign's time zone, in UTC (SQLite compares the naive UTC text)."""
        return None if day is None else datetime.combine(day, time(), ZoneInfo(self.timezone)).astimezone(UTC)


def responses_by_unit(session: Session, selection: Selection) -> dict[int, int]:
    """n_h: how many of the selected responses evaluate each unit."""
    query = select(Response.unit_id, func.count()).where(*selection.filters()).group_by(Response.unit_id)
    return dict(session.execute(query).all())


def frozen(session: Session, selection: Selection) -> Selection:
    """The selection bounded by its newest response now, so that weights computed next cover every row."""
    newest = session.scalar(select(func.max(Response.id)).where(*selection.filters()))
    return replace(selection, last_id=newest if newest is not None else 0)


def unit_details(session: Session, campaign: Campaign) -> dict[int, tuple[str, str, str, str | None]]:
    """Unit id -> (code, name, level, district code) for the campaign's targets."""
    parent = aliased(Unit)
    query = (select(Unit.id, Unit.code, Unit.name, Unit.level, Unit.district_code(Unit, parent))
             .join(CampaignUnit, CampaignUnit.unit_id == Unit.id).outerjoin(parent, Unit.parent_id == parent.id)
             .where(CampaignUnit.campaign_id == campaign.id))
    return {uid: (code, name, level, district) for uid, code, name, level, district in session.execute(query)}


def answered_versions(session: Session, selection: Selection) -> list[tuple[int, int, forms.Definition]]:
    """(version id, number, definition) of the versions the selected responses answered; the campaign's first."""
    ids = set(session.scalars(select(Response.questionnaire_version_id).where(*selection.filters()).distinct()))
    ids.add(selection.campaign.questionnaire_version_id)
    versions = session.scalars(select(QuestionnaireVersion).where(QuestionnaireVersion.id.in_(ids)))
    ordered = sorted(versions, key=lambda v: (v.id != selection.campaign.questionnaire_version_id, v.number))
    return [(v.id, v.number, version_definition(v)) for v in ordered]


@dataclass(frozen=True)
class Batch:
    """Up to a batch size of responses (rows of RESPONSE_COLUMNS) and their answers, in id order."""

    rows: Sequence[tuple]
    answers: Sequence[tuple]
    """(response id, question key, value, number, repeat instance), in no particular order."""

    def column(self, index: int) -> list:
        return self._columns[index]

    @cached_property
    def _columns(self) -> list[list]:
        """The rows turned into columns once (zip in C, not a comprehension per column)."""
        return [list(values) for values in zip(*self.rows, strict=True)]

    def by_key(self) -> tuple[dict[str, list], dict[str, list]]:
        """Stored values and numbers per question key, one list each aligned with `rows` (None: no answer)."""
        position = {row[0]: i for i, row in enumerate(self.rows)}
        values: dict[str, list] = {}
        numbers: dict[str, list] = {}
        for response_id, key, value, number, *_ in self.answers:
            if key not in values:
                values[key], numbers[key] = [None] * len(self.rows), [None] * len(self.rows)
            values[key][position[response_id]] = value
            numbers[key][position[response_id]] = number
        return values, numbers


def batches(session: Session, selection: Selection, size: int = BATCH_SIZE, after: int = 0,
            upto: int | None = None, flag: ColumnElement[bool] | None = None) -> Iterator[Batch]:
    """The selected responses with `after` < id <= `upto` (no bound: None), `size` at a time, each
    batch with its answers read in one query; with `flag` (a condition on Response, such as being in
    the analysis' scope), each row ends with its truth (column SCOPE_FLAG).

    Plain driver rows through the session's connection: no ORM objects, nothing kept between batches.
    """
    connection = session.connection()
    columns = RESPONSE_COLUMNS if flag is None else (*RESPONSE_COLUMNS, flag)
    last = after
    while True:
        rows = _driver_rows(connection, select(*columns).where(*selection.within(last, upto))
                            .order_by(Response.id).limit(size))
        if not rows:
            return
        answers = (select(Answer.response_id, Answer.question_key, Answer.value, Answer.number, Answer.instance)
                   .join(Response, Response.id == Answer.response_id)
                   .where(*selection.within(last, rows[-1][0])))
        yield Batch(rows, _driver_rows(connection, answers))
        last = rows[-1][0]


def _driver_rows(connection: Connection, query: Select) -> Sequence[tuple]:
    """Rows straight from the driver's cursor, skipping SQLAlchemy's row objects and type conversions
    (a third of the time on millions of answers); times may then be text (SQLite), see rows.naive_utc."""
    result = connection.execute(query)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()
