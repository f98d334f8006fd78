"""The work of a citizen's send (issue 19): its statements, the answers checked once, the
questionnaire parsed once per version, the webhook outbox written by the responses domain."""
import ast
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, func, select

import forms
from survey import db
from survey.kept import KeptValues
from survey.questionnaires import queries
from survey.responses.models import Response
from tests.public.conftest import THREE_PAGES, forget_csrf_token
from tests.public.test_once_and_resume import answer_all

SEND_STATEMENTS = {"postgresql": 5, "sqlite": 7}
"""The draft with its campaign, version, channels and target; the form's units; the burst counts;
the response, its answers and its event (one statement on PostgreSQL, three on SQLite; no
savepoint); the draft's delete. No stored-uuid check: a draft and its response never coexist (the
unique keys meet a duplicate), and the burst flag goes out with the response's row."""


@contextmanager
def statements():
    """The SQL statements the block sends (savepoints and commits are not counted)."""
    seen: list[str] = []
    engine = db.engine()

    def keep(_connection, _cursor, sql, *_args) -> None:
        seen.append(sql)
    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def press_send(respondent):
    """The review page's Send, without following the redirect to the thanks page."""
    forget_csrf_token()
    reply = respondent.client.post(f"/phieu/{respondent.uuid}/gui", data=respondent.form_fields())
    assert reply.status_code == 302 and reply.location.endswith("/cam-on")


def test_a_send_reads_the_draft_and_its_campaign_in_one_statement(respondent, three_pages, session):
    answer_all(respondent)
    with statements() as sent:
        press_send(respondent)
    assert len(sent) == SEND_STATEMENTS[db.engine().dialect.name], "\n".join(sent)
    assert session.scalar(select(func.count()).select_from(Response)) == 1


def test_a_send_checks_the_answers_once(respondent, three_pages, session, monkeypatch):
    answer_all(respondent)
    checks = []
    real = forms.check_answers
    monkeypatch.setattr(forms, "check_answers", lambda *args, **kwargs: checks.append(1) or real(*args, **kwargs))
    press_send(respondent)
    assert len(checks) == 1


def test_a_version_is_parsed_once_and_the_cache_is_bounded(make_version, session, monkeypatch):
    monkeypatch.setattr(queries, "_parsed", KeptValues(queries.PARSED_VERSIONS))  # without earlier tests' versions
    first, second = make_version(THREE_PAGES), make_version()
    parsed = queries.version_definition(first)
    assert queries.version_definition(first) is parsed
    monkeypatch.setattr(queries._parsed, "size", 1)
    queries.version_definition(second)  # drops the least recently used: the first
    assert queries.version_definition(first) is not parsed
    assert queries.version_definition(first) == parsed


def test_the_webhooks_package_never_imports_responses():
    """The responses domain writes its events to the outbox; survey.webhooks only reads it."""
    root = Path(queries.__file__).parents[1] / "webhooks"
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]
        names += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        assert not [name for name in names if name.startswith("survey.responses")], path
