"""The accounts' pages: signing in and out, the account page, changing one's own password, the rate
limits of the pages that check a password (`limits`), and the staff layout every staff page extends
("accounts/staff.html").

A subpackage of `survey.accounts` rather than a package of its own: the pages are the accounts' own
(blueprint "accounts", templates "accounts/...") and build on the domain above, which never imports
them; the command line, the API and the other staff pages use the domain without these pages."""
from flask import Flask

from survey.accounts import sessions
from survey.accounts.pages import views


def register(app: Flask) -> None:
    """The pages and their sessions (the sign-in limits, `limits`, are counted by `survey.extensions.limiter`)."""
    sessions.init_app(app)
    app.register_blueprint(views.blueprint)
