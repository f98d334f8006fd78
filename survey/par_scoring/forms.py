"""The scoring pages' forms read from the request: what was typed, per sub-criterion, in the field
names the templates use (and browser tests fill): value_<id>, note_<id>, file_<id> (the agency),
value_<id>, reason_<id> (Home Affairs), answer; definition, year, deadline (a new round).

Problems are keyed to those names, so that a page shows each beside its field.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from werkzeug.datastructures import FileStorage, MultiDict

from analysis.par_index import Item
from survey.errors import InvalidInput, Problem
from survey.forms_common import LARGEST_ID, parsed_day, whole
from survey.par_index.evidence import CheckedFile, EvidenceRules, checked_file
from survey.par_scoring.messages import CATALOGUE


def entries(form: MultiDict, items: Iterable[Item], second: str) -> dict[str, tuple[str, str]]:
    """(value, note or reason) by sub-criterion id: `second` is "note" or "reason"."""
    return {item.id: (form.get(f"value_{item.id}", ""), form.get(f"{second}_{item.id}", "")) for item in items}


def evidence_files(files: MultiDict, items: Iterable[Item],
                   rules: EvidenceRules) -> tuple[dict[str, CheckedFile], list[Problem]]:
    """The files chosen that the rules take, by sub-criterion id, and the problems of those they refuse
    (listed with the values' own: survey.par_index.scoring.save_with_evidence)."""
    checked: dict[str, CheckedFile] = {}
    problems: list[Problem] = []
    for item in items:
        upload: FileStorage | None = files.get(f"file_{item.id}")
        if upload is None or not upload.filename:
            continue
        data = upload.stream.read(rules.max_megabytes * 1024 * 1024 + 1)  # one byte past the limit, no more
        try:
            checked[item.id] = checked_file(upload.filename, data, rules, f"file_{item.id}")
        except InvalidInput as refused:
            problems += refused.problems
    return checked, problems


@dataclass(frozen=True)
class RoundForm:
    """A new round as typed: the definition's id, the year and the deadline."""

    definition: int
    year: int
    deadline: date


def round_form(form: MultiDict) -> RoundForm:
    """The round typed; InvalidInput naming every field that cannot be read."""
    problems = []
    definition, year, day = (form.get(name, "").strip() for name in ("definition", "year", "deadline"))
    if whole(definition, LARGEST_ID)[0] is None:
        problems.append(CATALOGUE.problem("scoring_choose_definition", "definition"))
    if (refused := _year_problem(year)) is not None:
        problems.append(refused)
    deadline = parsed_day(day)
    if deadline is None:
        problems.append(_deadline_problem(day))
    if problems or deadline is None:
        raise InvalidInput(problems)
    return RoundForm(int(definition), int(year), deadline)


def _year_problem(year: str) -> Problem | None:
    """The year asked for when left empty, quoted when it is no year; None when it is one."""
    if not year:
        return CATALOGUE.problem("scoring_year_missing", "year")
    if len(year) == 4 and whole(year, 9999)[1]:
        return None
    return CATALOGUE.problem("scoring_bad_year", "year", value=year)


def _deadline_problem(day: str) -> Problem:
    """The deadline asked for when left empty, else quoted as unreadable."""
    if not day:
        return CATALOGUE.problem("scoring_deadline_missing", "deadline")
    return CATALOGUE.problem("scoring_bad_date", "deadline", value=day)

