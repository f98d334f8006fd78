"""The survey service: citizen satisfaction (SIPAS) and PAR INDEX sociological surveys."""
from flask import Flask

from survey import config
from survey.clock import register_clock
from survey.commands import register_commands
from survey.db import register_database
from survey.extensions import register_extensions
from survey.public.messages import CATALOGUE as CITIZENS
from survey.text import register_text
from survey.web import register_blueprints, register_error_handlers


def create_app(overrides: dict | None = None) -> Flask:
    """Build the application; settings come from the environment, then `overrides`."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(config.load(app.instance_path, overrides))
    register_database(app)
    register_clock(app)
    register_extensions(app)
    register_text(app, default=CITIZENS)
    register_blueprints(app)
    register_error_handlers(app)
    register_commands(app)
    return app
