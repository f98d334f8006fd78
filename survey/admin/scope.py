"""What an administrator limited to some units may see and change on the administration pages.

An administrator with no unit acts on the whole province. One scoped to units acts on those units
and everything below them (`visible_unit_ids`), and only there:

- accounts: it sees and changes only those whose every unit lies in its scope (an account with no
  unit is province-wide, or sees nothing: outside), and gives accounts only units of its scope,
  never none and never its own (`survey.accounts.operations.scope_problems`);
- units: it sees and deactivates or reactivates only those of its scope; it imports and reorganises none;
- campaigns and their invitations: only those whose every target unit lies in its scope, and it
  creates or edits them only with such units;
- what acts on the whole province is for province-wide administrators alone: importing units,
  uploading and publishing questionnaires, API tokens, webhooks and the audit log.

A page outside the scope answers 403 and changes nothing; what does not exist stays a 404.
"""
from collections.abc import Iterable
from typing import TypeVar

from flask import abort, request

from survey import db
from survey.accounts.access import signed_in, visible_unit_ids
from survey.accounts.models import User
from survey.accounts.queries import user_by_username
from survey.campaigns.models import Campaign
from survey.campaigns.operations import CampaignSpec, targets_outside
from survey.campaigns.queries import campaign_unit_ids
from survey.errors import InvalidInput
from survey.units.models import Unit
from survey.units.queries import unit_by_code

PROVINCE_ONLY = frozenset({
    "admin.audit", "admin.units_import", "admin.units_import_confirm", "admin.units_reorganise",
    "admin.units_reorganise_confirm", "admin.questionnaire_upload",
    "admin.questionnaire_publish", "admin.questionnaire_texts",
    "admin.api_tokens", "admin.create_api_token", "admin.revoke_api_token",
    "admin.webhooks", "admin.add_webhook", "admin.webhook", "admin.remove_webhook",
})
"""Pages acting on the whole province: closed to an administrator limited to some units."""
CAMPAIGN_PAGES = ("admin.campaign", "admin.invitations")
"""Endpoints starting so name a campaign by their `slug` (a questionnaire's pages use `slug` too)."""

Shown = TypeVar("Shown", Unit, User, Campaign)


def admin_scope() -> frozenset[int] | None:
    """The units the signed-in administrator acts on, and all below them; None: the whole province."""
    return visible_unit_ids(signed_in())


def within_scope() -> None:
    """Before every administration page: 403 when it is about something outside the scope."""
    scope = admin_scope()
    if scope is not None and not may_reach(scope, request.endpoint or "", request.view_args or {}):
        abort(403)


def reachable(endpoint: str) -> bool:
    """Whether the page is open to the signed-in administrator, for the links offered."""
    return endpoint not in PROVINCE_ONLY or admin_scope() is None


def may_reach(scope: frozenset[int], endpoint: str, args: dict) -> bool:
    if endpoint in PROVINCE_ONLY:
        return False
    if "username" in args:
        return user_reachable(scope, args["username"])
    if "unit_code" in args:
        unit = unit_by_code(db.session(), args["unit_code"])
        return unit is None or unit.id in scope
    if "slug" in args and endpoint.startswith(CAMPAIGN_PAGES):
        return campaign_reachable(scope, args["slug"])
    return True


def user_reachable(scope: frozenset[int], username: str) -> bool:
    found = user_by_username(db.session(), username)
    return found is None or covers(scope, [unit.id for unit in found.units])


def campaign_reachable(scope: frozenset[int], slug: str) -> bool:
    unit_ids = campaign_unit_ids(db.session(), slug)
    return unit_ids is None or covers(scope, unit_ids)


def covers(scope: frozenset[int], unit_ids: Iterable[int]) -> bool:
    """Whether the units are some units, all within `scope` (none would mean the whole province)."""
    unit_ids = set(unit_ids)
    return bool(unit_ids) and unit_ids <= scope


def shown(items: Iterable[Shown]) -> list[Shown]:
    """The units, accounts or campaigns the signed-in administrator may see, in their order."""
    scope = admin_scope()
    if scope is None:
        return list(items)
    return [item for item in items if covers(scope, unit_ids_of(item))]


def unit_ids_of(item: Unit | User | Campaign) -> list[int]:
    if isinstance(item, Unit):
        return [item.id]
    if isinstance(item, User):
        return [unit.id for unit in item.units]
    return [target.unit_id for target in item.units]


def targets_in_scope(spec: CampaignSpec) -> CampaignSpec:
    """`spec` if its target units lie within the administrator's scope; InvalidInput otherwise."""
    problems = targets_outside(spec, admin_scope())
    if problems:
        raise InvalidInput(problems)
    return spec
