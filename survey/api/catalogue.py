"""What there is to answer: campaigns, questionnaire versions, units (scope campaigns:read).

A token limited to a unit sees the campaigns surveying that unit or a unit below it, and those
units; other campaigns and units answer 403.
"""
from sqlalchemy.orm import selectinload

from survey import clock, db
from survey.api import present, schemas
from survey.api.auth import require_unit, visible_unit_ids
from survey.api.errors import ApiError
from survey.api.routing import endpoint
from survey.campaigns.models import Campaign
from survey.campaigns.queries import campaign_called
from survey.errors import InvalidInput
from survey.questionnaires.queries import version_by_number
from survey.responses.queries import campaigns_in_scope
from survey.units import queries as unit_queries
from survey.units.models import Unit
from survey.units.queries import units_with_parents

READ = "campaigns:read"


@endpoint("GET", "/campaigns", summary="Campaigns", tag="campaigns", scope=READ, ok=schemas.CampaignList)
def campaigns():
    """Every campaign the token may see, newest opening first, with its state, channels and target units."""
    found = campaigns_in_scope(db.session(), visible_unit_ids(), selectinload(Campaign.channels),
                               selectinload(Campaign.units))
    today = clock.today()
    return schemas.CampaignList(campaigns=[present.campaign(c, today) for c in found])


@endpoint("GET", "/campaigns/<slug>", summary="One campaign", tag="campaigns", scope=READ, ok=schemas.CampaignOut)
def campaign(slug: str):
    """A campaign: its state today, dates, channels, questionnaire version and target units."""
    return present.campaign(visible_campaign(slug), clock.today())


@endpoint("GET", "/questionnaires/<slug>/versions/<int(max=2147483647):number>", summary="A questionnaire version",
          tag="campaigns", scope=READ, ok=schemas.VersionOut)
def questionnaire_version(slug: str, number: int):
    """A published version with its sections, questions (keys, types, rules) and choices."""
    try:
        found = version_by_number(db.session(), slug, number)
    except InvalidInput:
        raise ApiError(404, "not_found", f"questionnaire '{slug}' has no version {number}") from None
    return present.version(found)


@endpoint("GET", "/units", summary="Units", tag="campaigns", scope=READ, ok=schemas.UnitList)
def units():
    """Every unit the token may see (province, departments, districts, communes), by level and code."""
    return schemas.UnitList(units=[present.unit(u) for u in units_with_parents(db.session(), visible_unit_ids())])


@endpoint("GET", "/units/<code>", summary="One unit", tag="campaigns", scope=READ, ok=schemas.UnitOut)
def unit(code: str):
    found = unit_by_code(code)
    if found is None:
        raise ApiError(404, "not_found", f"no unit '{code}'")
    require_unit(found)
    return present.unit(found)


def unit_by_code(code: str) -> Unit | None:
    return unit_queries.unit_by_code(db.session(), code)


def visible_campaign(slug: str, status: int = 404, field: str | None = None) -> Campaign:
    """The campaign called `slug` if the token may see it; 403 when it surveys none of its units."""
    found = campaign_called(db.session(), slug)
    if found is None:
        raise ApiError(status, "not_found" if status == 404 else "invalid", f"no campaign '{slug}'", field)
    visible = visible_unit_ids()
    if visible is not None and not visible & {t.unit_id for t in found.units}:
        raise ApiError(403, "forbidden", "the API token is limited to units this campaign does not survey")
    return found
