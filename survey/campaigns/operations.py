"""Writes on campaigns (flush only; the caller commits)."""
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.campaigns.models import CHANNELS, Campaign, CampaignChannel, CampaignUnit, Quota
from survey.errors import InvalidInput
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.queries import version_definition
from survey.units.models import Unit
from survey.units.queries import units_by_codes

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True)
class Target:
    """A unit to survey, its quota (respondents wanted) and transaction count N_h for the period."""

    unit: Unit
    quota: int | None = None
    transactions: int | None = None


@dataclass(frozen=True)
class CampaignSpec:
    slug: str
    name: str
    version: QuestionnaireVersion
    targets: Sequence[Target]
    channels: Sequence[str] = ("web",)
    opens_on: date | None = None
    closes_on: date | None = None
    double_entry: bool = False
    min_cell_size: int = 30


def create_campaign(session: Session, spec: CampaignSpec) -> Campaign:
    """Create a campaign after checking the whole specification; nothing is written if it fails."""
    problems = spec_problems(spec)
    if session.scalar(select(Campaign.id).where(Campaign.slug == spec.slug)) is not None:
        problems.append(f"campaign '{spec.slug}' already exists")
    if problems:
        raise InvalidInput(problems)
    campaign = Campaign(
        slug=spec.slug, name=spec.name, questionnaire_version=spec.version, opens_on=spec.opens_on,
        closes_on=spec.closes_on, double_entry=spec.double_entry, min_cell_size=spec.min_cell_size,
        channels=[CampaignChannel(channel=c) for c in dict.fromkeys(spec.channels)],
        units=[CampaignUnit(unit=t.unit, quota=t.quota, transactions=t.transactions) for t in spec.targets],
    )
    session.add(campaign)
    session.flush()
    return campaign


def spec_problems(spec: CampaignSpec) -> list[str]:
    problems = []
    if not SLUG.match(spec.slug):
        problems.append(f"slug '{spec.slug}': use lower-case letters, digits and '-' (at most 64)")
    if not spec.name.strip():
        problems.append("name: a campaign needs a name")
    problems += [f"channel '{c}' is not one of {', '.join(CHANNELS)}" for c in spec.channels if c not in CHANNELS]
    if not spec.channels:
        problems.append("channels: allow at least one channel")
    problems += date_problems(spec.opens_on, spec.closes_on)
    problems += target_problems(spec.targets)
    if spec.min_cell_size < 1:
        problems.append("min_cell_size: must be at least 1")
    return problems


def date_problems(opens_on: date | None, closes_on: date | None) -> list[str]:
    if (opens_on is None) != (closes_on is None):
        return ["dates: give both the opening and the closing date, or neither (a draft)"]
    if opens_on and closes_on < opens_on:
        return [f"dates: closes {closes_on} before it opens {opens_on}"]
    return []


def target_problems(targets: Sequence[Target]) -> list[str]:
    if not targets:
        return ["units: a campaign needs at least one target unit"]
    problems, seen = [], set()
    for target in targets:
        code = target.unit.code
        if code in seen:
            problems.append(f"unit '{code}' is listed twice")
        seen.add(code)
        for name in ("quota", "transactions"):
            value = getattr(target, name)
            if value is not None and value < 0:
                problems.append(f"unit '{code}', {name}: {value} is negative")
    return problems


def set_stratum_quota(session: Session, campaign: Campaign, unit: Unit, question_key: str, value: str,
                      target: int) -> Quota:
    """Set the quota of respondents in `unit` whose answer to `question_key` is `value`."""
    campaign_unit = next((cu for cu in campaign.units if cu.unit_id == unit.id), None)
    problems = [] if campaign_unit else [f"unit '{unit.code}' is not a target of campaign '{campaign.slug}'"]
    problems += stratum_problems(campaign, question_key, value) + ([f"target {target} is negative"] if target < 0 else [])
    if problems:
        raise InvalidInput(problems)
    quota = next((q for q in campaign_unit.quotas if (q.question_key, q.value) == (question_key, value)), None)
    if quota is None:
        quota = Quota(question_key=question_key, value=value, target=target)
        campaign_unit.quotas.append(quota)
    quota.target = target
    session.flush()
    return quota


def stratum_problems(campaign: Campaign, question_key: str, value: str) -> list[str]:
    definition = version_definition(campaign.questionnaire_version)
    question = next((q for q in definition.questions if q.name == question_key), None)
    if question is None:
        return [f"question '{question_key}' is not in {campaign.questionnaire_version.label}"]
    if value not in {choice.value for choice in question.choices}:
        return [f"'{value}' is not a choice of question '{question_key}'"]
    return []


def targets_from_csv(session: Session, text: str) -> list[Target]:
    """Targets from CSV columns unit_code, quota, transactions (the last two may be blank)."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    units = units_by_codes(session, [row.get("unit_code") or "" for row in rows])
    problems: list[str] = []
    targets = [Target(unit, whole_number(row, "quota", n, problems), whole_number(row, "transactions", n, problems))
               for n, (unit, row) in enumerate(zip(units, rows), start=2)]
    if problems:
        raise InvalidInput(problems)
    return targets


def whole_number(row: dict, column: str, number: int, problems: list[str]) -> int | None:
    value = (row.get(column) or "").strip()
    if value and not value.isdigit():
        problems.append(f"row {number}, {column}: '{value}' is not a whole number")
    return int(value) if value.isdigit() else None
