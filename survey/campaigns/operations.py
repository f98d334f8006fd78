"""Writes on campaigns (flush only; the caller commits)."""
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.campaigns.messages import CATALOGUE
from survey.campaigns.models import CHANNELS, Campaign, CampaignChannel, CampaignUnit, Quota
from survey.errors import InvalidInput, Problem
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.queries import version_definition
from survey.responses.models import Response
from survey.units.models import Unit
from survey.units.operations import csv_table
from survey.webhooks.events import campaign_closed

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MAX_MIN_SECONDS = 3600
"""The longest minimum interview time a campaign may set (an hour: beyond that every interview is short)."""


@dataclass(frozen=True)
class Target:
    """A unit to survey, its quota (respondents wanted) and transaction count N_h for the period."""

    unit: Unit
    quota: int | None = None
    transactions: int | None = None


@dataclass(frozen=True)
class Stratum:
    """A quota for a stratum within a target unit: respondents whose answer to a question is a value."""

    unit: Unit
    question_key: str
    value: str
    target: int


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
    min_seconds: int = 60
    strata: Sequence[Stratum] = ()


def create_campaign(session: Session, spec: CampaignSpec) -> Campaign:
    """Create a campaign after checking the whole specification; nothing is written if it fails."""
    problems = spec_problems(spec) + inactive_problems(spec.targets, ())
    if session.scalar(select(Campaign.id).where(Campaign.slug == spec.slug)) is not None:
        problems.append(CATALOGUE.problem("campaign_exists", "slug", slug=spec.slug))
    if problems:
        raise InvalidInput(problems)
    campaign = Campaign(
        slug=spec.slug, name=spec.name, questionnaire_version=spec.version, opens_on=spec.opens_on,
        closes_on=spec.closes_on, double_entry=spec.double_entry, min_cell_size=spec.min_cell_size,
        min_seconds=spec.min_seconds,
        channels=[CampaignChannel(channel=c) for c in dict.fromkeys(spec.channels)],
        units=[CampaignUnit(unit=t.unit, quota=t.quota, transactions=t.transactions,
                            quotas=[Quota(question_key=s.question_key, value=s.value, target=s.target)
                                    for s in spec.strata if s.unit.code == t.unit.code])
               for t in spec.targets],
    )
    session.add(campaign)
    session.flush()
    return campaign


def spec_problems(spec: CampaignSpec) -> list[Problem]:
    problems = []
    if not SLUG.match(spec.slug):
        problems.append(CATALOGUE.problem("slug_invalid", "slug", slug=spec.slug))
    if not spec.name.strip():
        problems.append(CATALOGUE.problem("name_required", "name"))
    problems += [CATALOGUE.problem("channel_unknown", "channel", channel=c, channels=", ".join(CHANNELS))
                 for c in spec.channels if c not in CHANNELS]
    if not spec.channels:
        problems.append(CATALOGUE.problem("channels_none", "channel"))
    problems += date_problems(spec.opens_on, spec.closes_on)
    problems += target_problems(spec.targets)
    if spec.min_cell_size < 1:
        problems.append(CATALOGUE.problem("min_cell_size_small", "min_cell_size"))
    if not 0 <= spec.min_seconds <= MAX_MIN_SECONDS:
        problems.append(CATALOGUE.problem("min_seconds_range", "min_seconds", largest=MAX_MIN_SECONDS))
    return problems + strata_problems(spec)


