"""Writes on units: import or update the hierarchy from CSV (with a dry run saying what would change),
deactivate and reactivate (flush only; the caller commits)."""
import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.text_checks import has_control
from survey.accounts.models import User
from survey.accounts.operations import audit
from survey.db import declared_length
from survey.errors import InvalidInput, Problem
from survey.units.messages import CATALOGUE
from survey.units.models import LEVELS, PARENT_LEVELS, Unit

REQUIRED_COLUMNS = ("code", "name", "level")
OPTIONAL_COLUMNS = ("name_en", "parent_code", "active")
TRUE_WORDS = {"", "1", "true", "yes", "y", "có"}
FALSE_WORDS = {"0", "false", "no", "n", "không"}
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""A unit code: it is in URLs (the QR codes) and in exported files, so letters, digits, '-', '_' and '.'
only, beginning with a letter or a digit (a file's `=EVIL` would be a formula to a spreadsheet)."""
LENGTHS = {name: declared_length(Unit, name) for name in ("code", "name", "name_en")}
SHOWN = 40
"""How much of a refused value a problem repeats."""


@dataclass
class UnitRow:
    row: int
    code: str
    name: str
    level: str
    name_en: str | None = None
    parent_code: str | None = None
    active: bool = True


@dataclass
class ImportSummary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def import_units_csv(session: Session, text: str) -> ImportSummary:
    """Create or update units from CSV text (columns: code, name, level[, name_en, parent_code, active]).

    Every row is checked before anything is written; problems are reported together.
    """
    rows = parse_units_csv(text)
    existing = {u.code: u for u in session.scalars(select(Unit))}
    check_hierarchy(rows, existing)
    summary = ImportSummary()
    for item in sorted(rows, key=lambda r: LEVELS.index(r.level)):  # parents first
        upsert_unit(session, item, existing, summary)
    session.flush()
    return summary


def csv_table(text: str) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header (trimmed) and the records of CSV text, numbered as a spreadsheet shows them (the header is
    row 1); a malformed file (a cell beyond the csv module's limit) is InvalidInput naming the row."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    try:
        reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
        return reader.fieldnames, list(enumerate(reader, start=2))
    except csv.Error as error:
        row = reader.line_num + 1  # the row being read
        raise InvalidInput(CATALOGUE.problem("csv_unreadable", row=row, error=str(error))) from None


def columned_table(text: str, required: tuple[str, ...], optional: tuple[str, ...]) -> list[tuple[int, dict]]:
    """The numbered records of a CSV whose header has every `required` column and none but those
    and the `optional` ones; InvalidInput naming each missing or unknown column."""
    header, records = csv_table(text)
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in required + optional]
    if missing or unknown:
        raise InvalidInput([CATALOGUE.problem("column_missing", column=c) for c in missing]
                           + [CATALOGUE.problem("column_unknown", column=c) for c in unknown])
    return records


def parse_units_csv(text: str) -> list[UnitRow]:
    records = columned_table(text, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    problems: list[Problem] = []
    rows = [parse_row(number, record, problems) for number, record in records]
    if problems:
        raise InvalidInput(problems)
    return rows


def parse_row(number: int, record: dict, problems: list[Problem]) -> UnitRow:
    value = {k: (v or "").strip() for k, v in record.items() if k is not None}
    if None in record:
        problems.append(CATALOGUE.problem("cells_extra", row=number))
    for column in REQUIRED_COLUMNS:
        if not value.get(column):
            problems.append(CATALOGUE.problem("value_required", row=number, column=column))
    if value.get("level") and value["level"] not in LEVELS and not has_control(value["level"]):
        problems.append(CATALOGUE.problem("level_unknown", row=number, level=value["level"][:SHOWN],
                                          levels=", ".join(LEVELS)))
    problems.extend(text_problems(number, value))
    active = value.get("active", "").lower()
    if active not in TRUE_WORDS | FALSE_WORDS and not has_control(active):
        problems.append(CATALOGUE.problem("active_invalid", row=number, value=value["active"][:SHOWN]))
    return UnitRow(number, value.get("code", ""), value.get("name", ""), value.get("level", ""),
                   value.get("name_en") or None, value.get("parent_code") or None, active not in FALSE_WORDS)


def text_problems(number: int, value: dict[str, str]) -> list[Problem]:
    """Control characters in any cell, codes that are not codes, names longer than their column."""
    problems = [CATALOGUE.problem("control_character", row=number, column=column)
                for column, text in value.items() if has_control(text)]
    for column, length in LENGTHS.items():
        text = value.get(column, "")
        if len(text) > length:
            problems.append(CATALOGUE.problem("value_too_long", row=number, column=column, length=length))
    for column in ("code", "parent_code"):
        text = value.get(column, "")
        if text and not has_control(text) and CODE.fullmatch(text) is None:
            problems.append(CATALOGUE.problem("code_invalid", row=number, column=column, value=text[:SHOWN]))
    return problems


def check_hierarchy(rows: list[UnitRow], existing: dict[str, Unit]) -> None:
    """Codes unique in the file; each parent known (in the file or the database) at a fitting level."""
    problems, levels = [], {code: unit.level for code, unit in existing.items()}
    seen: dict[str, int] = {}
    for item in rows:
        if item.code in seen:
            problems.append(CATALOGUE.problem("code_repeated", row=item.row, unit=item.code, first=seen[item.code]))
        seen[item.code] = item.row
        levels[item.code] = item.level
    for item in rows:
        problems.extend(parent_problems(item, levels))
    problems.extend(orphaned_children(existing, seen, levels))
    if problems:
        raise InvalidInput(problems)


def orphaned_children(existing: dict[str, Unit], rows: dict[str, int], levels: dict[str, str]) -> list[Problem]:
    """Units outside the file whose parent the file moves to a level that cannot hold them."""
    return [
        CATALOGUE.problem("children_orphaned", row=rows[unit.parent.code], parent=unit.parent.code, level=unit.level,
                          unit=unit.code, parent_level=levels[unit.parent.code])
        for unit in existing.values()
        if unit.code not in rows and unit.parent is not None and unit.parent.code in rows
        and levels[unit.parent.code] not in PARENT_LEVELS[unit.level]
    ]


def parent_problems(item: UnitRow, levels: dict[str, str]) -> list[Problem]:
    allowed, refuse = PARENT_LEVELS[item.level], partial(CATALOGUE.problem, row=item.row, level=item.level)
    if item.parent_code is None:
        return [refuse("parent_required", parents=" or ".join(allowed))] if allowed else []
    if item.parent_code not in levels:
        return [refuse("parent_unknown", parent=item.parent_code)]
    if levels[item.parent_code] not in allowed:
        found = {"parent": item.parent_code, "parent_level": levels[item.parent_code]}
        return [refuse("parent_level", parents=" or ".join(allowed), **found) if allowed
                else refuse("parent_not_taken", **found)]
    return []


def upsert_unit(session: Session, item: UnitRow, existing: dict[str, Unit], summary: ImportSummary) -> None:
    parent = existing.get(item.parent_code) if item.parent_code else None
    fields = {"name": item.name, "name_en": item.name_en, "level": item.level,
              "parent": parent, "active": item.active}
    unit = existing.get(item.code)
    if unit is None:
        unit = existing[item.code] = Unit(code=item.code, **fields)
        session.add(unit)
        summary.created.append(item.code)
        return
    changed = any(getattr(unit, name) != value for name, value in fields.items())
    for name, value in fields.items():
        setattr(unit, name, value)
    (summary.updated if changed else summary.unchanged).append(item.code)


CHANGE_KINDS = ("new", "renamed", "moved", "level", "deactivated", "reactivated")


@dataclass(frozen=True)
class UnitChange:
    """One thing an import would change about one unit (a unit may have several)."""

    row: int
    code: str
    kind: str
    before: str | None = None
    after: str | None = None


@dataclass
class ImportPlan:
    """What importing a file would do: the changes, by row, and the codes it leaves as they are."""

    changes: list[UnitChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def created(self) -> list[str]:
        return list(dict.fromkeys(c.code for c in self.changes if c.kind == "new"))

    @property
    def updated(self) -> list[str]:
        return list(dict.fromkeys(c.code for c in self.changes if c.kind != "new"))

    def digest(self) -> str:
        """Identifies the plan, so that a confirmation applies exactly the changes that were shown."""
        return hashlib.sha256(repr(self.changes).encode()).hexdigest()[:32]


def plan_units_import(session: Session, text: str) -> ImportPlan:
    """Check a units CSV as `import_units_csv` does and say what it would change; nothing is written."""
    rows = parse_units_csv(text)
    existing = {u.code: u for u in session.scalars(select(Unit))}
    check_hierarchy(rows, existing)
    plan = ImportPlan()
    for item in rows:
        changes = row_changes(item, existing.get(item.code))
        plan.changes += changes
        if not changes:
            plan.unchanged.append(item.code)
    return plan


def row_changes(item: UnitRow, unit: Unit | None) -> list[UnitChange]:
    if unit is None:
        return [UnitChange(item.row, item.code, "new", None, f"{item.name} ({item.level}, {item.parent_code or '-'})")]
    change = partial(UnitChange, item.row, item.code)
    parent = unit.parent.code if unit.parent else None
    found = []
    if (unit.name, unit.name_en) != (item.name, item.name_en):
        found.append(change("renamed", unit.name + (f" / {unit.name_en}" if unit.name_en else ""),
                            item.name + (f" / {item.name_en}" if item.name_en else "")))
    if parent != item.parent_code:
        found.append(change("moved", parent, item.parent_code))
    if unit.level != item.level:
        found.append(change("level", unit.level, item.level))
    if unit.active != item.active:
        found.append(change("reactivated" if item.active else "deactivated"))
    return found


def apply_units_import(session: Session, text: str, actor: User | None) -> ImportSummary:
    """`import_units_csv` from the administration pages, written to the audit log."""
    summary = import_units_csv(session, text)
    audit(session, actor, "units_imported", subject="units", created=len(summary.created),
          updated=len(summary.updated), unchanged=len(summary.unchanged))
    return summary


def set_unit_active(session: Session, unit: Unit, active: bool, actor: User | None) -> None:
    """Deactivate or reactivate a unit. Units are never deleted: responses keep pointing at them, and a
    deactivated unit stays in the campaigns that had it but joins no new one."""
    if unit.active == active:
        raise InvalidInput(CATALOGUE.problem("already_active" if active else "already_deactivated", unit=unit.code))
    unit.active = active
    session.flush()
    audit(session, actor, "unit_reactivated" if active else "unit_deactivated", subject=f"unit {unit.code}")
