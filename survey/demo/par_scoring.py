"""The demo's agency officer (issue 20): an account of the scoring workflow's agency role, scoped to
the first unit (by code) that Home Affairs appraised in the demo's scoring round
(survey.demo.par_index), so that whoever tries the pages can read the appraisal beside the unit's
self-assessment and give the unit's one answer. Development only, like the other demo accounts:
`demo load` prints its password. Found in place the second time, never made twice."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey.accounts.models import User
from survey.accounts.operations import create_user
from survey.par_index.models import IndexDefinition
from survey.par_index.scoring_queries import round_assessments, scoring_round
from survey.units.models import Unit

USERNAME, ROLE, PASSWORD = "demo-agency-officer", "agency_officer", "angiang-canbo-2026"


def ensure_agency_officer(session: Session, definition: IndexDefinition) -> list[tuple[str, str, str]]:
    """(username, role, password) of the demo's agency officer, made when missing; none while the
    definition's round has no appraised unit to scope it to."""
    if session.scalar(select(User.id).where(User.username == USERNAME)) is None:
        unit = _first_appraised_unit(session, definition)
        if unit is None:
            return []
        create_user(session, USERNAME, ROLE, PASSWORD, [unit], full_name=f"Demo {ROLE}")
    return [(USERNAME, ROLE, PASSWORD)]


def _first_appraised_unit(session: Session, definition: IndexDefinition) -> Unit | None:
    scoring = scoring_round(session, definition, definition.year)
    assessments = round_assessments(session, scoring) if scoring is not None else []
    return next((found.unit for found in assessments if found.status == "appraised"), None)
