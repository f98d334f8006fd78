"""Export jobs asked for on the analysis pages: checked and queued, later turned back into the
ExportRequest that `flask export` would make with the same options."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.campaigns.models import CampaignUnit
from survey.campaigns.queries import campaign_by_slug
from survey.errors import InvalidInput, Problem
from survey.exports.models import ExportJob
from survey.exports.operations import ExportRequest
from survey.exports.problems import CATALOGUE
from survey.exports.reading import Filters
from survey.results.weighting import read_margins
from survey.units.models import Unit


@dataclass(frozen=True)
class JobChoice:
    """What the analyst chose in the form (texts as posted)."""

    slug: str
    file_format: str
    layout: str = "wide"
    weighting: str = "none"
    margins: str | None = None
    units: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    first: str = ""
    last: str = ""
    language: str = "vi"
    bom: bool = False
    timezone: str = "Asia/Ho_Chi_Minh"
    problems: list[Problem] = field(default_factory=list)

    def request(self) -> ExportRequest:
        """The ExportRequest of the choice; InvalidInput lists every problem."""
        problems = list(self.problems)
        first, last = _day(self.first, "from", problems), _day(self.last, "to", problems)
        margins = None
        if self.margins:
            try:
                margins = read_margins(self.margins, "margins.csv")
            except InvalidInput as error:
                problems += error.problems
        request = ExportRequest(self.slug, self.file_format, self.layout, self.weighting, self.language, self.bom,
                                Filters(self.units, self.statuses, first, last, self.timezone), margins)
        problems += request.problems()
        if problems:
            raise InvalidInput(problems)
        return request


def _day(text: str, name: str, problems: list[Problem]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(CATALOGUE.problem("export_date_invalid", name, text=text))
        return None


def queue_job(session: Session, user: User, choice: JobChoice) -> ExportJob:
    """Check the choice (options, campaign, filters, margins file) and queue its job (flush only).

    Raking itself runs with the job: margins that do not fit the responses fail the job, with
    the message shown on the page."""
    request = choice.request()
    request.filters.select(session, request.slug)  # unknown campaign, units or statuses: InvalidInput now
    job = ExportJob(user=user, campaign=campaign_by_slug(session, request.slug), file_format=request.file_format,
                    layout=request.layout, weighting=request.weighting, margins=choice.margins or None,
                    filters={"units": list(choice.units), "statuses": list(choice.statuses),
                             "from": choice.first or None, "to": choice.last or None,
                             "language": request.language, "bom": request.bom},
                    state="queued", rows_done=0, attempts=0)
    session.add(job)
    session.flush()
    return job


def job_request(job: ExportJob, timezone: str = "Asia/Ho_Chi_Minh") -> ExportRequest:
    """The ExportRequest a queued job stands for."""
    chosen = job.filters
    return JobChoice(job.campaign.slug, job.file_format, job.layout, job.weighting, job.margins,
                     tuple(chosen.get("units", ())), tuple(chosen.get("statuses", ())), chosen.get("from") or "",
                     chosen.get("to") or "", chosen.get("language", "vi"), bool(chosen.get("bom")),
                     timezone).request()


def surveyed_units(session: Session) -> list[tuple[str, str]]:
    """(code, name) of every unit some campaign surveys, for the filter."""
    query = select(Unit.code, Unit.name).where(Unit.id.in_(select(CampaignUnit.unit_id))).order_by(Unit.code)
    return [(code, name) for code, name in session.execute(query)]


def job_by_id(session: Session, job_id: int) -> ExportJob | None:
    """The job numbered `job_id`, anyone's (None when there is none)."""
    return session.get(ExportJob, job_id)


def jobs_of(session: Session, user: User, everyone: bool) -> list[ExportJob]:
    """The user's jobs (an administrator's view: everyone's), newest first."""
    query = select(ExportJob).order_by(ExportJob.id.desc()).limit(100)
    return list(session.scalars(query if everyone else query.where(ExportJob.user_id == user.id)))

