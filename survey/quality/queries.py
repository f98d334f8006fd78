"""The facts the quality rules read, loaded for a campaign (or one response), and the flagged
responses of the units a supervisor may see. Read only.

Campaign-wide figures (the median duration, the serials held twice) are computed over the whole
campaign, whoever asks: a response is flagged the same for every reader.
"""
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.quality.rules import (
    Context,
    Facts,
    Finding,
    Thresholds,
    context,
    duration,
    findings,
    median_seconds,
    shared_serials,
)
from survey.questionnaires.queries import version_definition
from survey.responses.models import Answer, Response

FACT_COLUMNS = (Response.id, Response.channel, Response.started_at, Response.submitted_at, Response.page_seconds,
                Response.paper_serial, Response.flag)


@dataclass(frozen=True)
class Flagged:
    """A response with at least one finding, for the list of flagged responses."""

    response_id: int
    unit_id: int
    status: str
    channel: str
    paper_serial: str | None
    findings: tuple[Finding, ...]


def campaign_thresholds(campaign: Campaign) -> Thresholds:
    """The rules' thresholds with the campaign's own shortest plausible interview."""
    return replace(Thresholds(), short_minimum_seconds=float(campaign.min_seconds))


def campaign_context(session: Session, campaign: Campaign, thresholds: Thresholds) -> Context:
    timed = [duration(*row) for row in session.connection().execute(
        select(Response.started_at, Response.submitted_at, Response.page_seconds)
        .where(Response.campaign_id == campaign.id, Response.channel.in_(thresholds.timed_channels)))]
    serials = session.scalars(select(Response.paper_serial).where(
        Response.campaign_id == campaign.id, Response.paper_serial.is_not(None)))
    return context(version_definition(campaign.questionnaire_version), thresholds, median_seconds(timed, thresholds),
                   shared_serials(serial for serial in serials if serial is not None))


def facts_of(row: Row, answers: Mapping[str, str]) -> Facts:
    """The facts of a row that starts with FACT_COLUMNS."""
    return Facts(row.id, row.channel, row.started_at, row.submitted_at, row.page_seconds, row.paper_serial, row.flag,
                 answers)


def flagged_responses(session: Session, campaign: Campaign, unit_ids: Collection[int] | None,
                      thresholds: Thresholds | None = None, rule: str | None = None,
                      unit_id: int | None = None, status: str | None = None) -> list[Flagged]:
    """The responses of `campaign` in `unit_ids` (None: all) with a finding (of `rule`, if
    given), newest first; `unit_id` and `status` narrow the list further. The thresholds are the
    campaign's unless given."""
    thresholds = thresholds or campaign_thresholds(campaign)
    query = scoped(select(*FACT_COLUMNS, Response.unit_id, Response.status), campaign, unit_ids)
    if unit_id is not None:
        query = query.where(Response.unit_id == unit_id)
    if status is not None:
        query = query.where(Response.status == status)
    rows = session.execute(query.order_by(Response.submitted_at.desc(), Response.id.desc())).all()
    figures, answers = campaign_context(session, campaign, thresholds), answers_of(session, query)
    found = []
    for row in rows:
        hits = [f for f in findings(facts_of(row, answers[row.id]), figures, thresholds)
                if rule is None or f.rule == rule]
        if hits:
            found.append(Flagged(row.id, row.unit_id, row.status, row.channel, row.paper_serial, tuple(hits)))
    return found


def response_findings(session: Session, response: Response, thresholds: Thresholds | None = None) -> list[Finding]:
    """The findings of one response, against its campaign's figures (and thresholds, unless given)."""
    thresholds = thresholds or campaign_thresholds(response.campaign)
    facts = Facts(response.id, response.channel, response.started_at, response.submitted_at, response.page_seconds,
                  response.paper_serial, response.flag,
                  {answer.key: answer.value for answer in response.answers})
    return findings(facts, campaign_context(session, response.campaign, thresholds), thresholds)


def scoped(query: Select, campaign: Campaign, unit_ids: Collection[int] | None) -> Select:
    query = query.where(Response.campaign_id == campaign.id)
    return query if unit_ids is None else query.where(Response.unit_id.in_(unit_ids))


def answers_of(session: Session, responses: Select) -> dict[int, dict[str, str]]:
    """Key -> stored answer of each response that `responses` (a select of Response) finds."""
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    chosen = responses.with_only_columns(Response.id).order_by(None)
    query = select(Answer.response_id, Answer.question_key, Answer.value).where(Answer.response_id.in_(chosen))
    for response_id, key, value in session.connection().execute(query):
        answers[response_id][key] = value
    return answers
