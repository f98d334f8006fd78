"""The anchor of the load benchmark: the least a Flask-WTF app can do per response.

The same stack as the survey (Flask, Flask-WTF with CSRF on, SQLAlchemy on psycopg, the same
gunicorn settings) and the same request shapes: a GET renders a form with its CSRF token; a POST
checks the token and inserts one row keyed by the posted uuid, then redirects.
"""
import os
import uuid

from flask import Flask, current_app, redirect, render_template_string
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Uuid, create_engine, func, insert
from sqlalchemy.orm import sessionmaker
from wtforms import StringField
from wtforms.validators import DataRequired

metadata = MetaData()
rows = Table("bench_bare_rows", metadata,
             Column("id", Integer, primary_key=True),
             Column("uuid", Uuid, unique=True, nullable=False),
             Column("answer", String(64)),
             Column("stored_at", DateTime(timezone=True), server_default=func.now()))

PAGE = """<!doctype html><title>Bare</title><form method="post" action="/bare/{{ key }}">
{{ form.csrf_token }}<input type="hidden" name="_uuid" value="{{ key }}">{{ form.answer() }}<button>Send</button></form>"""


class AnswerForm(FlaskForm):
    key = StringField(name="_uuid", validators=[DataRequired()])
    answer = StringField()


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], WTF_CSRF_TIME_LIMIT=None)
    CSRFProtect(app)
    # Under the survey's key, so that gunicorn.conf.py's post_fork empties this pool too.
    app.extensions["survey.sessionmaker"] = sessionmaker(create_engine(os.environ["DATABASE_URL"],
                                                                       pool_pre_ping=True))
    app.add_url_rule("/bare", view_func=form_page)
    app.add_url_rule("/bare/<uuid:key>", view_func=store, methods=["POST"])
    return app


def form_page():
    return render_template_string(PAGE, form=AnswerForm(), key=uuid.uuid4())


def store(key: uuid.UUID):
    form = AnswerForm()
    if not form.validate_on_submit() or form.key.data != str(key):
        return "bad form", 400
    with current_app.extensions["survey.sessionmaker"].begin() as session:
        session.execute(insert(rows).values(uuid=key, answer=form.answer.data or "4"))
    return redirect(f"/bare/{key}/done")


app = create_app()