def strata_problems(spec: CampaignSpec) -> list[Problem]:
    """Each stratum in a target unit, on a choice of a question of the version, once, not negative."""
    definition = version_definition(spec.version)
    choices = {q.name: {c.value for c in q.choices} for q in definition.questions if q.choices}
    targets, problems, seen = {t.unit.code for t in spec.targets}, [], set()
    for item in spec.strata:
        where = {"unit": item.unit.code, "question": item.question_key, "value": item.value}
        if item.unit.code not in targets:
            problems.append(CATALOGUE.problem("stratum_not_target", "strata", **where))
        if item.question_key not in choices:
            problems.append(CATALOGUE.problem("stratum_question", "strata", **where, version=spec.version.label))
        elif item.value not in choices[item.question_key]:
            problems.append(CATALOGUE.problem("stratum_choice", "strata", **where))
        if item.target < 0:
            problems.append(CATALOGUE.problem("stratum_negative", "strata", **where, target=item.target))
        if (item.unit.code, item.question_key, item.value) in seen:
            problems.append(CATALOGUE.problem("stratum_twice", "strata", **where))
        seen.add((item.unit.code, item.question_key, item.value))
    return problems


def inactive_problems(targets: Sequence[Target], kept: Sequence[str]) -> list[Problem]:
    """Deactivated units may stay in a campaign that already had them, never join one."""
    return [CATALOGUE.problem("unit_deactivated", "unit", unit=t.unit.code) for t in targets
            if not t.unit.active and t.unit.code not in kept]


def date_problems(opens_on: date | None, closes_on: date | None) -> list[Problem]:
    if (opens_on is None) != (closes_on is None):
        return [CATALOGUE.problem("dates_half", "closes_on")]
    if opens_on and closes_on and closes_on < opens_on:
        return [CATALOGUE.problem("dates_reversed", "closes_on", closes=closes_on, opens=opens_on)]
    return []


def target_problems(targets: Sequence[Target]) -> list[Problem]:
    if not targets:
        return [CATALOGUE.problem("targets_none", "unit")]
    problems, seen = [], set()
    for target in targets:
        code = target.unit.code
        if code in seen:
            problems.append(CATALOGUE.problem("unit_twice", "unit", unit=code))
        seen.add(code)
        for value, key in ((target.quota, "quota_negative"), (target.transactions, "transactions_negative")):
            if value is not None and value < 0:
                problems.append(CATALOGUE.problem(key, unit=code, value=value))
    return problems


def set_stratum_quota(session: Session, campaign: Campaign, unit: Unit, question_key: str, value: str,
                      target: int) -> Quota:
    """Set the quota of respondents in `unit` whose answer to `question_key` is `value`."""
    campaign_unit = next((cu for cu in campaign.units if cu.unit_id == unit.id), None)
    problems = [] if campaign_unit else [CATALOGUE.problem("unit_not_target", unit=unit.code, slug=campaign.slug)]
    problems += stratum_problems(campaign, question_key, value)
    if target < 0:
        problems.append(CATALOGUE.problem("target_negative", target=target))
    if problems or campaign_unit is None:  # None: the problem just listed
        raise InvalidInput(problems)
    quota = next((q for q in campaign_unit.quotas if (q.question_key, q.value) == (question_key, value)), None)
    if quota is None:
        quota = Quota(question_key=question_key, value=value, target=target)
        campaign_unit.quotas.append(quota)
    quota.target = target
    session.flush()
    return quota


def stratum_problems(campaign: Campaign, question_key: str, value: str) -> list[Problem]:
    definition = version_definition(campaign.questionnaire_version)
    question = next((q for q in definition.questions if q.name == question_key), None)
    if question is None:
        return [CATALOGUE.problem("question_unknown", question=question_key,
                                  version=campaign.questionnaire_version.label)]
    if value not in {choice.value for choice in question.choices}:
        return [CATALOGUE.problem("choice_unknown", value=value, question=question_key)]
    return []


TARGET_COLUMNS = ("unit_code", "quota", "transactions")


