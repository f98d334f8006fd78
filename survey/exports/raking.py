"""Raked weights for an export: the design weights of the exported responses raked to margins.

The responses are exactly those the export writes (its filters included); their design weights
are w_h = N_h / n_h, and `survey.results.weighting.weigh` rakes them to the margins with
`analysis.rake`, as `flask analysis run --weighting rake` does, so the same file gives the same
weights. Margins name a question key (its stored values are the levels) or one of unit, level,
district, channel, status (see `survey.results.loading.META`).
"""
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.exports.reading import Selection, unit_details
from survey.responses.models import Answer, Response
from survey.results.loading import META
from survey.results.weighting import Margins, weigh


def raked_weights(session: Session, selection: Selection, margins: Margins, questions: set[str]) -> dict[int, float]:
    """Response id -> raked weight; InvalidInput for margins that do not fit the responses.

    `questions`: the keys of the exported questionnaire(s); a margin naming anything else is refused.
    """
    frame = calibration_frame(session, selection, margins, questions)
    transactions = {target.unit.code: target.transactions for target in selection.campaign.units}
    weighting = weigh(frame, "rake", transactions, margins)
    return dict(zip(frame.index.tolist(), weighting.design.weights.tolist()))


def calibration_frame(session: Session, selection: Selection, margins: Margins, questions: set[str]) -> pd.DataFrame:
    """A row per selected response (index: its id): the META columns, and the margins' questions
    as Categoricals of their stored values."""
    units = unit_details(session, selection.campaign)
    rows = session.execute(select(Response.id, Response.unit_id, Response.channel, Response.status)
                           .where(*selection.filters()).order_by(Response.id)).all()
    frame = pd.DataFrame({
        META["unit"]: [units[r.unit_id][0] for r in rows], META["level"]: [units[r.unit_id][2] for r in rows],
        META["district"]: [units[r.unit_id][3] or units[r.unit_id][0] for r in rows],
        META["channel"]: [r.channel for r in rows], META["status"]: [r.status for r in rows],
    }, index=pd.Index([r.id for r in rows], name="response_id"))
    keys = [v for v in margins.counts if v not in META and v in questions]
    for key, values in _answers(session, selection, keys).items():
        frame[key] = pd.Categorical(frame.index.map(values).to_numpy(dtype=object))
    for key in keys:
        if key not in frame.columns:  # nobody answered it: weigh() names it as unanswered
            frame[key] = pd.Categorical([None] * len(frame))
    return frame


def _answers(session: Session, selection: Selection, keys: list[str]) -> dict[str, dict[int, str]]:
    """Stored values of the answers to `keys`, per key and response id."""
    if not keys:
        return {}
    query = (select(Answer.question_key, Answer.response_id, Answer.value)
             .join(Response, Response.id == Answer.response_id)
             .where(*selection.filters(), Answer.question_key.in_(keys)))
    found: dict[str, dict[int, str]] = {}
    for key, response_id, value in session.execute(query):
        found.setdefault(key, {})[response_id] = value
    return found
