"""The campaign form: what was typed (kept to show it again), and the specification it makes.

Field names (stable; other pages' browser tests fill them): name, slug, version ("<questionnaire
slug>:<number>"), opens_on, closes_on (YYYY-MM-DD or DD/MM/YYYY), channel (repeated: web, paper,
interviewer), double_entry ("1"), min_cell_size, min_seconds, unit (repeated unit codes), quota-<code> and
transactions-<code> per unit, targets (a CSV file: unit_code, quota, transactions, which ticks its
units and overrides their numbers), and the stratum rows stratum_unit, stratum_question,
stratum_value, stratum_target (parallel lists; a row left blank is ignored).
"""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from survey.admin.files import Refused, read_text, uploaded
from survey.admin.messages import CATALOGUE
from survey.campaigns.models import Campaign
from survey.campaigns.operations import LARGEST_COUNT, CampaignSpec, Stratum, Target, targets_from_csv
from survey.errors import InvalidInput, Problem
from survey.forms_common import parsed_day
from survey.questionnaires.models import QuestionnaireVersion
from survey.questionnaires.queries import version_by_number
from survey.units.queries import units_by_codes

FIELDS = ("name", "slug", "version", "opens_on", "closes_on", "min_cell_size", "min_seconds")
STRATUM_FIELDS = ("stratum_unit", "stratum_question", "stratum_value", "stratum_target")
BLANK_STRATA = 3
"""Empty stratum rows offered below the filled ones (no script needed to add rows)."""


@dataclass
class CampaignForm:
    """The form as typed; `errors` holds the problems of each field, by field name."""

    values: dict[str, str]
    channels: list[str]
    double_entry: bool
    units: list[str]
    numbers: dict[str, tuple[str, str]]
    strata: list[tuple[str, str, str, str]]
    errors: dict[str, list[Problem]] = field(default_factory=dict)
    status: int = 400
    """The status of a refusal: 413 when the uploaded file is too large."""

    def fail(self, name: str, problem: Problem) -> None:
        self.errors.setdefault(name, []).append(problem)

    @property
    def rows(self) -> list[tuple[str, str, str, str]]:
        return self.strata + [("", "", "", "")] * BLANK_STRATA


def place_problems(form: CampaignForm, problems: list[Problem]) -> None:
    """Put each problem the operation found next to the field it names too (those of the form already are)."""
    placed = {message for messages in form.errors.values() for message in messages}
    for problem in problems:
        if problem.field and problem not in placed:
            form.fail(problem.field, problem)


def blank_form() -> CampaignForm:
    return CampaignForm({"min_cell_size": "30", "min_seconds": "60"}, ["web"], False, [], {}, [])


def campaign_form(campaign: Campaign) -> CampaignForm:
    """The form filled with what the campaign holds now."""
    version = campaign.questionnaire_version
    values = {"name": campaign.name, "slug": campaign.slug, "version": f"{version.questionnaire.slug}:{version.number}",
              "opens_on": text(campaign.opens_on), "closes_on": text(campaign.closes_on),
              "min_cell_size": str(campaign.min_cell_size), "min_seconds": str(campaign.min_seconds)}
    units = sorted(campaign.units, key=lambda cu: cu.unit.code)
    return CampaignForm(values, campaign.channel_names, campaign.double_entry, [cu.unit.code for cu in units],
                        {cu.unit.code: (text(cu.quota), text(cu.transactions)) for cu in units},
                        [(cu.unit.code, q.question_key, q.value, str(q.target)) for cu in units for q in cu.quotas])


def text(value: object) -> str:
    return "" if value is None else str(value)


def read_form(form: MultiDict) -> CampaignForm:
    """What was sent, trimmed and bounded (nothing is checked yet)."""
    units = list(dict.fromkeys(code.strip()[:32] for code in form.getlist("unit") if code.strip()))
    codes = [key.removeprefix("quota-") for key in form if key.startswith("quota-")]
    numbers = {code: (form.get(f"quota-{code}", "").strip()[:20], form.get(f"transactions-{code}", "").strip()[:20])
               for code in codes}
    # A row the browser sent only part of (a tampered form) is dropped rather than refused.
    rows = zip(*(form.getlist(name) for name in STRATUM_FIELDS), strict=False)
    strata = [tuple(cell.strip()[:64] for cell in row) for row in rows if any(cell.strip() for cell in row)]
    return CampaignForm({name: form.get(name, "").strip()[:300] for name in FIELDS},
                        form.getlist("channel"), form.get("double_entry") == "1", units, numbers, strata)


