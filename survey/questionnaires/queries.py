"""Reads on questionnaires."""
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import forms
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.kept import KeptValues
from survey.questionnaires.messages import CATALOGUE
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion, VersionQuestion


def questionnaire_by_slug(session: Session, slug: str) -> Questionnaire:
    questionnaire = session.scalar(select(Questionnaire).where(Questionnaire.slug == slug))
    if questionnaire is None:
        raise InvalidInput(CATALOGUE.problem("questionnaire_unknown", "questionnaire", slug=slug))
    return questionnaire


def latest_version(session: Session, slug: str) -> QuestionnaireVersion:
    """The newest published version of a questionnaire."""
    questionnaire = questionnaire_by_slug(session, slug)
    if not questionnaire.versions:
        raise InvalidInput(CATALOGUE.problem("questionnaire_unpublished", "questionnaire", slug=slug))
    return questionnaire.versions[-1]


PARSED_VERSIONS = 32
"""Parsed definitions kept per process: the versions of the campaigns open at once, with room to spare."""


def version_definition(version: QuestionnaireVersion) -> forms.Definition:
    """The parsed definition of a published version, parsed once per process (versions never change).

    Keyed by id and content hash (an id alone could name other content in another database, as
    in tests); beyond `PARSED_VERSIONS` the least recently used is dropped. A hit reads neither
    the deferred document nor the database.
    """
    return _parsed.get((version.id, version.content_hash), lambda: forms.definition_from_dict(version.definition))


_parsed: KeptValues[forms.Definition] = KeptValues(PARSED_VERSIONS)


def all_questionnaires(session: Session) -> list[Questionnaire]:
    return list(session.scalars(select(Questionnaire).order_by(Questionnaire.slug)))


def version_by_number(session: Session, slug: str, number: int) -> QuestionnaireVersion:
    questionnaire = questionnaire_by_slug(session, slug)
    version = next((v for v in questionnaire.versions if v.number == number), None)
    if version is None:
        raise InvalidInput(CATALOGUE.problem("version_unknown", "version", slug=slug, number=number))
    return version


def draft_version(questionnaire: Questionnaire) -> QuestionnaireVersion | None:
    """The published version holding exactly the draft's content, if there is one."""
    digest = forms.definition_from_dict(questionnaire.draft).content_hash()
    return next((version for version in questionnaire.versions if version.content_hash == digest), None)


def question_counts(session: Session) -> dict[int, int]:
    """Questions (notes included) of every published version, by version id."""
    rows = session.execute(select(VersionQuestion.version_id, func.count()).where(VersionQuestion.section != "")
                           .group_by(VersionQuestion.version_id))  # metadata keys have no section
    return dict(rows.all())


def campaign_counts(session: Session) -> dict[int, int]:
    """Campaigns using each published version, by version id (versions no campaign uses are left out)."""
    rows = session.execute(select(Campaign.questionnaire_version_id, func.count())
                           .group_by(Campaign.questionnaire_version_id))
    return dict(rows.all())
