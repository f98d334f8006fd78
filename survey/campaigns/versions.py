"""Campaigns left on an older version of their questionnaire once a newer one is published, and
moving one to the newest version (flush only; the caller commits).

A campaign with responses keeps its version: the answers were given to that version's questions.
One without responses moves in one step, its quotas by stratum checked against the new version."""
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.campaigns.messages import CATALOGUE
from survey.campaigns.models import Campaign
from survey.campaigns.operations import CampaignSpec, Stratum, Target, strata_problems
from survey.errors import InvalidInput, Problem
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion
from survey.responses.models import Response


@dataclass(frozen=True)
class Behind:
    """A campaign on an older version, and how many responses it holds (any: it stays)."""

    campaign: Campaign
    responses: int


def campaigns_behind(session: Session, questionnaire: Questionnaire) -> list[Behind]:
    """The campaigns on a version of `questionnaire` older than its newest, by slug."""
    if not questionnaire.versions:
        return []
    older = [version.id for version in questionnaire.versions[:-1]]
    campaigns = list(session.scalars(select(Campaign).where(Campaign.questionnaire_version_id.in_(older))
                                     .order_by(Campaign.slug)))
    counts = dict(session.execute(select(Response.campaign_id, func.count())
                                  .where(Response.campaign_id.in_([c.id for c in campaigns]))
                                  .group_by(Response.campaign_id)).all())
    return [Behind(campaign, counts.get(campaign.id, 0)) for campaign in campaigns]


def move_to_newest(session: Session, campaign: Campaign, actor: User | None) -> QuestionnaireVersion:
    """Put a campaign without responses on the newest version of its questionnaire, audited;
    InvalidInput when it has responses or a stratum the new version lacks."""
    before = campaign.questionnaire_version
    newest = before.questionnaire.versions[-1]
    if newest.id == before.id:
        return newest
    problems = move_problems(session, campaign, newest)
    if problems:
        raise InvalidInput(problems)
    campaign.questionnaire_version = newest
    session.flush()
    audit(session, actor, "campaign_version_moved", subject=f"campaign {campaign.slug}",
          version_before=before.label, version=newest.label)
    return newest


def move_problems(session: Session, campaign: Campaign, version: QuestionnaireVersion) -> list[Problem]:
    responses = session.scalar(select(func.count()).where(Response.campaign_id == campaign.id))
    if responses:
        label = campaign.questionnaire_version.label
        return [CATALOGUE.problem("version_in_use", "version", responses=responses, version=label)]
    targets = [Target(cu.unit) for cu in campaign.units]
    strata = [Stratum(cu.unit, q.question_key, q.value, q.target) for cu in campaign.units for q in cu.quotas]
    return strata_problems(CampaignSpec(campaign.slug, campaign.name, version, targets, strata=strata))
