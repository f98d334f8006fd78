"""Reporting periods (a quarter or a year) and the campaigns that belong to them.

A campaign belongs to the period containing its closing day (`closes_on`): the day its data is
complete. So a campaign is reported once, in one quarter and one year, even when it runs across
a quarter's end (opening 15/03, closing 15/04 counts in Q2), and a yearly report takes every
campaign closing in that year (usually its four quarterly campaigns, or one yearly one). Draft
campaigns (no dates) belong to no period. The previous period of a quarter is the quarter before
(Q1 2027 follows Q4 2026); of a year, the year before. A unit's previous result is its result
over the previous period's campaigns; none when none of them surveyed it.
"""
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.recipes import OFFICIAL, default_recipe, recipes_for
from survey.campaigns.models import Campaign
from survey.errors import InvalidInput
from survey.reports.messages import CATALOGUE

KINDS = ("quarterly", "yearly")
COMPARED = re.compile(r"(\d{4})(?:-q(\d))?")


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    quarter: int | None = None

    def first_day(self) -> date:
        return date(self.year, 1 if self.quarter is None else 3 * self.quarter - 2, 1)

    def last_day(self) -> date:
        if self.quarter is None or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.quarter + 1, 1) - timedelta(days=1)

    def previous(self) -> "Period":
        if self.quarter is None:
            return Period(self.kind, self.year - 1)
        if self.quarter == 1:
            return Period(self.kind, self.year - 1, 4)
        return Period(self.kind, self.year, self.quarter - 1)

    def name(self, language: str = "vi") -> str:
        if self.quarter is None:
            return f"Năm {self.year}" if language == "vi" else f"Year {self.year}"
        return f"Quý {self.quarter}/{self.year}" if language == "vi" else f"Q{self.quarter} {self.year}"

    def slug(self) -> str:
        return f"{self.year}" if self.quarter is None else f"{self.year}-q{self.quarter}"


def period(kind: str, year: int | None, quarter: int | None) -> Period:
    """The period asked for; InvalidInput lists every problem (a quarter only for quarterly reports)."""
    problems = [] if kind in KINDS else [CATALOGUE.problem("report_unknown", "kind", kind=kind, known=", ".join(KINDS))]
    if year is None or not 2000 <= year <= 2100:
        problems.append(CATALOGUE.problem("report_year_invalid", "year", year=year))
    if kind == "quarterly" and quarter not in (1, 2, 3, 4):
        problems.append(CATALOGUE.problem("report_quarter_needed", "quarter", quarter=quarter))
    if kind == "yearly" and quarter is not None:
        problems.append(CATALOGUE.problem("report_quarter_unwanted", "quarter"))
    if problems or year is None:  # a missing year is among the problems
        raise InvalidInput(problems)
    return Period(kind, year, quarter if kind == "quarterly" else None)


def campaigns_of(session: Session, period: Period) -> list[Campaign]:
    """Campaigns closing within the period, oldest closing first."""
    query = (select(Campaign).where(Campaign.closes_on >= period.first_day(), Campaign.closes_on <= period.last_day())
             .order_by(Campaign.closes_on, Campaign.slug))
    return list(session.scalars(query))


def period_recipe(session: Session, period: Period) -> str:
    """The recipe a report of `period` uses unless one is named: that written for the form of its
    latest-closing campaign that has one (a quick-rating campaign has none), else OFFICIAL."""
    forms = [campaign.questionnaire_version.questionnaire.slug for campaign in campaigns_of(session, period)]
    return next((default_recipe(form) for form in reversed(forms) if recipes_for(form)), OFFICIAL)


def compared_period(kind: str, text: str | None) -> Period | None:
    """The period a report of `kind` is compared with, named as a year (2024) or a quarter (2024-q4):
    the command line's --compare-with and the report page's choice; None when not given (the period
    before). InvalidInput puts every problem on the field compare_with, where the page asked it."""
    if not text:
        return None
    found = COMPARED.fullmatch(text.strip().lower())
    if found is None:
        raise InvalidInput(CATALOGUE.problem("compare_with_invalid", "compare_with", value=text[:20]))
    try:
        return period(kind, int(found[1]), int(found[2]) if found[2] else None)
    except InvalidInput as error:
        raise InvalidInput([replace(problem, field="compare_with") for problem in error.problems]) from None



def comparable_periods(session: Session) -> dict[str, list[Period]]:
    """Per kind, newest first, the periods a report may be compared with: those with a campaign closing
    in them that end before the quarter of the newest closing day (a later report has them before
    it). Whether one ends before the report asked for is checked when that report is built."""
    days = [day for day in session.scalars(select(Campaign.closes_on).distinct()) if day is not None]
    found = {Period("yearly", day.year) for day in days} | {_quarter_of(day) for day in days}
    newest = _quarter_of(max(days)).first_day() if days else date.min
    return {kind: sorted((p for p in found if p.kind == kind and p.last_day() < newest), key=Period.first_day,
                         reverse=True) for kind in KINDS}


def _quarter_of(day: date) -> Period:
    return Period("quarterly", day.year, (day.month - 1) // 3 + 1)
