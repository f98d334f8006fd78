"""The keyer's own forms of the day: the province's day (survey.clock), times in its zone, each form
with a state in words (never a status code), on SQLite as on PostgreSQL."""
from dataclasses import dataclass
from datetime import datetime

from survey import clock, db
from survey.accounts.access import signed_in
from survey.campaigns.models import Campaign
from survey.entries.models import PaperEntry
from survey.entries.queries import keyed_between, serials_in_reconciliation
from survey.surveyor.messages import say
from survey.text import unit_name


@dataclass(frozen=True)
class KeyedForm:
    """One row of the keyer's list: what the page and the JSON reply show of a stored form."""

    uuid: str
    serial: str
    unit: str
    time: str
    state: str


def local_time(moment: datetime, pattern: str = "%H:%M") -> str:
    """A stored instant (naive UTC from SQLite) as the province's clock reads it."""
    return clock.local(moment).strftime(pattern)


def keyed_today(campaign: Campaign) -> list[KeyedForm]:
    """The signed-in keyer's forms of ``campaign`` keyed today, the latest first."""
    today = clock.today()
    entries = keyed_between(db.session(), signed_in(), campaign, clock.start_of_day(today), clock.end_of_day(today))
    waiting = serials_in_reconciliation(db.session(), campaign, {entry.serial for entry in entries})
    return [keyed_form(entry, entry.serial in waiting) for entry in entries]


def stored_form(entry: PaperEntry) -> KeyedForm:
    """The row of a form just stored (or found stored again)."""
    waiting = serials_in_reconciliation(db.session(), entry.campaign, {entry.serial})
    return keyed_form(entry, entry.serial in waiting)


def keyed_form(entry: PaperEntry, in_reconciliation: bool) -> KeyedForm:
    return KeyedForm(uuid=str(entry.uuid), serial=entry.serial, unit=unit_name(entry.unit),
                     time=local_time(entry.keyed_at), state=state(entry, in_reconciliation))


def state(entry: PaperEntry, in_reconciliation: bool) -> str:
    """Where the form stands, in the keyer's language."""
    if entry.response is not None:
        return say(f"state_{entry.response.status}")
    if in_reconciliation:
        return say("state_differs")
    return say("state_waiting")
