"""Keying paper forms and reconciling double entry (flush only; the caller commits).

Every keyed form is stored in `paper_entries` first, also for campaigns keyed once: one table
then answers "who keyed what, when, how fast" for every paper form, and the entry's uuid makes a
repeated POST (a double click, a retried offline sync) a no-op whatever the campaign. The
response is made from it at once (keyed once: status submitted, the entry's uuid), or when the
second pass agrees with the first, or after reconciliation (keyed twice: status verified, the
first pass's uuid). So a double-keyed serial counts as verified only once its passes agree.
"""
import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import forms
from forms.repeats import answer_key_known, split_key
from survey.accounts.models import User
from survey.campaigns.models import Campaign
from survey.clock import aware
from survey.db import utcnow
from survey.entries.models import EntryDiscrepancy, PaperEntry
from survey.entries.problems import CATALOGUE
from survey.entries.queries import entries_of_serial
from survey.errors import InvalidInput, Problem
from survey.questionnaires.queries import version_definition
from survey.responses.models import Response
from survey.responses.operations import Submission, record_response, unit_codes, verify_response
from survey.units.models import Unit

SERIAL = re.compile(r"[0-9A-Za-z][0-9A-Za-z./\-]{0,63}")


@dataclass(frozen=True)
class Keyed:
    """A paper form as keyed: stored answers by question key (None: left empty)."""

    uuid: uuid.UUID
    campaign: Campaign
    unit: Unit
    serial: str
    answers: dict[str, str | None]
    keyer: User
    seconds: float | None = None


def key_entry(session: Session, keyed: Keyed, today: date, language: str = "vi") -> tuple[PaperEntry, bool]:
    """Store a keyed form once: `(entry, True)`, or the stored entry and False for a repeated uuid.

    Checks come first (serial, campaign, unit, answers against the questionnaire); InvalidInput
    lists every problem as a `Problem` and nothing is written.
    """
    stored = stored_entry(session, keyed)
    if stored is not None:
        return stored, False
    pass_number, problems = entry_problems(session, keyed, today, language)
    if problems:
        # The first attempt of a retried uuid may have committed since the look-up above (its reply
        # lost): its serial now looks taken, yet the retry is a duplicate, not a refusal.
        stored = stored_entry(session, keyed)
        if stored is not None:
            return stored, False
        raise InvalidInput(problems)
    try:
        with session.begin_nested():
            entry = new_entry(keyed, pass_number)
            session.add(entry)
    except IntegrityError:
        return settle_conflict(session, keyed), False
    settle(session, entry, today)
    return entry, True


def stored_entry(session: Session, keyed: Keyed) -> PaperEntry | None:
    """The entry already stored under the keyed uuid; InvalidInput if it is another campaign's."""
    stored = session.scalar(select(PaperEntry).where(PaperEntry.uuid == keyed.uuid))
    if stored is not None and stored.campaign_id != keyed.campaign.id:
        raise InvalidInput([CATALOGUE.problem("uuid_elsewhere", "uuid")])
    return stored


def entry_problems(session: Session, keyed: Keyed, today: date, language: str = "vi") -> tuple[int, list[Problem]]:
    """The pass this keying would be (1 or 2) and every problem with it (serial first)."""
    pass_number, serial_problems = next_pass(session, keyed)
    return pass_number, serial_problems + place_problems(keyed, today) + answer_problems(session, keyed, language)


def place_problems(keyed: Keyed, today: date) -> list[Problem]:
    campaign = keyed.campaign
    problems: list[Problem] = []
    if not campaign.accepts("paper", today):
        problems.append(CATALOGUE.problem("closed", "campaign", campaign=campaign.slug))
    if keyed.unit.id not in {target.unit_id for target in campaign.units}:
        problems.append(CATALOGUE.problem("entry_unit_not_surveyed", "unit", unit=keyed.unit.code))
    return problems


def answer_problems(session: Session, keyed: Keyed, language: str) -> list[Problem]:
    """Unknown keys, answers to questions skipped by the other answers, and the form's own checks."""
    definition = version_definition(keyed.campaign.questionnaire_version)
    known = {key for key in keyed.answers if answer_key_known(definition, key)  # q[n] in a repeat's n-th instance
             and definition.question(split_key(key)[0]).kind.has_answer}
    asked = forms.relevance(definition, keyed.answers)
    problems = [CATALOGUE.problem("unknown_question", key) for key in keyed.answers if key not in known]
    problems += [CATALOGUE.problem("not_asked", key) for key, value in keyed.answers.items()
                 if key in known and value is not None and not asked.get(key, False)]
    errors = forms.check_answers(definition, keyed.answers, language=language,
                                 unit_codes=unit_codes(session, definition))
    return problems + [CATALOGUE.problem("entry_answer", key, message=message) for key, message in errors.items()]


