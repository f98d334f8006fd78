"""Writes on questionnaires: import a definition as the draft, publish immutable versions."""
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import forms
from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.questionnaires.models import Questionnaire, QuestionnaireVersion, VersionQuestion
from survey.questionnaires.queries import draft_version


def import_definition(session: Session, definition: forms.Definition) -> Questionnaire:
    """Store a checked definition as the draft of the questionnaire named by its `form.id`."""
    questionnaire = session.scalar(select(Questionnaire).where(Questionnaire.slug == definition.id))
    if questionnaire is None:
        questionnaire = Questionnaire(slug=definition.id)
        session.add(questionnaire)
    questionnaire.title = definition.title[definition.languages[0]]
    questionnaire.draft = definition.to_dict()
    session.flush()
    return questionnaire


def publish(session: Session, questionnaire: Questionnaire) -> QuestionnaireVersion:
    """Publish the draft as a new version; the same content published again returns its version."""
    definition = forms.definition_from_dict(questionnaire.draft)
    digest = definition.content_hash()
    version = session.scalar(
        select(QuestionnaireVersion).where(
            QuestionnaireVersion.questionnaire_id == questionnaire.id,
            QuestionnaireVersion.content_hash == digest,
        )
    )
    return version or _new_version(session, questionnaire, definition, digest)


def _new_version(session: Session, questionnaire: Questionnaire, definition: forms.Definition,
                 digest: str) -> QuestionnaireVersion:
    last = session.scalar(
        select(func.max(QuestionnaireVersion.number)).where(QuestionnaireVersion.questionnaire_id == questionnaire.id)
    )
    version = QuestionnaireVersion(
        questionnaire=questionnaire, number=(last or 0) + 1, content_hash=digest, definition=definition.to_dict()
    )
    keyed = [(section.name, question.name, question.type) for section, question in _questions_with_sections(definition)]
    keyed += [("", name, kind) for name, kind in definition.metadata]  # paradata (responses.paradata): no section
    version.questions = [VersionQuestion(key=key, position=position, section=section, type=kind)
                         for position, (section, key, kind) in enumerate(keyed, start=1)]
    session.add(version)
    session.flush()
    return version


def _questions_with_sections(definition: forms.Definition):
    for section in definition.sections:
        for question in section.questions:
            yield section, question


def import_and_publish(session: Session, definition: forms.Definition) -> QuestionnaireVersion:
    return publish(session, import_definition(session, definition))


def import_uploaded(session: Session, definition: forms.Definition, actor: User, filename: str) -> Questionnaire:
    """Store an uploaded definition as the draft, recording who uploaded which file."""
    questionnaire = import_definition(session, definition)
    audit(session, actor, "questionnaire_imported", subject=f"questionnaire {questionnaire.slug}", file=filename,
          content_hash=definition.content_hash())
    return questionnaire


def publish_draft(session: Session, questionnaire: Questionnaire, actor: User) -> tuple[QuestionnaireVersion, bool]:
    """Publish the draft: (the version, whether it is new). A draft already published keeps its
    version and writes no audit entry; a new version is recorded as published by `actor`."""
    existing = draft_version(questionnaire)
    if existing is not None:
        return existing, False
    version = publish(session, questionnaire)
    audit(session, actor, "questionnaire_published", subject=f"questionnaire {version.label}",
          content_hash=version.content_hash, questions=len(version.questions))
    return version, True
