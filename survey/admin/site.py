"""The administration blueprint, "admin" under /quan-tri, that every part's routes go on.

Administrators only (`protect`), and within the scope of one limited to some units
(`scope.within_scope`, after the role). Every template reads the administration catalogue (declared
with `survey.text.speaks`, like every blueprint's) and gets the navigation bar; templates are found
in the shared folder (the layout) and in each part's own.
A blueprint takes no route once registered, so each application gets a fresh one.
"""
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from flask import Blueprint, render_template
from jinja2 import FileSystemLoader

from survey import clock
from survey.accounts.access import protect
from survey.accounts.models import ROLES
from survey.admin.messages import CATALOGUE, say
from survey.admin.navigation import navigation
from survey.admin.scope import reachable, within_scope
from survey.text import speaks
from survey.units.models import LEVELS

GET, POST, BOTH = ("GET",), ("POST",), ("GET", "POST")
Route = tuple[str, Callable, tuple[str, ...]]
"""(URL below /quan-tri, view, methods): the endpoint is the view's name, "admin.<name>"."""
SHARED = Path(__file__).parent / "templates"


def blueprint(template_folders: Iterable[Path]) -> Blueprint:
    """The guarded blueprint, with no route yet; templates from the shared folder and `template_folders`."""
    made = Blueprint("admin", __name__, url_prefix="/quan-tri")
    made.jinja_loader = FileSystemLoader([SHARED, *template_folders])
    protect(made, "admin")
    made.before_request(within_scope)  # after the role: an administrator limited to units acts only there
    speaks(made, CATALOGUE)
    made.context_processor(page_context)
    return made


def add_routes(blueprint: Blueprint, routes: Iterable[Route]) -> None:
    for rule, view, methods in routes:
        blueprint.add_url_rule(rule, view_func=view, methods=list(methods))


def page_context() -> dict:
    """What every administration template may use besides its texts."""
    return {"local_time": local_time, "roles": ROLES, "levels": LEVELS, "reachable": reachable,
            "navigation": navigation}


def local_time(moment: datetime | None) -> str:
    """`moment` in the province's time zone, day first; "never" for None."""
    if moment is None:
        return say("never")
    return clock.day_and_time(moment)


def page(template: str, status: int = 200, **context: object):
    return render_template(template, **context), status
