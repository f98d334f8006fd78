"""QR posters for the one-stop desk: the open link of a campaign and unit as SVG, PNG and an A4 page."""
import io

import segno
from flask import Blueprint, Response, render_template, url_for

from survey.links import public_url
from survey.public import estimate
from survey.public.access import open_target
from survey.questionnaires.queries import version_definition

blueprint = Blueprint("posters", __name__, template_folder="templates")
QR_CACHE = "max-age=600"
"""Ten minutes, not the static files' year: a QR code follows the campaign (closed, moved) and the
PUBLIC_BASE_URL setting, and is cheap to draw again."""


def open_link_qr(slug: str, unit_code: str) -> tuple[str, segno.QRCode]:
    """The absolute open link and its QR code (error correction M survives a worn print)."""
    open_target(slug, unit_code)
    link = public_url("questionnaire.open_link", slug=slug, unit_code=unit_code)
    return link, segno.make(link, error="m", micro=False)


@blueprint.get("/k/<slug>/<unit_code>/qr.svg")
def qr_svg(slug: str, unit_code: str):
    _, code = open_link_qr(slug, unit_code)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=10, border=2, xmldecl=False)
    return Response(out.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": QR_CACHE})


@blueprint.get("/k/<slug>/<unit_code>/qr.png")
def qr_png(slug: str, unit_code: str):
    _, code = open_link_qr(slug, unit_code)
    out = io.BytesIO()
    code.save(out, kind="png", scale=12, border=2)
    return Response(out.getvalue(), mimetype="image/png", headers={"Cache-Control": QR_CACHE})


@blueprint.get("/k/<slug>/<unit_code>/ap-phich")
def poster(slug: str, unit_code: str):
    """An A4 page to print and stick at the desk: the unit's name, the QR code and the link."""
    campaign, unit = open_target(slug, unit_code)
    link, _ = open_link_qr(slug, unit_code)
    minutes = estimate.minutes(version_definition(campaign.questionnaire_version))
    return render_template("public/poster.html", campaign=campaign, unit=unit, link=link, minutes=minutes,
                           svg=url_for(".qr_svg", slug=slug, unit_code=unit_code))
