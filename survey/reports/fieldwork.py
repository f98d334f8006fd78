"""What the report says beyond the indices, read from the database: the fieldwork (windows,
channels, each unit's sample against its quota and N_h, responses screened out) and every answer
of the responses reported (for the distributions, the profile, the comments and the results by
field and by level).

A response is screened out when it rated nothing on the five-level scale (as quotas count, see
`survey.quality.eligibility`); the answers analysed are those of the responses in the index's
scope (an answer to a question of the recipe), weighted as the report is.
"""
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

import forms
from analysis import Design
from analysis.recipes import Recipe
from survey.campaigns.models import Campaign
from survey.questionnaires.queries import version_definition
from survey.reports.compose import Report
from survey.reports.periods import campaigns_of
from survey.reports.roles import FIELD, present
from survey.results.loading import load_campaign
from survey.results.weighting import weigh

UNIT_FIELD, SEPARATOR = "_unit_field", "\x1f"


@dataclass(frozen=True)
class Fieldwork:
    campaigns: list[Campaign]
    definition: forms.Definition
    """The questionnaire of the latest campaign (its texts label the answers)."""
    answers: pd.DataFrame
    """Responses in scope, every question, with _code (unit), _level and _weight."""
    sample: pd.DataFrame
    """A row per unit code: level, quota, transactions, responses, eligible."""
    design: Design
    """The weighted design of `answers` (analysis.Design)."""


def read_fieldwork(session: Session, report: Report, recipe: Recipe) -> Fieldwork:
    campaigns = [c for c in campaigns_of(session, report.period) if c.slug in report.current.campaigns]
    frames = [_frame(session, campaign) for campaign in campaigns]
    pooled = pd.concat(frames)
    questions = sorted({m.question for m in recipe.measures()})
    scope = pooled[pooled[questions].notna().any(axis=1)].copy()
    definition = version_definition(campaigns[-1].questionnaire_version)
    scope[UNIT_FIELD] = _unit_field(scope, definition)
    transactions = {f"{c.slug}/{t.unit.code}": t.transactions for c in campaigns for t in c.units}
    design = weigh(scope, report.weighting, transactions).design
    if "_weight" not in scope:
        scope["_weight"] = 1.0
    return Fieldwork(campaigns, definition, scope, _sample(campaigns, pooled), design)


def _unit_field(scope: pd.DataFrame, definition: forms.Definition) -> pd.Series:
    """'unit code, field' of each answer naming its field of procedure: a unit report's domains
    (the design estimates one column's domains)."""
    fields = present(definition, (FIELD,))
    if not fields:
        return pd.Series(None, index=scope.index, dtype=object)
    value = scope[fields[0].name]
    return (scope["_code"] + SEPARATOR + value.astype(str)).where(value.notna())


def _frame(session: Session, campaign: Campaign) -> pd.DataFrame:
    data = load_campaign(session, campaign)
    rated = [q.name for q in data.definition.questions if q.type == "satisfaction"]
    frame = data.frame.assign(_code=data.frame["_unit"], _unit=campaign.slug + "/" + data.frame["_unit"])
    frame["_eligible"] = frame[rated].notna().any(axis=1) if rated else True
    return frame


def _sample(campaigns: list[Campaign], pooled: pd.DataFrame) -> pd.DataFrame:
    """Quotas and N_h summed over the period's campaigns, responses and eligible ones per unit."""
    targets = pd.DataFrame([(t.unit.code, t.unit.level, t.quota, t.transactions) for c in campaigns for t in c.units],
                           columns=["unit", "level", "quota", "transactions"])
    plan = targets.groupby("unit").agg(level=("level", "first"), quota=("quota", lambda s: s.sum(min_count=1)),
                                       transactions=("transactions", lambda s: s.sum(min_count=1)))
    counted = pooled.groupby("_code").agg(responses=("_eligible", "size"), eligible=("_eligible", "sum"))
    table = plan.join(counted, how="left").fillna({"responses": 0, "eligible": 0})
    return table.astype({"responses": int, "eligible": int}).rename_axis("unit").reset_index()
