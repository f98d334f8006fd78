"""A campaign's responses as one DataFrame: a row per response, a column per question.

Answers are stored long (one row per response and question key); one SQL query reads the
responses with their unit, the unit's parent and the answers asked for, and pandas pivots them.
Columns about the response start with "_" (question names start with a letter, so they never
collide): _unit, _level (the unit's administrative level), _district (the unit's district, `Unit.district`;
the unit itself where it has none, a department or a commune under the province, so that every
response lies in a domain of the breakdown by district), _channel, _status. Satisfaction, integer and
decimal questions hold numbers (9 "don't know" is blank), other questions their stored value
as a pandas Categorical in the order of the question's choices.

`load_subset` gives the same frame for the responses meeting a further condition (the analysis'
scope), read in batches into compact columns: a million responses take tens of megabytes, where
`load_campaign`'s rows of Python objects take a gigabyte.
"""
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session, aliased

import forms
from forms.repeats import repeat_names
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.questionnaires.queries import version_definition
from survey.responses.models import STATUSES, Answer, Response
from survey.results.messages import CATALOGUE
from survey.units.models import Unit

DEFAULT_STATUSES = ("submitted", "verified")
NUMERIC_TYPES = ("satisfaction", "integer", "decimal")
BATCH_SIZE = 50_000
"""Rows that load_subset reads at a time."""
META = {"unit": "_unit", "level": "_level", "district": "_district", "channel": "_channel", "status": "_status"}
"""Names analysts use (in --by and in margins files) for the columns about each response."""


@dataclass(frozen=True)
class CampaignData:
    """The responses of a campaign with the given statuses, and the questionnaire they answered."""

    campaign: Campaign
    definition: forms.Definition
    statuses: tuple[str, ...]
    frame: pd.DataFrame


def load_campaign(session: Session, campaign: Campaign, keys: Collection[str] | None = None,
                  statuses: Sequence[str] = DEFAULT_STATUSES) -> CampaignData:
    """The campaign's responses with these statuses; answers to `keys` only (None: every question).

    Raises InvalidInput for an unknown status or a key that is not a question of the campaign's
    questionnaire.
    """
    definition = version_definition(campaign.questionnaire_version)
    keys = checked_keys(definition, keys, statuses)
    rows = session.execute(_query(campaign, keys, statuses)).all()
    long = pd.DataFrame.from_records(rows, columns=["id", "channel", "status", "unit", "level", "district",
                                                    "key", "value", "number"])
    frame = _responses(long).join(_answers(long, definition, keys))
    return CampaignData(campaign, definition, tuple(statuses), frame)


def load_subset(session: Session, campaign: Campaign, keys: Collection[str], statuses: Sequence[str],
                condition: ColumnElement[bool]) -> pd.DataFrame:
    """The frame of `load_campaign` restricted to the responses meeting `condition` (on Response), with
    the answers to `keys` only; InvalidInput as load_campaign."""
    definition = version_definition(campaign.questionnaire_version)
    keys = checked_keys(definition, keys, statuses)
    where = (Response.campaign_id == campaign.id, Response.status.in_(list(statuses)), condition)
    frame = _responses(_response_rows(session, where))
    if not keys:
        return frame
    answers = _batched(session, select(Answer.response_id, Answer.question_key, Answer.value, Answer.number)
                       .join(Response, Response.id == Answer.response_id)
                       .where(*where, Answer.question_key.in_(keys)).order_by(Answer.response_id),
                       ["id", "key", "value", "number"], ["key", "value"])
    return frame.join(_answers(answers, definition, keys).reindex(frame.index))


def _response_rows(session: Session, where: tuple) -> pd.DataFrame:
    """One row per response, with the columns of _query's rows about the response."""
    query = select(Response.id, Response.unit_id, Response.channel, Response.status).where(*where).order_by(Response.id)
    rows = _batched(session, query, ["id", "unit_id", "channel", "status"], ["channel", "status"]).astype(
        {"id": np.int64, "unit_id": np.int64})
    parent = aliased(Unit)
    units = pd.DataFrame(session.execute(select(Unit.id, Unit.code, Unit.level, _district(parent))
                                         .outerjoin(parent, parent.id == Unit.parent_id)
                                         .where(Unit.id.in_(rows["unit_id"].unique().tolist()))).all(),
                         columns=["unit_id", "unit", "level", "district"])
    return rows.merge(units.astype({"unit_id": np.int64}), on="unit_id", how="left", sort=False)


