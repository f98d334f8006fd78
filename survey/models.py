"""Every mapped class, imported once so that the metadata (and Alembic) sees the whole schema."""
from survey.accounts.models import AuditEntry, User, user_units
from survey.campaigns.models import Campaign, CampaignChannel, CampaignUnit, Quota
from survey.db import Base
from survey.draws.models import DossierDraw
from survey.entries.models import EntryDiscrepancy, PaperEntry
from survey.exports.models import ExportJob
from survey.invitations.models import Invitation
from survey.officials.models import Official
from survey.par_index.assessments import Assessment, AssessmentValue, Evidence, ScoringRound
from survey.par_index.models import IndexDefinition
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion, VersionQuestion
from survey.responses.models import Answer, Draft, Exclusion, Response, ResponseChange
from survey.tokens.models import ApiToken
from survey.units.models import Reorganisation, ReorganisationLink, Unit
from survey.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = [
    "Answer", "ApiToken", "Assessment", "AssessmentValue", "AuditEntry", "Base", "Campaign", "CampaignChannel",
    "CampaignUnit", "DossierDraw", "Draft", "EntryDiscrepancy", "Evidence", "Exclusion", "ExportJob", "IndexDefinition",
    "Invitation", "Official", "PaperEntry", "Questionnaire", "QuestionnaireVersion", "Quota",
    "Reorganisation", "ReorganisationLink", "Response", "ResponseChange", "ScoringRound", "Unit", "User",
    "VersionQuestion", "WebhookDelivery", "WebhookEvent", "WebhookSubscription", "user_units",
]
