"""Sample plans read and checked (units with N_h, the parameters), and a confirmed plan written
into a campaign's quotas and N_h (flush only; the caller commits). Every problem is reported at
once, with its row, and nothing is written unless there is none."""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.campaigns.models import Campaign
from survey.campaigns.operations import LARGEST_COUNT
from survey.errors import InvalidInput, Problem
from survey.sampling.messages import CATALOGUE
from survey.sampling.plan import ALLOCATIONS, Parameters, Row, allocate
from survey.units.models import Unit
from survey.units.operations import csv_table

UNIT_COLUMNS = ("unit_code", "transactions")


@dataclass(frozen=True)
class Typed:
    """A unit's N_h as typed (a CSV cell or a form field), and the row it came from."""

    row: int
    unit_code: str
    transactions: str


def units_from_csv(text: str) -> list[Typed]:
    """The rows of a units file (columns unit_code, transactions; the header is row 1)."""
    header, records = csv_table(text)
    problems = [CATALOGUE.problem("csv_column_missing", column=c) for c in UNIT_COLUMNS if c not in header]
    problems += [CATALOGUE.problem("csv_column_unknown", column=c, columns=", ".join(UNIT_COLUMNS))
                 for c in header if c not in UNIT_COLUMNS]
    problems += [CATALOGUE.problem("csv_cells_extra", row=number) for number, record in records if None in record]
    if problems:
        raise InvalidInput(problems)
    return [Typed(number, (record.get("unit_code") or "").strip(), (record.get("transactions") or "").strip())
            for number, record in records]


def checked_units(session: Session, typed: Sequence[Typed], campaign: Campaign | None = None) -> dict[str, int]:
    """Unit code -> N_h, in the order given: every unit known (a target of `campaign`, if given),
    once, with a whole number of transactions from 1 up; InvalidInput naming every bad row."""
    known = set(session.scalars(select(Unit.code).where(Unit.code.in_([t.unit_code for t in typed]))))
    targets = None if campaign is None else {cu.unit.code for cu in campaign.units}
    problems: list[Problem] = []
    seen: dict[str, int] = {}  # unit code -> the row that first named it
    populations: dict[str, int] = {}
    for entry in typed:
        problems += unit_problems(entry, known, targets, seen)
        seen.setdefault(entry.unit_code, entry.row)
        populations[entry.unit_code] = count_of(entry, problems)
    if not typed:
        problems.append(CATALOGUE.problem("units_none"))
    if problems:
        raise InvalidInput(problems)
    return populations


def unit_problems(entry: Typed, known: set[str], targets: set[str] | None, seen: Mapping[str, int]) -> list[Problem]:
    if not entry.unit_code:
        return [CATALOGUE.problem("csv_unit_required", row=entry.row)]
    if entry.unit_code not in known:
        return [CATALOGUE.problem("csv_unit_unknown", row=entry.row, unit=entry.unit_code)]
    if targets is not None and entry.unit_code not in targets:
        return [CATALOGUE.problem("csv_unit_outside", row=entry.row, unit=entry.unit_code)]
    if entry.unit_code in seen:
        first = seen[entry.unit_code]
        return [CATALOGUE.problem("csv_unit_repeated", row=entry.row, unit=entry.unit_code, first=first)]
    return []


def count_of(entry: Typed, problems: list[Problem]) -> int:
    """N_h of a row; a problem (and 0) when it is blank or not a whole number from 1 to LARGEST_COUNT."""
    value = entry.transactions
    if not value:
        problems.append(CATALOGUE.problem("transactions_missing", row=entry.row, unit=entry.unit_code))
    elif not (value.isascii() and value.isdigit() and 1 <= int(value) <= LARGEST_COUNT):
        problems.append(CATALOGUE.problem("transactions_invalid", row=entry.row, unit=entry.unit_code, value=value,
                                          largest=LARGEST_COUNT))
    else:
        return int(value)
    return 0


def rate(field: str, value: str | None, default: Fraction, scale: int, closed: bool,
         problems: list[Problem]) -> Fraction:
    """A rate typed as a fraction of one (scale 1) or in percent (scale 100); a comma is a decimal
    point too. Above 0 and below 1, or up to 1 inclusive when `closed`; a problem otherwise."""
    text = (value or "").strip().replace(",", ".")
    if not text:
        return default
    try:
        number = Fraction(text) / scale
    except (ValueError, ZeroDivisionError):
        number = None
    if number is None or number <= 0 or number > 1 or (number == 1 and not closed):
        problems.append(CATALOGUE.problem(f"{field}_range", value=value))
        return default
    return number


def read_parameters(values: Mapping[str, str | None], populations: Mapping[str, int], scale: int = 1) -> Parameters:
    """The plan's parameters from text (the command line's options, a form's fields), checked
    with the units: the budget must be able to give what the allocation needs."""
    problems: list[Problem] = []
    found = Parameters(
        margin=rate("margin", values.get("margin"), Parameters.margin, scale, False, problems),
        confidence=rate("confidence", values.get("confidence"), Parameters.confidence, scale, False, problems),
        eligibility=rate("eligibility", values.get("eligibility"), Parameters.eligibility, scale, True, problems),
        response=rate("response", values.get("response"), Parameters.response, scale, True, problems),
        allocation=allocation_of(values.get("allocation"), problems),
        budget=budget_of(values.get("budget"), problems))
    if not problems:
        problems += budget_problems(found, populations)
    if problems:
        raise InvalidInput(problems)
    return found


def allocation_of(value: str | None, problems: list[Problem]) -> str:
    chosen = (value or "").strip() or "rule"
    if chosen not in ALLOCATIONS:
        problems.append(CATALOGUE.problem("allocation_unknown", value=value, choices=", ".join(ALLOCATIONS)))
    return chosen


def budget_of(value: str | None, problems: list[Problem]) -> int | None:
    text = (value or "").strip()
    if text and text.isascii() and text.isdigit() and 1 <= int(text) <= LARGEST_COUNT:
        return int(text)
    if text:
        problems.append(CATALOGUE.problem("budget_invalid", value=value))
    return None


def budget_problems(parameters: Parameters, populations: Mapping[str, int]) -> list[Problem]:
    """`rule` needs a budget of at least the rule's total (if one is given); the others need one
    large enough to give every unit a respondent."""
    budget, allocation = parameters.budget, parameters.allocation
    if allocation == "rule":
        needed = sum(allocate(populations, "rule", parameters.margin).values())
        return [CATALOGUE.problem("budget_small_rule", budget=budget, needed=needed)] \
            if budget is not None and budget < needed else []
    if budget is None:
        return [CATALOGUE.problem("budget_required", allocation=allocation)]
    units = sum(1 for population in populations.values() if population > 0)
    return [CATALOGUE.problem("budget_small_units", budget=budget, units=units)] if budget < units else []


def apply_plan(session: Session, campaign: Campaign, rows: Sequence[Row], actor: User | None) -> int:
    """Each planned unit's quota becomes the plan's n (eligible respondents, which is what quotas
    count) and its N_h the plan's transactions; audited as a change of the campaign's units.
    Returns how many units changed."""
    planned = {row.unit_code: row for row in rows}
    changed = 0
    for target in campaign.units:
        row = planned.get(target.unit.code)
        if row is not None and (target.quota, target.transactions) != (row.n, row.transactions):
            target.quota, target.transactions, changed = row.n, row.transactions, changed + 1
    session.flush()
    if changed:
        audit(session, actor, "campaign_updated", subject=f"campaign {campaign.slug}", changed=["units"],
              sample_plan={row.unit_code: {"n": row.n, "transactions": row.transactions} for row in rows})
    return changed

