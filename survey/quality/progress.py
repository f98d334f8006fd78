"""Progress of a campaign against its quotas: per unit (CampaignUnit.quota), per stratum (Quota
rows: respondents of a unit whose answer to a question is a value), per surveyor (who keyed the
responses; no target), and responses per day by channel. Read only.

Collected counts the eligible responses not rejected (submitted or verified; eligible: see
`survey.quality.eligibility`); the share and what remains compare collected with the target.
Responses screened out are counted apart (`Tally.screened`): they never fill a quota.
"""
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.campaigns.models import Campaign, Quota
from survey.clock import aware
from survey.quality.eligibility import eligible
from survey.quality.queries import scoped
from survey.responses.models import Answer, Response


@dataclass(frozen=True)
class Tally:
    """Counts of one row of a progress table, by status, against its target (None: no target)."""

    label: str
    target: int | None
    counts: dict[str, int]
    detail: str = ""
    screened: int = 0
    """Responses not rejected that were screened out: not in `counts`, never towards the target."""

    @property
    def collected(self) -> int:
        return self.counts.get("submitted", 0) + self.counts.get("verified", 0)

    @property
    def verified(self) -> int:
        return self.counts.get("verified", 0)

    @property
    def rejected(self) -> int:
        return self.counts.get("rejected", 0)

    @property
    def percent(self) -> float | None:
        return 100 * self.collected / self.target if self.target else None

    @property
    def remaining(self) -> int | None:
        return None if self.target is None else max(self.target - self.collected, 0)


@dataclass(frozen=True)
class Day:
    day: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def elapsed_share(campaign: Campaign, today: date) -> float | None:
    """The part of the campaign's days gone by at the end of `today` (the province's date): 0
    before it opens, 1 from its last day on; None without dates. Collection at an even pace
    would have filled this share of each quota."""
    if campaign.opens_on is None or campaign.closes_on is None:
        return None
    days = (campaign.closes_on - campaign.opens_on).days + 1
    return min(max((today - campaign.opens_on).days + 1, 0), days) / days


def visible(campaign: Campaign, unit_ids: Collection[int] | None) -> list:
    """The campaign's target units the reader may see, by name."""
    targets = [t for t in campaign.units if unit_ids is None or t.unit_id in unit_ids]
    return sorted(targets, key=lambda t: (t.unit.name, t.unit.code))


def unit_progress(session: Session, campaign: Campaign, unit_ids: Collection[int] | None) -> list[Tally]:
    """A row per visible unit: its eligible responses by status, and those screened out."""
    query = scoped(select(Response.unit_id, Response.status, func.count()), campaign, unit_ids)
    counts = by_unit_and_status(session, query.where(eligible(campaign)))
    every = by_unit_and_status(session, query.where(Response.status != "rejected"))
    return [Tally(t.unit.name, t.quota, dict(counts[t.unit_id]), t.unit.code,
                  sum(every[t.unit_id].values()) - sum(n for s, n in counts[t.unit_id].items() if s != "rejected"))
            for t in visible(campaign, unit_ids)]


def by_unit_and_status(session: Session, query) -> dict[int, Counter]:
    counts: dict[int, Counter] = defaultdict(Counter)
    for unit_id, status, count in session.execute(query.group_by(Response.unit_id, Response.status)):
        counts[unit_id][status] = count
    return counts


def stratum_progress(session: Session, campaign: Campaign, unit_ids: Collection[int] | None,
                     describe: Callable[[str, str], str] = "{} = {}".format) -> list[Tally]:
    """A row per Quota of the visible units, its detail `describe(question, value)`; eligible
    responses only."""
    matches = and_(Answer.response_id == Response.id, Answer.question_key == Quota.question_key,
                   Answer.value == Quota.value)
    query = (select(Quota.id, Response.status, func.count())
             .join(Response, and_(Response.campaign_id == Quota.campaign_id, Response.unit_id == Quota.unit_id))
             .join(Answer, matches).where(Quota.campaign_id == campaign.id, eligible(campaign))
             .group_by(Quota.id, Response.status))
    if unit_ids is not None:
        query = query.where(Quota.unit_id.in_(unit_ids))
    counts: dict[int, Counter] = defaultdict(Counter)
    for quota_id, status, count in session.execute(query):
        counts[quota_id][status] = count
    return [Tally(target.unit.name, quota.target, dict(counts[quota.id]), describe(quota.question_key, quota.value))
            for target in visible(campaign, unit_ids)
            for quota in sorted(target.quotas, key=lambda q: (q.question_key, q.value))]


def surveyor_progress(session: Session, campaign: Campaign, unit_ids: Collection[int] | None) -> list[Tally]:
    """A row per surveyor and unit, for the responses keyed by staff (web answers have nobody)."""
    query = scoped(select(User.username, Response.unit_id, Response.status, func.count())
                   .join(User, User.id == Response.entered_by_id), campaign, unit_ids)
    counts: dict[tuple[str, int], Counter] = defaultdict(Counter)
    for username, unit_id, status, count in session.execute(
            query.group_by(User.username, Response.unit_id, Response.status)):
        counts[username, unit_id][status] = count
    names = {t.unit_id: t.unit.name for t in campaign.units}
    rows = [Tally(username, None, dict(found), names[unit_id]) for (username, unit_id), found in counts.items()]
    return sorted(rows, key=lambda row: (row.label, row.detail))


def daily_counts(session: Session, campaign: Campaign, unit_ids: Collection[int] | None, zone: str) -> list[Day]:
    """Responses per local day of submission and channel, every day from the first to the last."""
    local, days_of_quarters = ZoneInfo(zone), {}
    counts: dict[date, Counter] = defaultdict(Counter)
    for submitted_at, channel in session.connection().execute(
            scoped(select(Response.submitted_at, Response.channel), campaign, unit_ids)):
        # Every zone's offset is a multiple of 15 minutes: convert each quarter hour once, not each row.
        quarter = submitted_at.replace(minute=submitted_at.minute - submitted_at.minute % 15, second=0, microsecond=0)
        if quarter not in days_of_quarters:
            days_of_quarters[quarter] = aware(quarter).astimezone(local).date()
        counts[days_of_quarters[quarter]][channel] += 1
    if not counts:
        return []
    first, last = min(counts), max(counts)
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [Day(day, {channel: counts[day][channel] for channel in campaign.channel_names}) for day in days]
