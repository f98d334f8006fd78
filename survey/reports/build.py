"""A report from the database: the period's and the previous period's results, composed."""
from sqlalchemy.orm import Session

from analysis.recipes import Recipe
from survey.errors import InvalidInput
from survey.reports.compose import Report, compose
from survey.reports.gather import gather
from survey.reports.lineage import lineage_flags
from survey.reports.messages import CATALOGUE
from survey.reports.periods import Period
from survey.units.successions import lineage


def build_report(session: Session, period: Period, unit: str | None, recipe: Recipe, weighting: str = "design",
                 language: str = "vi", earlier: Period | None = None) -> Report:
    """The report of `unit` (a code; None: the province) for `period`, compared with `earlier` (by
    default the period before: a yearly survey may skip a year, as 2025's reorganisation did);
    InvalidInput when there is nothing to report or `earlier` does not end before `period`. A previous
    period that cannot be computed is a flag, not a failure. The previous period is read on the units
    of this one: units reorganised since are compared through their successors (merged units pooled),
    and the report says so."""
    earlier = earlier or period.previous()
    if earlier.last_day() >= period.first_day():
        raise InvalidInput(CATALOGUE.problem("compared_not_earlier", "compare_with", earlier=earlier.name(language),
                                             period=period.name(language)))
    current = gather(session, period, recipe, weighting, language=language)
    if current is None:
        raise InvalidInput(CATALOGUE.problem("no_results", period=period.name(language)))
    if unit is not None and unit not in current.counts.index:
        raise InvalidInput(CATALOGUE.problem("report_unit_no_response", "unit", unit=unit, period=period.slug(),
                                             campaigns=", ".join(current.campaigns)))
    successions = lineage(session, period.last_day())
    try:
        previous, problem = gather(session, earlier, recipe, weighting, language=language,
                                   lineage=successions), None
    except InvalidInput as error:
        previous, problem = None, "; ".join(map(str, error.problems))
    report = compose(current, previous, unit, recipe.id, weighting, earlier)
    if previous is not None:
        report.flags.extend(lineage_flags(successions, list(previous.counts.index), [unit] if unit else
                                          list(current.counts.index)))
    if problem:
        report.flags.append(("flag_previous_failed", {"period": earlier.slug(), "why": problem}))
    return report
