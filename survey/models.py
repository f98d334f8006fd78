"""Every mapped class, imported once so that the metadata (and Alembic) sees the whole schema."""
from survey.accounts.models import User, user_units
from survey.campaigns.models import Campaign, CampaignChannel, CampaignUnit, Quota
from survey.db import Base
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion, VersionQuestion
from survey.responses.models import Answer, Response
from survey.units.models import Unit

__all__ = [
    "Answer", "Base", "Campaign", "CampaignChannel", "CampaignUnit", "Questionnaire",
    "QuestionnaireVersion", "Quota", "Response", "Unit", "User", "VersionQuestion", "user_units",
]
