"""The administration pages (/quan-tri, administrators only), one part per thing administered:
users (accounts, roles, units, the audit log), units (the hierarchy, imports, reorganisations),
questionnaires, campaigns (the form, opening and closing, cloning, the sample plan, the move to a
newer questionnaire version), invitations (bulk creation and random draws of dossiers), API tokens
and webhooks. Each part is a subpackage with its views, its texts and its templates folder, and
`routes.register(blueprint)` naming its URLs. What the parts share is here: the blueprint (`site`), the
scope of an administrator limited to some units (`scope`), the navigation bar, files uploaded and
downloaded (`files`) and the catalogue assembled from the parts' texts (`messages`)."""
import inspect
from pathlib import Path

from flask import Flask

from survey.admin import site
from survey.admin.campaigns import routes as campaigns_routes
from survey.admin.invitations import routes as invitations_routes
from survey.admin.questionnaires import routes as questionnaires_routes
from survey.admin.tokens import routes as tokens_routes
from survey.admin.units import routes as units_routes
from survey.admin.users import routes as users_routes
from survey.admin.webhooks import routes as webhooks_routes

PARTS = (users_routes, units_routes, questionnaires_routes, campaigns_routes, invitations_routes, tokens_routes,
         webhooks_routes)


def register(app: Flask) -> None:
    """A fresh blueprint for `app` with every part's routes (a registered blueprint takes no more)."""
    blueprint = site.blueprint(Path(inspect.getfile(part)).parent / "templates" for part in PARTS)
    for part in PARTS:
        part.register(blueprint)
    app.register_blueprint(blueprint)
