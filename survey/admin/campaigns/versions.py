"""Moving a campaign to the newest version of its questionnaire, from the questionnaires page where
the campaigns left on older versions are listed after a publication. The endpoint names a campaign by
`slug`, so an administrator limited to some units moves only the campaigns of its scope."""
from typing import Any

from flask import redirect, url_for

from survey import db
from survey.accounts.access import current_user
from survey.admin.questionnaires.views import list_page
from survey.campaigns.queries import TARGETS_LOADED, campaign_or_404
from survey.campaigns.versions import move_to_newest
from survey.errors import InvalidInput


def campaign_newest_version(slug: str):
    """One step: the campaign moves, or the questionnaires page says why it stays (400)."""
    campaign = campaign_or_404(slug, *TARGETS_LOADED)
    questionnaire = campaign.questionnaire_version.questionnaire.slug
    try:
        with db.transaction() as session:
            move_to_newest(session, campaign, current_user())
    except InvalidInput as error:
        return list_page(refused=(slug, error.problems)), 400
    moved: dict[str, Any] = {"chuyen": slug}  # the page's query argument, typed for url_for's **values
    return redirect(url_for("admin.questionnaires", **moved) + f"#q-{questionnaire}")