def targets_from_csv(session: Session, text: str) -> list[Target]:
    """Targets from CSV columns unit_code, quota, transactions (the last two may be blank).

    Every problem is reported with its row (the header is row 1); nothing is returned unless all rows are good.
    """
    header, rows = csv_table(text)
    problems = [CATALOGUE.problem("targets_csv_column_unknown", "targets", column=c, columns=", ".join(TARGET_COLUMNS))
                for c in header if c not in TARGET_COLUMNS]
    if "unit_code" not in header:
        problems.append(CATALOGUE.problem("csv_unit_code_missing", "targets"))
    if problems:
        raise InvalidInput(problems)
    units = {u.code: u for u in session.scalars(select(Unit).where(Unit.code.in_(
        [(row.get("unit_code") or "").strip() for _, row in rows])))}
    targets = [target_row(number, row, units, problems) for number, row in rows]
    problems += repeated_units(rows) + ([] if rows else [CATALOGUE.problem("csv_empty", "targets")])
    if problems:
        raise InvalidInput(problems)
    return [target for target in targets if target is not None]  # a None row listed a problem above


def target_row(number: int, row: dict, units: dict[str, Unit], problems: list[Problem]) -> Target | None:
    code = (row.get("unit_code") or "").strip()
    if None in row:
        problems.append(CATALOGUE.problem("targets_csv_cells_extra", "targets", row=number))
    if code not in units:
        problems.append(CATALOGUE.problem("targets_csv_unit_unknown", "targets", row=number, unit=code) if code else
                        CATALOGUE.problem("targets_csv_unit_required", "targets", row=number))
    quota = whole_number(row, "quota", number, problems)
    transactions = whole_number(row, "transactions", number, problems)
    return Target(units[code], quota, transactions) if code in units else None


