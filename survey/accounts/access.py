"""Who is signed in and what they may see: the interface every staff page builds on.

    from survey.accounts.access import current_user, protect, require_unit, role_required, visible_unit_ids

    blueprint = Blueprint("supervisor", __name__, url_prefix="/giam-sat")
    protect(blueprint, "supervisor", "admin")     # every route of the blueprint (call before registering it)

    @other_blueprint.get("/...")
    @role_required("analyst", "admin")            # or one route at a time
    def page():
        user = current_user()
        units = visible_unit_ids(user)            # None: the whole province
        ...
        require_unit(user, response.unit)         # 403 unless the unit is in the user's scope

`current_user() -> User | None`
    The account the request is signed in as (see `survey.accounts.sessions`), None when anonymous.

`role_required(*roles) -> decorator` and `protect(blueprint, *roles) -> None`
    Roles are those of `survey.accounts.models.ROLES`; an unknown one is a ValueError at import.
    Anonymous: a redirect to the sign-in page, with `next` set to the page asked for (GET only).
    A user holding a temporary password: a redirect to the change-password page first.
    Any other role: the 403 page. Guarded pages are sent with `Cache-Control: no-store`.

`may_open(user, endpoint) -> bool`
    Whether the user's role passes the guard of the page `endpoint`: links offered only to those
    who may follow them, without repeating the roles.

`visible_unit_ids(user) -> frozenset[int] | None`
    None means the whole province: admins and analysts with no unit. Otherwise the ids of the
    units the user is scoped to and of every unit below them; empty for a supervisor or
    surveyor with no unit (they see nothing until an administrator assigns one). The rule is
    `survey.accounts.queries.visible_unit_ids`, which domain code calls with its session.

`require_unit(user, unit: Unit | int) -> None`
    Aborts with 403 unless the unit (or unit id) is visible to the user.

Templates of staff pages extend "accounts/staff.html" (the signed-in account and a sign-out
button in the header); `current_user()` and `role_name(role)` are available in every template.

Every route of the app must be classified in `tests/accounts/test_route_matrix.py` (public,
signed in, or the roles that may open it): a new route left out fails the test.
"""
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from flask import Blueprint, abort, current_app, make_response, redirect, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from survey import db
from survey.accounts import queries
from survey.accounts.models import ROLES, User
from survey.accounts.sessions import signed_in_user
from survey.units.models import Unit

View = TypeVar("View", bound=Callable[..., ResponseReturnValue])

_PROTECTED: dict[str, tuple[str, ...]] = {}
"""The roles of each blueprint guarded as a whole with `protect`, by blueprint name."""


def current_user() -> User | None:
    return signed_in_user()


def signed_in() -> User:
    """The user of a page that `role_required` or `protect` guards, which let no one signed out through
    (a 401 should a guard be missing)."""
    user = signed_in_user()
    if user is None:
        abort(401)
    return user


def role_required(*roles: str) -> Callable[[View], View]:
    known_roles(roles)

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(*args, **kwargs):
            return refusal(roles) or no_store(make_response(view(*args, **kwargs)))
        guarded.roles = roles  # type: ignore[attr-defined]  # read by may_open; functions take attributes at run time
        return guarded  # type: ignore[return-value]
    return decorate


def protect(blueprint: Blueprint, *roles: str) -> None:
    known_roles(roles)
    _PROTECTED[blueprint.name] = roles
    blueprint.before_request(lambda: refusal(roles))
    blueprint.after_request(no_store)


def may_open(user: User, endpoint: str) -> bool:
    roles = getattr(current_app.view_functions[endpoint], "roles", None) or _PROTECTED.get(endpoint.rpartition(".")[0])
    return roles is None or user.role in roles


def visible_unit_ids(user: User) -> frozenset[int] | None:
    return queries.visible_unit_ids(db.session(), user)


def require_unit(user: User, unit: Unit | int) -> None:
    unit_id = unit if isinstance(unit, int) else unit.id
    visible = visible_unit_ids(user)
    if visible is not None and unit_id not in visible:
        abort(403)


def refusal(roles: tuple[str, ...]) -> Response | None:
    """Where the request goes instead of the page, or None when the user may see it."""
    user = current_user()
    if user is None:
        return redirect(sign_in_url())
    if user.must_change_password:
        return redirect(url_for("accounts.change_password", next=here()))
    if user.role not in roles:
        abort(403)
    return None


def sign_in_url() -> str:
    return url_for("accounts.sign_in", next=here())


def here() -> str | None:
    """The page asked for, to come back to after signing in (a form post cannot be repeated)."""
    if request.method != "GET":
        return None
    return request.full_path.rstrip("?")


def no_store(response: Response) -> Response:
    # Staff pages show personal data and one-time passwords: no browser or proxy may keep them.
    response.headers["Cache-Control"] = "no-store"
    return response


def known_roles(roles: tuple[str, ...]) -> None:
    unknown = [role for role in roles if role not in ROLES]
    if unknown or not roles:
        raise ValueError(f"roles must be some of {', '.join(ROLES)}, not {roles!r}")
