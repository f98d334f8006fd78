"""Rows of the database as the API's documents."""
from typing import TypeVar

import forms
from survey.api import schemas
from survey.campaigns.models import CHANNELS, Campaign
from survey.clock import aware
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.queries import version_definition
from survey.responses.models import STATUSES, Response
from survey.units.models import LEVELS, Unit

Member = TypeVar("Member", bound=str)


def unit(found: Unit) -> schemas.UnitOut:
    return schemas.UnitOut(code=found.code, name=found.name, name_en=found.name_en, level=_member(found.level, LEVELS),
                           parent=found.parent.code if found.parent else None, active=found.active)


def campaign(found: Campaign, today) -> schemas.CampaignOut:
    version = found.questionnaire_version
    targets = sorted(found.units, key=lambda t: t.unit.code)
    return schemas.CampaignOut(
        slug=found.slug, name=found.name, state=found.state_on(today), opens_on=found.opens_on,
        closes_on=found.closes_on, channels=[_member(c, CHANNELS) for c in found.channel_names],
        double_entry=found.double_entry,
        questionnaire=schemas.QuestionnaireRef(slug=version.questionnaire.slug, version=version.number),
        min_cell_size=found.min_cell_size, min_seconds=found.min_seconds,
        units=[schemas.Target(unit=t.unit.code, name=t.unit.name, quota=t.quota, transactions=t.transactions)
               for t in targets])


def version(found: QuestionnaireVersion) -> schemas.VersionOut:
    definition = version_definition(found)
    return schemas.VersionOut(
        questionnaire=found.questionnaire.slug, version=found.number, content_hash=found.content_hash,
        published_at=aware(found.published_at), title=dict(definition.title), languages=list(definition.languages),
        sections=[schemas.SectionOut(name=s.name, title=dict(s.title), relevant=_source(s.relevant),
                                     questions=[question(q) for q in s.questions]) for s in definition.sections])


def question(found: forms.Question) -> schemas.QuestionOut:
    return schemas.QuestionOut(
        key=found.name, type=found.type, answerable=found.kind.has_answer, label=dict(found.label),
        hint=dict(found.hint) if found.hint else None, required=found.required, relevant=_source(found.relevant),
        constraint=_source(found.constraint), levels=[_member(level, LEVELS) for level in found.levels],
        choices=[schemas.ChoiceOut(value=c.value, label=dict(c.label)) for c in found.choices])


def _member(value: str, allowed: tuple[Member, ...]) -> Member:
    """`value` as the member of `allowed` it equals (a column's text as the Literal the document
    declares); ValueError for any other, as the document's validation would refuse it."""
    return allowed[allowed.index(value)]


def _source(expression) -> str | None:
    return None if expression is None else expression.source


def response(found: Response) -> schemas.ResponseOut:
    return schemas.ResponseOut(
        uuid=found.uuid, campaign=found.campaign.slug, unit=found.unit.code, channel=_member(found.channel, CHANNELS),
        status=_member(found.status, STATUSES), rejection_reason=found.rejection_reason,
        paper_serial=found.paper_serial,
        language=found.language, questionnaire_version=found.questionnaire_version.number,
        started_at=aware(found.started_at), submitted_at=aware(found.submitted_at), flag=found.flag,
        answers={a.key: a.value for a in found.answers})
