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
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.campaigns.models import Campaign
from survey.quality.eligibility import eligible
from survey.responses.models import Response
from survey.results.loading import DEFAULT_STATUSES, CampaignData, load_subset
from survey.results.weighting import Margins, margin_columns, weigh


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
        return [value if hit else None for value, hit in zip(self.values[at].tolist(), found)]

    def within(self, low: int, high: int | None) -> tuple[list[int], list[float]]:
        """The ids with low < id <= high (high None: no bound) and their weights."""
        start = int(np.searchsorted(self.ids, low, side="right"))
        stop = len(self.ids) if high is None else int(np.searchsorted(self.ids, high, side="right"))
        return self.ids[start:stop].tolist(), self.values[start:stop].tolist()


def in_scope(session: Session, data: CampaignData) -> pd.DataFrame:
    """The rows of `data.frame` in scope (a copy: weighing adds columns to it)."""
    rated = session.scalars(select(Response.id).where(Response.campaign_id == data.campaign.id,
                                                      eligible(data.campaign)))
    return data.frame[data.frame.index.isin(list(rated))].copy()


def transactions_of(campaign: Campaign) -> dict[str, int | None]:
    """N_h of every target unit, by unit code."""
    return {target.unit.code: target.transactions for target in campaign.units}


def analysis_weights(session: Session, campaign: Campaign, method: str, margins: Margins | None = None,
                     statuses: Sequence[str] = DEFAULT_STATUSES) -> Weights:
    """The weight `method` gives each response in scope in the analysis.

    The same responses and the same `weigh` as `report.compute_results`, hence the same weights;
    InvalidInput for what cannot be weighted (a unit without N_h, margins that do not fit). Only the
    responses in scope and the margins' questions are read (an export of a million responses weighs
    them in tens of megabytes, not the gigabyte of the whole campaign's frame).
    """
    scope = load_subset(session, campaign, margin_columns(margins), statuses, eligible(campaign))
    weighting = weigh(scope, method, transactions_of(campaign), margins)
    return Weights(scope.index.to_numpy(np.int64), np.asarray(weighting.design.weights, np.float64))
