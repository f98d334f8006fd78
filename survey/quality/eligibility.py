"""Which responses count towards a quota: the eligible ones, those that rated the service.

A respondent screened out (who has not received the result of the dossier, say) ends the
questionnaire before any satisfaction question, and a respondent answering only "don't know"
rates nothing. So a response is eligible when it holds a satisfaction answer on the five-level
scale (its `number` is set only for those). A questionnaire without satisfaction questions
screens nobody out. This is also the analysis' scope and the responses its weights are given to
(`survey.results.scope`, with the analysed statuses): quotas, results and exports count the same.
"""
from sqlalchemy import ColumnElement, exists, true
from sqlalchemy.orm import aliased

from survey.campaigns.models import Campaign
from survey.questionnaires.queries import version_definition
from survey.responses.models import Answer, Response


def rated_keys(campaign: Campaign) -> list[str]:
    return [q.name for q in version_definition(campaign.questionnaire_version).questions if q.type == "satisfaction"]


def eligible(campaign: Campaign) -> ColumnElement[bool]:
    """A condition on Response: the response is eligible (see the module)."""
    keys = rated_keys(campaign)
    if not keys:
        return true()
    rated = aliased(Answer)  # the query may join Answer itself: this one must stay the subquery's own
    return exists().where(rated.response_id == Response.id, rated.question_key.in_(keys), rated.number.is_not(None))
