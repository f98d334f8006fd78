"""The service worker script, served under /nhap-phieu/ so that its scope covers the entry pages
(a worker controls only pages under the folder its script is served from)."""
from flask import Blueprint, abort, current_app, send_from_directory

blueprint = Blueprint("offline", __name__, template_folder="templates")


@blueprint.get("/nhap-phieu/sw.js")
def service_worker():
    """Public: it holds no data, and browsers fetch it again (uncached) to look for a new version."""
    if current_app.static_folder is None:  # an app made without static files has no worker either
        abort(404)
    response = send_from_directory(current_app.static_folder, "sw.js", mimetype="text/javascript", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response
