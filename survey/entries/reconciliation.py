"""Settling the discrepancies of a double-keyed serial (flush only; the caller commits).

The supervisor decides every differing question of the serial at once: the first keyer's value,
the second's, or a corrected one (typed like a keyer types it). The decisions are kept with both
originals, who and when; the response is then made from the first pass with the decided values
and counts as verified.
"""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

import forms
from survey.accounts.models import User
from survey.campaigns.models import Campaign
from survey.db import utcnow
from survey.entries.models import CHOICES, EntryDiscrepancy
from survey.entries.operations import make_response
from survey.entries.problems import CATALOGUE
from survey.entries.queries import entries_of_serial
from survey.errors import InvalidInput
from survey.questionnaires.queries import version_definition
from survey.responses.models import Response
from survey.responses.operations import unit_codes, verify_response


@dataclass(frozen=True)
class Decision:
    """How one question is settled; `corrected` is the stored value when `choice` is 'corrected'."""

    choice: str | None
    corrected: str | None = None


def open_discrepancies(session: Session, campaign: Campaign, serial: str) -> list[EntryDiscrepancy]:
    return list(session.scalars(select(EntryDiscrepancy).where(
        EntryDiscrepancy.campaign_id == campaign.id, EntryDiscrepancy.serial == serial,
        EntryDiscrepancy.choice.is_(None)).order_by(EntryDiscrepancy.id)))


def reconcile(session: Session, campaign: Campaign, serial: str, decisions: dict[str, Decision],
              actor: User, today: date, language: str = "vi") -> Response:
    """Record a decision for every open discrepancy of ``serial`` and make its verified response.

    InvalidInput (nothing written) when a question is left undecided or the decided answers break
    the questionnaire's rules; answers the decided values make irrelevant are dropped.
    """
    pending = open_discrepancies(session, campaign, serial)
    if not pending:
        raise InvalidInput([CATALOGUE.problem("nothing_to_reconcile", "serial", serial=serial)])
    undecided = [CATALOGUE.problem("undecided", d.question_key) for d in pending
                 if decisions.get(d.question_key, Decision(None)).choice not in CHOICES]
    if undecided:
        raise InvalidInput(undecided)
    passes = entries_of_serial(session, campaign, serial)
    answers = dict(passes[0].answers) | {d.question_key: chosen(d, decisions[d.question_key]) for d in pending}
    kept = checked_answers(session, campaign, answers, language)
    for discrepancy in pending:
        decide(discrepancy, decisions[discrepancy.question_key], actor)
    response = make_response(session, passes, kept, today)
    verify_response(session, response, actor, "double entry: reconciled")
    return response


def chosen(discrepancy: EntryDiscrepancy, decision: Decision) -> str | None:
    """The value `decision` keeps: the first pass's, the second's, or the corrected one (reconcile
    refuses a decision that is none of CHOICES before it asks)."""
    if decision.choice == "first":
        return discrepancy.first_value
    return discrepancy.second_value if decision.choice == "second" else decision.corrected


def checked_answers(session: Session, campaign: Campaign, answers: dict[str, str | None],
                    language: str) -> dict[str, str | None]:
    """The decided answers without those not asked (none of them None, typed as a response's answers
    are); InvalidInput when they break the form's checks."""
    definition = version_definition(campaign.questionnaire_version)
    errors = forms.check_answers(definition, answers, language=language, unit_codes=unit_codes(session, definition))
    if errors:
        raise InvalidInput([CATALOGUE.problem("entry_answer", key, message=message) for key, message in errors.items()])
    effective = forms.effective_answers(definition, answers)
    return {key: value for key, value in effective.items() if value is not None}


def decide(discrepancy: EntryDiscrepancy, decision: Decision, actor: User) -> None:
    discrepancy.choice = decision.choice
    discrepancy.chosen_value = chosen(discrepancy, decision)
    discrepancy.decided_by = actor
    discrepancy.decided_at = utcnow()