def _batched(session: Session, query: Select, columns: list[str], texts: list[str]) -> pd.DataFrame:
    """The query's rows as a frame, read BATCH_SIZE at a time through the connection (no ORM layer),
    column by column; the `texts` columns kept as categories meanwhile (a text repeated on many rows
    held once), then text as load_campaign's."""
    result = session.connection().execute(query.execution_options(yield_per=BATCH_SIZE))
    parts = [pd.DataFrame(dict(zip(columns, zip(*rows, strict=True), strict=True)), columns=columns)
             .astype(dict.fromkeys(texts, "category")) for rows in result.partitions()]
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    return frame.astype(dict.fromkeys(texts, "str"))


def checked_keys(definition: forms.Definition, keys: Collection[str] | None, statuses: Sequence[str]) -> list[str]:
    """The answerable keys asked for, in form order (None: all); InvalidInput for an unknown status,
    no status, or a key that is not a question of `definition`. A repeat's questions are none of them:
    a response has one answer to each per instance, which a row per response cannot hold (the
    repeat's export table has them)."""
    repeated = repeat_names(definition)
    answerable = [q.name for q in definition.questions if q.kind.has_answer and q.name not in repeated]
    problems = [CATALOGUE.problem("status_unknown", "status", status=s, known=", ".join(STATUSES))
                for s in statuses if s not in STATUSES]
    if not statuses:
        problems.append(CATALOGUE.problem("statuses_none", "status"))
    problems += [CATALOGUE.problem("key_in_repeat" if key in repeated else "key_not_a_question", "question", key=key,
                                   questionnaire=definition.id, repeat=repeated.get(key))
                 for key in sorted(set(keys or ()) - set(answerable))]
    if problems:
        raise InvalidInput(problems)
    return answerable if keys is None else [k for k in answerable if k in set(keys)]


def _query(campaign: Campaign, keys: list[str], statuses: Sequence[str]):
    parent = aliased(Unit)
    answers = and_(Answer.response_id == Response.id, Answer.question_key.in_(keys))
    return (select(Response.id, Response.channel, Response.status, Unit.code, Unit.level, _district(parent),
                   Answer.question_key, Answer.value, Answer.number)
            .join(Unit, Unit.id == Response.unit_id).outerjoin(parent, parent.id == Unit.parent_id)
            .outerjoin(Answer, answers)
            .where(Response.campaign_id == campaign.id, Response.status.in_(list(statuses)))
            .order_by(Response.id))


def _district(parent: type[Unit]) -> ColumnElement[str]:
    """The _district column (see the module's docstring) for a query joining `parent` on Unit.parent_id."""
    return func.coalesce(Unit.district_code(Unit, parent), Unit.code)


def _responses(long: pd.DataFrame) -> pd.DataFrame:
    """One row per response (index: response id) with the columns about it."""
    first = long.drop_duplicates("id").set_index("id")
    frame = pd.DataFrame({"_unit": first["unit"], "_level": first["level"], "_district": first["district"],
                          "_channel": first["channel"], "_status": first["status"]})
    frame.index.name = "response_id"
    return frame


def _answers(long: pd.DataFrame, definition: forms.Definition, keys: list[str]) -> pd.DataFrame:
    """The answer columns, in form order: numbers, or values as Categoricals of the choices."""
    index = pd.Index(long["id"].unique(), name="response_id")
    answered = long.dropna(subset=["key"])
    numbers = answered.pivot(index="id", columns="key", values="number").reindex(index)
    values = answered.pivot(index="id", columns="key", values="value").reindex(index)
    columns = {}
    for key in keys:
        question = definition.question(key)
        if question.type in NUMERIC_TYPES:
            columns[key] = numbers[key].astype("float64") if key in numbers else pd.Series(float("nan"), index=index)
        else:
            raw = values[key] if key in values else pd.Series(None, index=index, dtype=object)
            columns[key] = pd.Series(_categorical(raw, question), index=index)
    return pd.DataFrame(columns, index=index)


def _categorical(column: pd.Series, question: forms.Question) -> pd.Categorical:
    """Stored values as a Categorical: the question's choices first, then any other value seen."""
    choices = [choice.value for choice in question.choices]
    others = sorted(set(column.dropna()) - set(choices))
    return pd.Categorical(column.to_numpy(), categories=choices + others)
