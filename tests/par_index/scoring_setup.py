"""Builders the scoring workflow's tests share: the shipped sample definition published, units to
score, an agency officer of one of them, and a round on the sample."""
from datetime import timedelta
from pathlib import Path

from survey.accounts.models import User
from survey.par_index.document import read_file
from survey.par_index.operations import import_definition, publish
from survey.par_index.scoring import open_round
from tests.clock import TODAY

SAMPLE = Path(__file__).parents[2] / "survey" / "par_index" / "sample_definition.yaml"
PASSWORD = "correct horse battery staple"


def published_sample(session):
    return publish(session, import_definition(session, read_file(SAMPLE.name, SAMPLE.read_bytes())))


def user(session, username, role, units=()):
    account = User(username=username, role=role, full_name=username.title(), units=list(units))
    account.set_password(PASSWORD)
    session.add(account)
    session.flush()
    return account


def sample_round(session, make_unit, days=10):
    """A round of 2026 on the published sample, deadline `days` after the suite's today, over two
    departments and a commune (the province itself is not scored)."""
    for code, level in (("AG-SNV", "department"), ("AG-STC", "department")):
        make_unit(code, level)
    make_unit("AG-LX-MB", "commune", parent=make_unit("AG-LX", "district"))
    return open_round(session, None, published_sample(session), 2026, TODAY + timedelta(days=days))
