"""Reading keyed entries: one by its uuid, a keyer's forms of the day, the reconciliation queue of a scope."""
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.campaigns.models import Campaign
from survey.entries.models import EntryDiscrepancy, PaperEntry
from survey.units.models import Unit


def entry_by_uuid(session: Session, key: uuid.UUID) -> PaperEntry | None:
    return session.scalar(select(PaperEntry).where(PaperEntry.uuid == key))


def keyed_between(session: Session, keyer: User, campaign: Campaign, start: datetime,
                  end: datetime) -> list[PaperEntry]:
    """The forms ``keyer`` keyed in ``campaign`` from ``start`` until ``end`` (UTC instants; both
    passes count), the latest first."""
    return list(session.scalars(select(PaperEntry).where(
        PaperEntry.keyed_by_id == keyer.id, PaperEntry.campaign_id == campaign.id,
        PaperEntry.keyed_at >= start, PaperEntry.keyed_at < end).order_by(PaperEntry.keyed_at.desc(),
                                                                          PaperEntry.id.desc())))


def serials_in_reconciliation(session: Session, campaign: Campaign, serials: set[str]) -> set[str]:
    """Those of ``serials`` whose two entries differ and wait for a supervisor."""
    return set(session.scalars(select(EntryDiscrepancy.serial).distinct().where(
        EntryDiscrepancy.campaign_id == campaign.id, EntryDiscrepancy.serial.in_(serials),
        EntryDiscrepancy.choice.is_(None))))


@dataclass(frozen=True)
class QueuedSerial:
    """A double-keyed serial waiting for a supervisor: how many questions differ."""

    campaign: Campaign
    serial: str
    unit: Unit
    questions: int


def reconciliation_queue(session: Session, unit_ids: frozenset[int] | None) -> list[QueuedSerial]:
    """Serials with undecided discrepancies, in the units given (None: every unit), oldest first."""
    first = PaperEntry
    query = (select(first.campaign_id, first.serial, first.unit_id, func.count(EntryDiscrepancy.id))
             .join(EntryDiscrepancy, (EntryDiscrepancy.campaign_id == first.campaign_id)
                   & (EntryDiscrepancy.serial == first.serial))
             .where(first.pass_number == 1, EntryDiscrepancy.choice.is_(None))
             .group_by(first.campaign_id, first.serial, first.unit_id)
             .order_by(func.min(EntryDiscrepancy.id)))
    if unit_ids is not None:
        query = query.where(first.unit_id.in_(unit_ids))
    return [QueuedSerial(session.get_one(Campaign, campaign_id), serial, session.get_one(Unit, unit_id), count)
            for campaign_id, serial, unit_id, count in session.execute(query)]


def first_pass(session: Session, campaign: Campaign, serial: str) -> PaperEntry | None:
    return session.scalar(select(PaperEntry).where(
        PaperEntry.campaign_id == campaign.id, PaperEntry.serial == serial, PaperEntry.pass_number == 1))


def discrepancies(session: Session, campaign: Campaign, serial: str) -> list[EntryDiscrepancy]:
    """Every discrepancy of a serial, decided or not, in form order of their ids."""
    return list(session.scalars(select(EntryDiscrepancy).where(
        EntryDiscrepancy.campaign_id == campaign.id, EntryDiscrepancy.serial == serial)
        .order_by(EntryDiscrepancy.id)))


def entries_of_serial(session: Session, campaign: Campaign, serial: str) -> list[PaperEntry]:
    """The passes of a serial, first pass first."""
    return list(session.scalars(select(PaperEntry).where(
        PaperEntry.campaign_id == campaign.id, PaperEntry.serial == serial).order_by(PaperEntry.pass_number)))
