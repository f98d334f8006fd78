"""Which units followed which: the reorganisations as moves (checked together with those stored), and
the lineage that maps an earlier period's units to the units of a later one for comparisons."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from survey.errors import InvalidInput, Problem
from survey.units.messages import CATALOGUE
from survey.units.models import Reorganisation


@dataclass(frozen=True)
class Move:
    """One reorganisation: its file row (0 when stored), kind, old and new codes, date and split shares."""

    row: int
    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    effective_on: date
    shares: tuple[float, ...] | None = None

    def identity(self) -> tuple:
        return self.kind, frozenset(self.old), frozenset(self.new), self.effective_on, self.shares

    def ceasing(self) -> list[str]:
        """The old units that do not go on among the new ones."""
        return [code for code in self.old if code not in self.new]



def stored_moves(session: Session, until: date | None = None) -> list[Move]:
    """The stored reorganisations (effective on or before `until`, if given), oldest first."""
    query = select(Reorganisation).options(selectinload(Reorganisation.links)).order_by(
        Reorganisation.effective_on, Reorganisation.id)
    if until is not None:
        query = query.where(Reorganisation.effective_on <= until)
    return [move_of(record) for record in session.scalars(query)]


def move_of(record: Reorganisation) -> Move:
    old = tuple(dict.fromkeys(link.old_unit.code for link in record.links))
    new = tuple(dict.fromkeys(link.new_unit.code for link in record.links))
    shares = {link.new_unit.code: link.share for link in record.links}
    known = [share for code in new if (share := shares[code])]
    given = tuple(known) if len(known) == len(new) else None
    return Move(0, record.kind, old, new, record.effective_on, given)


def check_moves(added: list[Move], stored: list[Move]) -> None:
    """InvalidInput naming the row of every new move that contradicts another: a unit ceasing twice, a
    unit reorganised on or after its end or on or before its formation, a cycle of successions."""
    everything = stored + added
    problems = [p for move in added for p in date_problems(move, everything)]
    problems += cycle_problems(added, everything)
    if problems:
        raise InvalidInput(problems)


def date_problems(move: Move, everything: list[Move]) -> list[Problem]:
    problems: list[Problem] = []
    for other in everything:
        if other is move:
            continue
        for code in move.old:
            if code in other.ceasing() and (code in move.ceasing() or move.effective_on >= other.effective_on):
                problems.append(conflict("reorganised_twice", move, other, code))
            elif code in other.new and code not in other.old and move.effective_on <= other.effective_on:
                problems.append(conflict("reorganised_before_formed", move, other, code))
    return problems


def conflict(key: str, move: Move, other: Move, code: str) -> Problem:
    """The problem naming the other move's row, or saying it is stored."""
    day = other.effective_on.isoformat()
    if other.row:
        return CATALOGUE.problem(key, other=other.row, row=move.row, unit=code, date=day)
    return CATALOGUE.problem(f"{key}_stored", row=move.row, unit=code, date=day)


def cycle_problems(added: list[Move], everything: list[Move]) -> list[Problem]:
    """A unit that would, through successions, follow itself (a unit staying in its own merge does not)."""
    edges: defaultdict[str, set[str]] = defaultdict(set)
    for move in everything:
        for old in move.ceasing():
            edges[old].update(code for code in move.new)
    return [CATALOGUE.problem("reorganisation_cycle", row=move.row, unit=code)
            for move in added for code in move.ceasing() if reaches(edges, code)]


def reaches(edges: dict[str, set[str]], start: str) -> bool:
    """Whether `start` is reachable from its own successors."""
    seen, stack = set(), list(edges.get(start, ()))
    while stack:
        code = stack.pop()
        if code == start:
            return True
        if code not in seen:
            seen.add(code)
            stack.extend(edges.get(code, ()))
    return False


@dataclass(frozen=True)
class Lineage:
    """Each reorganised unit's successors as of a date (units not reorganised are their own)."""

    successors: dict[str, tuple[str, ...]]

    def of(self, code: str) -> tuple[str, ...]:
        return self.successors.get(code, (code,))

    def predecessors(self, codes) -> dict[str, tuple[str, ...]]:
        """New code -> the earlier codes among `codes` that form it, for the codes that are not plain
        continuations of themselves."""
        found: dict[str, list[str]] = defaultdict(list)
        for code in sorted(set(codes)):
            for new in self.of(code):
                found[new].append(code)
        return {new: tuple(old) for new, old in found.items() if old != [new]}


def lineage(session: Session, until: date) -> Lineage:
    """The successors, on `until`, of every unit reorganised on or before that day (chains followed)."""
    moves = stored_moves(session, until)
    by_old: dict[str, list[Move]] = defaultdict(list)
    for move in moves:
        for code in move.old:
            by_old[code].append(move)
    return Lineage({code: successors_of(code, date.min, by_old) for code in by_old})


def successors_of(code: str, after: date, by_old: dict[str, list[Move]]) -> tuple[str, ...]:
    later = [move for move in by_old.get(code, ()) if move.effective_on > after]
    if not later:
        return (code,)
    move = min(later, key=lambda m: m.effective_on)
    found = [s for new in move.new for s in successors_of(new, move.effective_on, by_old)]
    return tuple(dict.fromkeys(found))