def spec_of(session: Session, form: CampaignForm) -> CampaignSpec:
    """The specification the form describes; InvalidInput (and `form.errors`) when a field is wrong."""
    version = chosen_version(session, form)
    opens_on, closes_on = day(form, "opens_on"), day(form, "closes_on")
    min_cell_size = count(form, "min_cell_size", form.values["min_cell_size"]) if form.values["min_cell_size"] else 30
    min_seconds = count(form, "min_seconds", form.values["min_seconds"]) if form.values["min_seconds"] else 60
    add_uploaded_targets(session, form)
    targets = chosen_targets(session, form)
    strata = chosen_strata(session, form)
    if form.errors:
        raise InvalidInput([problem for problems in form.errors.values() for problem in problems])
    # each of these is None only when its field failed, which the form's errors have just refused
    assert version is not None and min_cell_size is not None and min_seconds is not None
    return CampaignSpec(slug=form.values["slug"], name=form.values["name"], version=version, targets=targets,
                        channels=form.channels, opens_on=opens_on, closes_on=closes_on,
                        double_entry=form.double_entry, min_cell_size=min_cell_size, min_seconds=min_seconds,
                        strata=strata)


def chosen_version(session: Session, form: CampaignForm) -> QuestionnaireVersion | None:
    slug, _, number = form.values["version"].rpartition(":")
    try:
        return version_by_number(session, slug, int(number))
    except (ValueError, InvalidInput):
        form.fail("version", CATALOGUE.problem("f_version", "version"))
        return None


def day(form: CampaignForm, name: str) -> date | None:
    found, problems = typed_day(form.values[name], name)
    for problem in problems:
        form.fail(name, problem)
    return found


def typed_day(value: str, field: str) -> tuple[date | None, list[Problem]]:
    """A day typed in `field` as YYYY-MM-DD or DD/MM/YYYY (blank: None), or None and the problem that it is
    not one."""
    found = parsed_day(value)
    if found is None and value:
        return None, [CATALOGUE.problem("f_date", field, value=value)]
    return found, []


def count(form: CampaignForm, name: str, value: str) -> int | None:
    """A whole number from 0 (blank: None); a problem on `name` otherwise."""
    if not value:
        return None
    if value.isascii() and value.isdigit() and int(value) <= LARGEST_COUNT:
        return int(value)
    form.fail(name, CATALOGUE.problem("f_count", name, value=value, largest=LARGEST_COUNT))
    return None


def add_uploaded_targets(session: Session, form: CampaignForm) -> None:
    """The CSV's units are ticked and take its numbers; its problems go on the `targets` field."""
    file = uploaded("targets")
    if file is None:
        return
    try:
        targets = targets_from_csv(session, read_text(file))
    except Refused as refused:
        form.fail("targets", refused.problems[0])
        form.status = refused.status
        return
    except InvalidInput as error:
        for problem in error.problems:
            form.fail("targets", problem)
        return
    for target in targets:
        form.units = list(dict.fromkeys([*form.units, target.unit.code]))
        form.numbers[target.unit.code] = (text(target.quota), text(target.transactions))


def chosen_targets(session: Session, form: CampaignForm) -> list[Target]:
    try:
        units = units_by_codes(session, form.units)
    except InvalidInput as error:
        for problem in error.problems:
            form.fail("unit", problem)
        return []
    return [Target(unit, count(form, f"quota-{unit.code}", form.numbers.get(unit.code, ("", ""))[0]),
                   count(form, f"transactions-{unit.code}", form.numbers.get(unit.code, ("", ""))[1]))
            for unit in units]


def chosen_strata(session: Session, form: CampaignForm) -> list[Stratum]:
    """Complete rows only; the operation then checks each against the version and the targets."""
    strata = []
    for number, (code, question, value, target) in enumerate(form.strata, start=1):
        if not (code and question and value and target):
            form.fail("strata", CATALOGUE.problem("f_stratum_incomplete", "strata", number=number))
            continue
        amount = count(form, "strata", target)
        units = units_by_codes(session, [code]) if code in form.units else []
        if not units:
            form.fail("strata", CATALOGUE.problem("f_stratum_unit", "strata", number=number, unit=code))
        elif amount is not None:
            strata.append(Stratum(units[0], question, value, amount))
    return strata