def next_pass(session: Session, keyed: Keyed) -> tuple[int, list[Problem]]:
    """The pass this keying is (1 or 2), or the problems with its serial."""
    serial = keyed.serial
    if not serial:
        return 1, [CATALOGUE.problem("serial_missing", "serial")]
    if not SERIAL.fullmatch(serial):
        return 1, [CATALOGUE.problem("serial_format", "serial")]
    earlier = entries_of_serial(session, keyed.campaign, serial)
    if serial_has_response(session, keyed.campaign, serial) and not earlier:
        return 1, [CATALOGUE.problem("serial_taken", "serial", serial=serial)]
    if not earlier:
        return 1, []
    if not keyed.campaign.double_entry or len(earlier) > 1:
        return 1, [CATALOGUE.problem("serial_taken", "serial", serial=serial)]
    if earlier[0].keyed_by_id == keyed.keyer.id:
        return 2, [CATALOGUE.problem("serial_same_keyer", "serial", serial=serial)]
    if earlier[0].unit_id != keyed.unit.id:
        return 2, [CATALOGUE.problem("serial_other_unit", "serial", serial=serial)]
    return 2, []


def serial_has_response(session: Session, campaign: Campaign, serial: str) -> bool:
    """A response with this serial that did not come from paper entry (the API, an import)."""
    return session.scalar(select(Response.id).where(
        Response.campaign_id == campaign.id, Response.paper_serial == serial)) is not None


def new_entry(keyed: Keyed, pass_number: int) -> PaperEntry:
    return PaperEntry(uuid=keyed.uuid, campaign=keyed.campaign, unit=keyed.unit, serial=keyed.serial,
                      pass_number=pass_number, keyed_by=keyed.keyer, keyed_at=utcnow(), seconds=keyed.seconds,
                      answers={key: value for key, value in keyed.answers.items() if value is not None})


def settle_conflict(session: Session, keyed: Keyed) -> PaperEntry:
    """A concurrent insert won: the same uuid is a duplicate, anything else took the serial."""
    stored = session.scalar(select(PaperEntry).where(PaperEntry.uuid == keyed.uuid))
    if stored is not None and stored.campaign_id == keyed.campaign.id:
        return stored
    raise InvalidInput([CATALOGUE.problem("serial_taken", "serial", serial=keyed.serial)])


def settle(session: Session, entry: PaperEntry, today: date) -> None:
    """What a new entry leads to: a response, a wait for the second pass, or discrepancies."""
    if not entry.campaign.double_entry:
        make_response(session, [entry], entry.answers, today)
        return
    passes = entries_of_serial(session, entry.campaign, entry.serial)
    if len(passes) < 2:
        return
    differing = differences(passes[0].answers, passes[1].answers)
    if not differing:
        verify_response(session, make_response(session, passes, passes[0].answers, today), None,
                        "double entry: both passes agree")
        return
    session.add_all(EntryDiscrepancy(campaign_id=entry.campaign_id, serial=entry.serial, question_key=key,
                                     first_value=first, second_value=second)
                    for key, (first, second) in differing.items())
    session.flush()


def differences(first: dict[str, str], second: dict[str, str]) -> dict[str, tuple[str | None, str | None]]:
    """Question key -> (first value, second value) where the two passes differ."""
    keys = sorted(set(first) | set(second))
    return {key: (first.get(key), second.get(key)) for key in keys if first.get(key) != second.get(key)}


def make_response(session: Session, passes: list[PaperEntry], answers: dict[str, str | None],
                  today: date) -> Response:
    """The response of a serial: the first pass's uuid, keyer, unit and keying time. Its answers
    were checked in this request (a keyed pass, the second pass agreeing with them, or the decided
    answers of a reconciliation): `record_response` does not check them again."""
    first = passes[0]
    keyed_at = aware(first.keyed_at)
    response, _ = record_response(session, Submission(
        uuid=first.uuid, campaign=first.campaign, unit=first.unit, channel="paper",
        started_at=keyed_at - timedelta(seconds=first.seconds or 0), submitted_at=keyed_at, answers=answers,
        paper_serial=first.serial, entered_by=first.keyed_by, answers_checked=True),
        today)
    for entry in passes:
        entry.response = response
    session.flush()
    return response