def repeated_units(rows: list[tuple[int, dict]]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for number, row in rows:
        code = (row.get("unit_code") or "").strip()
        if code and code in seen:
            problems.append(CATALOGUE.problem("targets_csv_unit_repeated", "targets", row=number, unit=code,
                                              first=seen[code]))
        seen.setdefault(code, number)
    return problems


LARGEST_COUNT = 1_000_000_000
"""Quotas and transaction counts above this are typing mistakes (and would not fit the column)."""


def whole_number(row: dict, column: str, number: int, problems: list[Problem]) -> int | None:
    value = (row.get(column) or "").strip()
    if value and not (value.isascii() and value.isdigit() and int(value) <= LARGEST_COUNT):
        problems.append(CATALOGUE.problem("csv_not_count", "targets", row=number, column=column, value=value,
                                          largest=LARGEST_COUNT))
        return None
    return int(value) if value else None


# Administration of campaigns: every change is checked in full, applied, and written to the audit log.

def add_campaign(session: Session, spec: CampaignSpec, actor: User | None) -> Campaign:
    campaign = create_campaign(session, spec)
    audit(session, actor, "campaign_created", subject=f"campaign {campaign.slug}", version=spec.version.label,
          units=len(spec.targets))
    return campaign


def update_campaign(session: Session, campaign: Campaign, spec: CampaignSpec, actor: User | None) -> list[str]:
    """Change a campaign to `spec`; what its responses and invitations rely on cannot change.

    Returns the names of the fields that changed (none: nothing is written).
    """
    problems = spec_problems(spec) + inactive_problems(spec.targets, [cu.unit.code for cu in campaign.units])
    if spec.slug != campaign.slug and session.scalar(select(Campaign.id).where(Campaign.slug == spec.slug)):
        problems.append(CATALOGUE.problem("campaign_exists", "slug", slug=spec.slug))
    problems += usage_problems(session, campaign, spec)
    if problems:
        raise InvalidInput(problems)
    before = snapshot(campaign)
    apply_spec(campaign, spec)
    session.flush()
    changed = [name for name, value in snapshot(campaign).items() if before[name] != value]
    if changed:
        renamed: dict[str, Any] = {"slug_before": before["slug"]} if "slug" in changed else {}
        audit(session, actor, "campaign_updated", subject=f"campaign {campaign.slug}", changed=changed, **renamed)
    return changed


def snapshot(campaign: Campaign) -> dict[str, object]:
    """What an edit may change, comparably."""
    return {
        "slug": campaign.slug, "name": campaign.name, "version": campaign.questionnaire_version.label,
        "opens_on": campaign.opens_on, "closes_on": campaign.closes_on, "double_entry": campaign.double_entry,
        "min_cell_size": campaign.min_cell_size, "min_seconds": campaign.min_seconds,
        "channels": campaign.channel_names,
        "units": sorted((cu.unit.code, cu.quota, cu.transactions) for cu in campaign.units),
        "strata": sorted((cu.unit.code, q.question_key, q.value, q.target) for cu in campaign.units for q in cu.quotas),
    }


def usage_problems(session: Session, campaign: Campaign, spec: CampaignSpec) -> list[Problem]:
    """Refusals protecting the answers already collected and the links already handed out."""
    from survey.invitations.models import Invitation  # the invitations domain builds on campaigns

    responses = counts(session, Response.unit_id, Response.campaign_id == campaign.id)
    invitations = counts(session, Invitation.unit_id, Invitation.campaign_id == campaign.id)
    by_channel = counts(session, Response.channel, Response.campaign_id == campaign.id)
    problems = []
    if spec.version.id != campaign.questionnaire_version_id and responses:
        problems.append(CATALOGUE.problem("version_in_use", "version", responses=sum(responses.values()),
                                          version=campaign.questionnaire_version.label))
    if spec.slug != campaign.slug and (responses or invitations):
        problems.append(CATALOGUE.problem("slug_in_use", "slug", responses=sum(responses.values()),
                                          invitations=sum(invitations.values())))
    kept = {t.unit.id for t in spec.targets}
    for cu in campaign.units:
        if cu.unit_id not in kept and (responses.get(cu.unit_id) or invitations.get(cu.unit_id)):
            problems.append(CATALOGUE.problem("unit_in_use", "unit", unit=cu.unit.code,
                                              responses=responses.get(cu.unit_id, 0),
                                              invitations=invitations.get(cu.unit_id, 0)))
    problems += [CATALOGUE.problem("channel_in_use", "channel", channel=name, responses=number)
                 for name, number in by_channel.items() if name not in spec.channels]
    return problems


def counts(session: Session, column, condition) -> dict:
    return dict(session.execute(select(column, func.count()).where(condition).group_by(column)).all())


def apply_spec(campaign: Campaign, spec: CampaignSpec) -> None:
    for name in ("slug", "name", "opens_on", "closes_on", "double_entry", "min_cell_size", "min_seconds"):
        setattr(campaign, name, getattr(spec, name))
    campaign.questionnaire_version = spec.version
    wanted = list(dict.fromkeys(spec.channels))
    campaign.channels[:] = [c for c in campaign.channels if c.channel in wanted] + [
        CampaignChannel(channel=name) for name in wanted if name not in campaign.channel_names]
    existing = {cu.unit_id: cu for cu in campaign.units}
    campaign.units[:] = [target_unit(existing.get(t.unit.id), t, spec.strata) for t in spec.targets]


def target_unit(campaign_unit: CampaignUnit | None, target: Target, strata: Sequence[Stratum]) -> CampaignUnit:
    """The unit's row updated in place (its strata too), so unchanged rows are not deleted and re-added."""
    campaign_unit = campaign_unit or CampaignUnit(unit=target.unit)
    campaign_unit.quota, campaign_unit.transactions = target.quota, target.transactions
    wanted = {(s.question_key, s.value): s.target for s in strata if s.unit.code == target.unit.code}
    campaign_unit.quotas[:] = [q for q in campaign_unit.quotas if (q.question_key, q.value) in wanted] + [
        Quota(question_key=key, value=value, target=0) for key, value in wanted
        if (key, value) not in {(q.question_key, q.value) for q in campaign_unit.quotas}]
    for quota in campaign_unit.quotas:
        quota.target = wanted[(quota.question_key, quota.value)]
    return campaign_unit


def open_now(session: Session, campaign: Campaign, today: date, closes_on: date | None, actor: User | None) -> None:
    """Open the campaign today (or reopen it) until `closes_on`; its state follows from the dates."""
    problems = [] if campaign.state_on(today) != "open" else [CATALOGUE.problem("already_open", slug=campaign.slug)]
    if closes_on is None or closes_on < today:
        problems.append(CATALOGUE.problem("closes_on_past", "closes_on", today=today))
    if problems:
        raise InvalidInput(problems)
    before = (campaign.opens_on, campaign.closes_on)
    if campaign.opens_on is None or campaign.opens_on > today:
        campaign.opens_on = today
    campaign.closes_on = closes_on
    session.flush()
    audit(session, actor, "campaign_opened", subject=f"campaign {campaign.slug}", before=dates_text(*before),
          after=dates_text(campaign.opens_on, campaign.closes_on))


def close_now(session: Session, campaign: Campaign, today: date, actor: User | None) -> None:
    """Close an open campaign: its last day becomes yesterday (paper may still be keyed, see `accepts`)."""
    if campaign.state_on(today) != "open":
        raise InvalidInput(CATALOGUE.problem("not_open", slug=campaign.slug))
    before = (campaign.opens_on, campaign.closes_on)
    campaign.closes_on = today - timedelta(days=1)
    opened = campaign.opens_on or campaign.closes_on  # an open campaign has both dates
    campaign.opens_on = min(opened, campaign.closes_on)  # opened today: it closes before a day passed
    session.flush()
    audit(session, actor, "campaign_closed", subject=f"campaign {campaign.slug}", before=dates_text(*before),
          after=dates_text(campaign.opens_on, campaign.closes_on))
    campaign_closed(session, campaign, campaign.closes_on)  # webhook outbox: once per campaign


def dates_text(opens_on: date | None, closes_on: date | None) -> str:
    return f"{opens_on}..{closes_on}" if opens_on else "-"


@dataclass(frozen=True)
class CloneSpec:
    """What a copy of a campaign takes anew; everything else comes from the source."""

    slug: str
    name: str
    opens_on: date | None
    closes_on: date | None
    version: QuestionnaireVersion


def clone_campaign(session: Session, source: Campaign, clone: CloneSpec,
                   actor: User | None) -> tuple[Campaign, list[Problem]]:
    """A new campaign with the source's active units, channels, quotas and N_h (and strata the version
    still has); returns it and what was left behind, one problem each (the audit log keeps their English)."""
    targets = [Target(cu.unit, cu.quota, cu.transactions) for cu in source.units if cu.unit.active]
    left = [CATALOGUE.problem("unit_deactivated", "unit", unit=cu.unit.code)
            for cu in source.units if not cu.unit.active]
    strata = [Stratum(cu.unit, q.question_key, q.value, q.target) for cu in source.units if cu.unit.active
              for q in cu.quotas]
    spec = CampaignSpec(slug=clone.slug, name=clone.name, version=clone.version, targets=targets,
                        channels=source.channel_names, opens_on=clone.opens_on, closes_on=clone.closes_on,
                        double_entry=source.double_entry, min_cell_size=source.min_cell_size,
                        min_seconds=source.min_seconds)
    kept = [s for s in strata if not strata_problems(replace(spec, strata=[s]))]
    left += [CATALOGUE.problem("stratum_left_behind", "strata", unit=s.unit.code, question=s.question_key,
                               value=s.value, version=clone.version.label) for s in strata if s not in kept]
    campaign = create_campaign(session, replace(spec, strata=kept))
    audit(session, actor, "campaign_cloned", subject=f"campaign {campaign.slug}", source=source.slug,
          version=clone.version.label, left_behind=[str(problem) for problem in left])
    return campaign, left


def targets_outside(spec: CampaignSpec, scope: frozenset[int] | None) -> list[Problem]:
    """The problem of target units outside `scope` (an administrator's units and all below them;
    None: the whole province), or none."""
    outside = sorted(t.unit.code for t in spec.targets if scope is not None and t.unit.id not in scope)
    return [CATALOGUE.problem("units_outside_scope", "unit", codes=", ".join(outside))] if outside else []
