"""The paper questionnaire of a campaign (/in-phieu): A4 pages to print, generated from the
campaign's questionnaire version, so that paper and entry screen share the numbering and codes.

`?tu=1&den=50` prints fifty copies pre-numbered with serials 1 to 50, each on new pages; without
them one copy with an empty serial box. `?lang=en` prints in English. For surveyors, supervisors
and administrators; a unit's print is for those whose scope holds the unit.
"""
from collections.abc import Mapping

import segno
from flask import Blueprint, abort, render_template, request

from survey import db
from survey.accounts.access import protect, require_unit, signed_in
from survey.campaigns.models import Campaign
from survey.campaigns.queries import campaign_or_404
from survey.errors import InvalidInput
from survey.links import public_url
from survey.printing.layout import printed_sections
from survey.printing.messages import CATALOGUE
from survey.printing.paper import Paper
from survey.questionnaires.queries import version_definition
from survey.text import language, speaks, unit_name
from survey.units.models import LEVELS, Unit
from survey.units.queries import active_units

blueprint = Blueprint("printing", __name__, url_prefix="/in-phieu", template_folder="templates")
protect(blueprint, "surveyor", "supervisor", "admin")
speaks(blueprint, CATALOGUE)

MOST_COPIES = 200
"""Copies printed by one request (a SIPAS copy is a few pages)."""


@blueprint.get("/<slug>")
def campaign(slug: str):
    found = campaign_or_404(slug)
    only = found.units[0].unit if len(found.units) == 1 else None
    return render_print(found, None, qr_link(found, only))


@blueprint.get("/<slug>/<unit_code>")
def unit(slug: str, unit_code: str):
    found = campaign_or_404(slug)
    target = next((t.unit for t in found.units if t.unit.code == unit_code), None)
    if target is None:
        abort(404)
    require_unit(signed_in(), target)
    return render_print(found, target, qr_link(found, target))


def render_print(found: Campaign, target: Unit | None, link: str | None):
    serials = serial_range(request.args)
    definition = version_definition(found.questionnaire_version)
    units = printed_units(definition)
    paper = Paper(definition, [(u.code, u.code) for u in units])
    names = {u.code: unit_name(u) for u in units}
    qr = segno.make(link, error="m", micro=False).svg_inline(scale=4, border=2, omitsize=True) if link else None
    return render_template("printing/questionnaire.html", campaign=found, unit=target, definition=definition,
                           sections=printed_sections(paper, language(), names), serials=serials, link=link, qr=qr,
                           form_language=language(), copies=len(serials))


def qr_link(found: Campaign, target: Unit | None) -> str | None:
    """The link citizens may answer online at: the unit's open link, else the list of open surveys."""
    if "web" not in found.channel_names:
        return None
    if target is None:
        return public_url("public.index")
    return public_url("questionnaire.open_link", slug=found.slug, unit_code=target.code)


def printed_units(definition) -> list[Unit]:
    """Active units the unit questions may name (printed as options with their code)."""
    levels = {level for q in definition.questions if q.type == "unit" for level in (q.levels or LEVELS)}
    return active_units(db.session(), levels) if levels else []


def serial_range(args: Mapping[str, str]) -> list[int | None]:
    """Serials of the copies asked for by `tu` and `den`; one copy without a serial when neither is given."""
    given = {name: args.get(name, "").strip() for name in ("tu", "den")}
    if not any(given.values()):
        return [None]
    problems = [CATALOGUE.problem("bad_serial", name, value=value)
                for name, value in given.items() if value and not value.isdigit()]
    if not all(given.values()):
        problems.append(CATALOGUE.problem("half_range", "den" if given["tu"] else "tu"))
    if problems:
        raise InvalidInput(problems)
    first, last = int(given["tu"]), int(given["den"])
    if not 1 <= first <= last or last - first >= MOST_COPIES:
        raise InvalidInput(CATALOGUE.problem("bad_range", "den", most=MOST_COPIES))
    return list(range(first, last + 1))
