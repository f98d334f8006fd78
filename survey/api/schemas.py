"""The API's documents as pydantic models: they validate what comes in, shape what goes out, and
give the OpenAPI document its JSON Schemas (2020-12, as OpenAPI 3.1 uses)."""
import re
from datetime import UTC, date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from survey.campaigns.models import Channel, State
from survey.responses.models import Status
from survey.units.models import Level

Code = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Texts = dict[str, str]
"""A text in each language of the questionnaire: {"vi": ..., "en": ...}."""


def _utc(moment: datetime) -> datetime:
    """Any offset is accepted, but the moment must exist in UTC (year 1 to 9999)."""
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("the moment is out of range") from None


def _written(pattern: str, what: str):
    """Only text written as the document says: pydantic alone would also take numbers (Unix times)."""
    compiled = re.compile(pattern)

    def check(value: object) -> object:
        if not isinstance(value, str) or not compiled.match(value):
            raise ValueError(f"write {what}")
        return value
    return BeforeValidator(check)


Moment = Annotated[AwareDatetime, _written(r"^\d{4}-\d{2}-\d{2}[Tt]", "an RFC 3339 date-time with its offset"),
                   AfterValidator(_utc)]
Day = Annotated[date, _written(r"^\d{4}-\d{2}-\d{2}$", "a date as YYYY-MM-DD")]
Key = Annotated[UUID, _written(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                               "a UUID as 8-4-4-4-12 hexadecimal digits")]


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Query(BaseModel):
    """Query parameters; an unknown one (a misspelt filter) is refused rather than ignored."""

    model_config = ConfigDict(extra="forbid")


# --- units, campaigns, questionnaires -------------------------------------------------------


class UnitOut(BaseModel):
    code: str
    name: str
    name_en: str | None
    level: Level
    parent: str | None = Field(description="The parent unit's code.")
    active: bool


class UnitList(BaseModel):
    units: list[UnitOut]


class Target(BaseModel):
    unit: str = Field(description="The unit's code.")
    name: str
    quota: int | None
    transactions: int | None = Field(description="Transactions N_h of the unit in the period (design weights).")


class QuestionnaireRef(BaseModel):
    slug: str
    version: int


class CampaignOut(BaseModel):
    slug: str
    name: str
    state: State
    opens_on: date | None
    closes_on: date | None
    channels: list[Channel]
    questionnaire: QuestionnaireRef
    double_entry: bool
    min_cell_size: int
    min_seconds: int = Field(description="Web and interviewer responses quicker than this are flagged too short.")
    units: list[Target]


class CampaignList(BaseModel):
    campaigns: list[CampaignOut]


class ChoiceOut(BaseModel):
    value: str
    label: Texts


class QuestionOut(BaseModel):
    key: str = Field(description="The stable key answers are stored under.")
    type: str
    answerable: bool = Field(description="False for notes, which take no answer.")
    label: Texts
    hint: Texts | None
    required: bool
    relevant: str | None = Field(description="When the question is asked (expression, see forms/FORMAT.md).")
    constraint: str | None
    choices: list[ChoiceOut]
    levels: list[Level] = Field(description="For unit questions: the levels of the units offered.")


class SectionOut(BaseModel):
    name: str
    title: Texts
    relevant: str | None
    questions: list[QuestionOut]


class VersionOut(BaseModel):
    questionnaire: str
    version: int
    content_hash: str
    published_at: datetime
    title: Texts
    languages: list[str]
    sections: list[SectionOut]


# --- responses ------------------------------------------------------------------------------


class ResponseIn(Document):
    uuid: Key = Field(description="Made by the client; the idempotency key: the same uuid is stored once.")
    campaign: Code
    unit: Code
    channel: Channel
    started_at: Moment
    submitted_at: Moment
    answers: dict[Annotated[str, StringConstraints(min_length=1, max_length=64)],
                  Annotated[str, StringConstraints(max_length=10000)] | None] = Field(
        description="Stored answer text by question key (forms/FORMAT.md); null for no answer.")
    paper_serial: Code | None = None
    language: Literal["vi", "en"] = "vi"


class ResponseOut(BaseModel):
    uuid: UUID
    campaign: str
    unit: str
    channel: Channel
    status: Status
    rejection_reason: str | None
    paper_serial: str | None
    language: str
    questionnaire_version: int
    started_at: datetime
    submitted_at: datetime
    flag: str | None = Field(description="Why a supervisor should look at it (a suspicious burst), if anything.")
    answers: dict[str, str]


class ResponsePage(BaseModel):
    responses: list[ResponseOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class ResponseQuery(Query):
    campaign: Code | None = None
    unit: Code | None = None
    status: Status | None = None
    since: Moment | None = Field(None, description="Responses submitted at or after this moment.")
    limit: int = Field(100, ge=1, le=500)
    cursor: Annotated[str, StringConstraints(max_length=200)] | None = None


# --- invitations ----------------------------------------------------------------------------


class InvitationsIn(Document):
    campaign: Code
    unit: Code
    dossier_codes: list[Code] = Field(min_length=1, max_length=1000)
    expires_on: Day | None = Field(None, le=date(9999, 12, 30),
                                    description="The last day the links work (province time).")


class InvitationOut(BaseModel):
    dossier_code: str
    token: str
    link: str
    expires_at: datetime | None


class InvitationList(BaseModel):
    campaign: str
    unit: str
    invitations: list[InvitationOut]


# --- results --------------------------------------------------------------------------------


class ResultsQuery(Query):
    recipe: Literal["sipas-2017", "sipas-2023", "sipas-local", "sipas-local-criteria"] | None = Field(
        None, description="Default: the shipped recipe written for the campaign's questionnaire.")
    weighting: Literal["none", "design"] = "design"
    by: Literal["unit", "district", "level"] | None = Field(None, description="Also per domain.")


class ResultRow(BaseModel):
    by: str = Field(description="'all' for the whole campaign, else the breakdown.")
    domain: str
    domain_name: str
    node: str
    label: str
    level: str
    parent: str | None
    estimate: float | None
    se: float | None
    ci_low: float | None
    ci_high: float | None
    n: int
    effective_n: float | None
    suppressed: bool = Field(description="Too few answers to publish: the figures are left out (null).")


class ResultsOut(BaseModel):
    campaign: str
    recipe: str
    weighting: str
    min_cell_size: int
    rows: list[ResultRow]


# --- errors ---------------------------------------------------------------------------------


class ProblemOut(BaseModel):
    field: str | None
    message: str


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None
    problems: list[ProblemOut]


class ErrorOut(BaseModel):
    error: ErrorDetail
