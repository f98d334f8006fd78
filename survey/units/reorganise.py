"""Reorganisations of units from a CSV file: several units merged into one, one split into several, or
one replaced by another, from a date (flush only; the caller commits).

Columns: kind (merge, split, replace), old and new (unit codes, several separated by spaces or ";"),
effective_on (YYYY-MM-DD or DD/MM/YYYY) and, for a split, shares (the part of the old unit each new
one takes, in the order of `new`, optional). A unit may stay among the new units of its own merge or
split (a commune that absorbs its neighbours keeps its code). Every unit must exist already (units
import first). Refused, every problem with its row and column and nothing written: unknown codes, a
unit that ceases twice, a unit reorganised on or after the day it ceased or on or before the day it
was formed, and cycles. Records already stored with the same content are left as they are, so that
the same file can be applied again.
"""
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.errors import InvalidInput, Problem
from survey.forms_common import parsed_day
from survey.units.messages import CATALOGUE
from survey.units.models import REORGANISATION_KINDS, Reorganisation, ReorganisationLink, Unit
from survey.units.operations import CODE, SHOWN, columned_table
from survey.units.successions import Move, check_moves, stored_moves

COLUMNS = ("kind", "old", "new", "effective_on")
OPTIONAL = ("shares",)
SEPARATOR = re.compile(r"[\s;]+")


@dataclass
class ReorganisationPlan:
    """What applying a file would do: the records it adds (with the units they deactivate) and those
    already stored."""

    added: list[Move] = field(default_factory=list)
    unchanged: list[Move] = field(default_factory=list)
    deactivated: dict[int, list[str]] = field(default_factory=dict)
    """Row -> codes of the units that cease on a date already reached."""

    def digest(self) -> str:
        """Identifies the plan, so that a confirmation applies exactly what was shown."""
        return hashlib.sha256(repr((self.added, self.deactivated)).encode()).hexdigest()[:32]


def plan_reorganisation(session: Session, text: str, today: date) -> ReorganisationPlan:
    """Check a reorganisation file and say what it would do; nothing is written."""
    moves = parse_reorganisation_csv(text)
    units = {unit.code: unit for unit in session.scalars(select(Unit))}
    problems = [p for move in moves for p in unknown_codes(move, units)]
    if problems:
        raise InvalidInput(problems)
    stored = stored_moves(session)
    known = {move.identity() for move in stored}
    plan = ReorganisationPlan()
    for move in moves:
        (plan.unchanged if move.identity() in known else plan.added).append(move)
    check_moves(plan.added, stored)
    for move in plan.added:
        ceasing = [code for code in move.ceasing() if units[code].active and move.effective_on <= today]
        if ceasing:
            plan.deactivated[move.row] = ceasing
    return plan


def apply_reorganisation(session: Session, text: str, today: date, actor: User | None) -> ReorganisationPlan:
    """Store the file's new records and deactivate the units that have ceased; audited."""
    plan = plan_reorganisation(session, text, today)
    units = {unit.code: unit for unit in session.scalars(select(Unit))}
    for move in plan.added:
        session.add(record_of(move, units))
    for codes in plan.deactivated.values():
        for code in codes:
            units[code].active = False
    session.flush()
    audit(session, actor, "units_reorganised", subject="units", added=len(plan.added),
          unchanged=len(plan.unchanged), deactivated=sum(len(c) for c in plan.deactivated.values()))
    return plan


def record_of(move: Move, units: dict[str, Unit]) -> Reorganisation:
    shares = dict(zip(move.new, move.shares, strict=True)) if move.shares else {}  # one share per new unit
    links = [ReorganisationLink(old_unit=units[old], new_unit=units[new], share=shares.get(new))
             for old in move.old for new in move.new]
    return Reorganisation(kind=move.kind, effective_on=move.effective_on, links=links)


def parse_reorganisation_csv(text: str) -> list[Move]:
    records = columned_table(text, COLUMNS, OPTIONAL)
    problems: list[Problem] = []
    moves = [parse_row(number, record, problems) for number, record in records]
    if problems:
        raise InvalidInput(problems)
    return moves


def parse_row(row: int, record: dict, problems: list[Problem]) -> Move:
    value = {k: (v or "").strip() for k, v in record.items() if k is not None}
    if None in record:
        problems.append(CATALOGUE.problem("cells_extra", row=row))
    problems += [CATALOGUE.problem("value_required", row=row, column=c) for c in COLUMNS if not value.get(c)]
    kind, old, new = value.get("kind", ""), codes_of(row, value, "old", problems), codes_of(row, value, "new", problems)
    if kind and kind not in REORGANISATION_KINDS:
        problems.append(CATALOGUE.problem("kind_unknown", row=row, kind=kind[:SHOWN],
                                          kinds=", ".join(REORGANISATION_KINDS)))
    effective = date_of(row, value.get("effective_on", ""), problems)
    shares = shares_of(row, value.get("shares", ""), kind, len(new), problems)
    if kind in REORGANISATION_KINDS and old and new:
        problems += shape_problems(row, kind, old, new)
    return Move(row, kind, old, new, effective or date.min, shares)


def codes_of(row: int, value: dict, column: str, problems: list[Problem]) -> tuple[str, ...]:
    codes = tuple(c for c in SEPARATOR.split(value.get(column, "")) if c)
    problems += [CATALOGUE.problem("code_invalid", row=row, column=column, value=c[:SHOWN])
                 for c in codes if CODE.fullmatch(c) is None or len(c) > 32]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    problems += [CATALOGUE.problem("code_listed_twice", row=row, column=column, unit=c) for c in repeated]
    return codes


def date_of(row: int, text: str, problems: list[Problem]) -> date | None:
    found = parsed_day(text)
    if found is None and text:
        problems.append(CATALOGUE.problem("date_invalid", row=row, value=text[:SHOWN]))
    return found


def shares_of(row: int, text: str, kind: str, count: int, problems: list[Problem]) -> tuple[float, ...] | None:
    """The split's shares, each in (0, 1], together at most 1, one per new unit; None when not given."""
    if not text:
        return None
    if kind != "split":
        problems.append(CATALOGUE.problem("shares_not_split", row=row))
        return None
    try:
        shares = tuple(float(part.replace(",", ".")) for part in SEPARATOR.split(text) if part)
    except ValueError:
        shares = ()
    if len(shares) != count or not all(0 < s <= 1 for s in shares) or sum(shares) > 1 + 1e-9:
        problems.append(CATALOGUE.problem("shares_invalid", row=row, value=text[:SHOWN], count=count))
        return None
    return shares


def shape_problems(row: int, kind: str, old: tuple[str, ...], new: tuple[str, ...]) -> list[Problem]:
    """A merge has several old units and one new, a split one old and several new, a replacement one of
    each, and different."""
    fits = {"merge": len(old) >= 2 and len(new) == 1, "split": len(old) == 1 and len(new) >= 2,
            "replace": len(old) == 1 and len(new) == 1 and old != new}[kind]
    return [] if fits else [CATALOGUE.problem(f"shape_{kind}", row=row)]


def unknown_codes(move: Move, units: dict[str, Unit]) -> list[Problem]:
    return [CATALOGUE.problem("reorganised_unknown", row=move.row, column=column, unit=code)
            for column, codes in (("old", move.old), ("new", move.new)) for code in codes if code not in units]
