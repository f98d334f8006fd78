"""Which responses the analysis counts, and the weights it gives them: the one definition that the
results (`report`), the period reports (`survey.reports`) and every export (`survey.exports`) use,
so that an export's weight column reproduces the service's own numbers in any statistics package.

A response is in scope when its status is one analysed (submitted and verified unless asked
otherwise) and it is eligible (`survey.quality.eligibility`: it rates at least one question on the
five-level satisfaction scale, as quotas count): a respondent screened out, or answering only
"don't know", is not. The scope does not depend on the recipe: every recipe, and every export,
weighs the same responses, so N_h / n_h has one n_h.
"""
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.quality.eligibility import eligible
from survey.questionnaires.queries import version_definition
from survey.responses.models import Response
from survey.results.loading import DEFAULT_STATUSES, CampaignData, checked_keys, load_subset
from survey.results.weighting import Margins, check_weighting, margin_columns, unit_weights, weigh
from survey.units.models import Unit


@dataclass(frozen=True)
class Weights:
    """The weights of the responses in scope as two arrays in response id order. A million take 16 MB,
    where a dict of Python numbers takes about 100 MB, copied page by page into a forked process
    (survey.exports.halves) as soon as it is read."""

    ids: np.ndarray
    values: np.ndarray

    def of(self, ids: Sequence[int]) -> list[float | None]:
        """The weight of each response id, None for one out of scope."""
        if not len(self.ids):
            return [None] * len(ids)
        wanted = np.asarray(ids, dtype=np.int64)
        at = np.searchsorted(self.ids, wanted).clip(max=len(self.ids) - 1)
        found = (self.ids[at] == wanted).tolist()
        return [value if hit else None for value, hit in zip(self.values[at].tolist(), found, strict=True)]

    def within(self, low: int, high: int | None) -> tuple[list[int], list[float]]:
        """The ids with low < id <= high (high None: no bound) and their weights."""
        start = int(np.searchsorted(self.ids, low, side="right"))
        stop = len(self.ids) if high is None else int(np.searchsorted(self.ids, high, side="right"))
        return self.ids[start:stop].tolist(), self.values[start:stop].tolist()


@dataclass(frozen=True)
class UnitWeights:
    """Design weights, N_h / n_h: every response of unit h in scope weighs the same, so an export
    applies a constant per unit to each batch (by unit id, where `scope` holds) and nothing is held
    per response. The analysis gives the very same numbers (weighting.unit_weights)."""

    by_unit: dict[int, float]
    """Unit id -> weight, for the units with responses in scope."""
    scope: ColumnElement[bool]
    """The condition on Response of being in scope (scope_condition)."""

    def of(self, unit_ids: Sequence[int], in_scope: Sequence[bool]) -> list[float | None]:
        """The weight of each response given its unit and whether it is in scope (None if not)."""
        by_unit = self.by_unit
        return [by_unit.get(unit) if inside else None for unit, inside in zip(unit_ids, in_scope, strict=True)]


def scope_condition(campaign: Campaign, statuses: Sequence[str]) -> ColumnElement[bool]:
    """A response is in scope: the campaign's, of an analysed status, and eligible (see the module)."""
    return and_(Response.campaign_id == campaign.id, Response.status.in_(list(statuses)), eligible(campaign))


def in_scope(session: Session, data: CampaignData) -> pd.DataFrame:
    """The rows of `data.frame` in scope (a copy: weighing adds columns to it)."""
    rated = session.scalars(select(Response.id).where(Response.campaign_id == data.campaign.id,
                                                      eligible(data.campaign)))
    return data.frame[data.frame.index.isin(list(rated))].copy()


def transactions_of(campaign: Campaign) -> dict[str, int | None]:
    """N_h of every target unit, by unit code."""
    return {target.unit.code: target.transactions for target in campaign.units}


def analysis_weights(session: Session, campaign: Campaign, method: str, margins: Margins | None = None,
                     statuses: Sequence[str] = DEFAULT_STATUSES) -> Weights | UnitWeights:
    """The weight `method` gives each response in scope in the analysis.

    The same responses and the same `weigh` as `report.compute_results`, hence the same weights;
    InvalidInput for what cannot be weighted (a unit without N_h, margins that do not fit). Design
    weights need only n_h per unit (per_unit_weights); calibrated ones read the responses in scope and
    the margins' questions (a million responses in tens of megabytes, not the campaign's gigabyte).
    """
    if method == "design" and margins is None:
        return per_unit_weights(session, campaign, statuses)
    scope = load_subset(session, campaign, margin_columns(margins), statuses, eligible(campaign))
    weighting = weigh(scope, method, transactions_of(campaign), margins)
    return Weights(scope.index.to_numpy(np.int64), np.asarray(weighting.design.weights, np.float64))


def per_unit_weights(session: Session, campaign: Campaign, statuses: Sequence[str]) -> UnitWeights:
    """N_h / n_h per unit, n_h counted by one GROUP BY over the scope; the refusals of `weigh`."""
    checked_keys(version_definition(campaign.questionnaire_version), [], statuses)
    scope = scope_condition(campaign, statuses)
    counts = dict(session.execute(select(Response.unit_id, func.count()).where(scope, _id_range(session, campaign))
                                  .group_by(Response.unit_id)).all())
    check_weighting("design", None, sum(counts.values()))
    codes = dict(session.execute(select(Unit.id, Unit.code).where(Unit.id.in_(list(counts)))).all())
    weights = unit_weights({codes[unit]: count for unit, count in counts.items()}, transactions_of(campaign))
    return UnitWeights({unit: weights[codes[unit]] for unit in counts}, scope)


def _id_range(session: Session, campaign: Campaign) -> ColumnElement[bool]:
    """The campaign's ids lie between its first and last: always true, but it lets SQLite read the
    responses in id order, each next to its answers (1.3 s of CPU for a million instead of 3.9 s
    through the index on campaign and unit, which jumps across the table and the answers)."""
    first, last = session.execute(select(func.min(Response.id), func.max(Response.id))
                                  .where(Response.campaign_id == campaign.id)).one()
    return Response.id.between(first, last)
