"""Why an export job failed, kept in `export_jobs.error` as its problems rather than as text: a JSON
list of each problem's catalogue key, field and parameters, so that the analysts' page says it in the
reader's language (the worker that failed the job knows no reader).

A row written before problems were stored (plain English text) is read back as it is. A parameter
that is itself a problem is stored as its English text (no export problem wraps another).
"""
import json
from collections.abc import Iterable

from survey.errors import Problem


def stored(problems: Iterable[Problem]) -> str:
    """The problems as the `error` column keeps them."""
    return json.dumps([{"key": problem.key, "field": problem.field, "params": dict(problem.params)}
                       for problem in problems], ensure_ascii=False, default=str)


def said(error: str, code: str) -> str:
    """The stored problems in language `code`, one a line; an old row's text unchanged."""
    try:
        problems = [Problem(kept["key"], kept["field"], kept["params"]) for kept in json.loads(error)]
    except (ValueError, TypeError, KeyError):
        return error
    return "\n".join(problem.text(code) for problem in problems)
