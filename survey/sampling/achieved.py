"""After fieldwork: each unit's achieved sample (eligible respondents, not rejected) and the
margin of error it gives, against the margin its quota was planned for. Read only.

The planned margin is the one the quota gives with the unit's N_h (a quota written by a sample
plan gives at most the plan's e), so a unit misses the plan exactly when its achieved margin is
wider; both at 95 % confidence for p = 0.5, with the finite-population correction.
"""
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.quality.progress import unit_progress, visible
from survey.sampling.plan import margin_of

CONFIDENCE = "0.95"


@dataclass(frozen=True)
class Achieved:
    unit_code: str
    unit_name: str
    transactions: int | None
    quota: int | None
    n: int
    planned: float | None
    margin: float | None

    @property
    def misses(self) -> bool:
        """The achieved margin is wider than planned (or there is no respondent against a quota)."""
        if self.planned is None:
            return False
        return self.margin is None or self.margin > self.planned + 1e-12


def achieved_sample(session: Session, campaign: Campaign, unit_ids: Collection[int] | None) -> list[Achieved]:
    """A row per unit the reader may see, in the order of the progress table."""
    collected = {row.detail: row.collected for row in unit_progress(session, campaign, unit_ids)}
    return [achieved(t.unit.code, t.unit.name, t.transactions, t.quota, collected[t.unit.code])
            for t in visible(campaign, unit_ids)]


def achieved(code: str, name: str, transactions: int | None, quota: int | None, n: int) -> Achieved:
    if transactions is None or transactions <= 0:
        return Achieved(code, name, transactions, quota, n, None, None)
    planned = margin_of(transactions, quota, CONFIDENCE) if quota else None
    return Achieved(code, name, transactions, quota, n, planned, margin_of(transactions, n, CONFIDENCE))
