"""Control characters refused wherever text comes in, before any view or query sees it.

PostgreSQL text cannot hold NUL (psycopg raises, a 500), SQLite stores it silently, and the other
C0 controls, DEL and the C1 range are never part of a name, a code or an answer: they come from a
paste, a broken client or an attack. Tab, line feed and carriage return are text and pass.

Two hooks, so that no body is read before the hooks that cap its size (`survey.public.body`,
`survey.admin.files`), while the URL is checked before any hook queries with it (the
citizens' rate limiter looks its campaign and unit up): the path and the query first of all, the
form and file names after every other application hook. A refusal is a 400 naming every field
at fault: JSON `{"status": "invalid", "problems": [{"field", "message"}]}` to clients asking for
JSON (the offline queue), the error page otherwise. The API checks its own requests in its
format (`survey.api.routing.check_text`); the file importers check the text of their files.
"""
from collections.abc import Iterable

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue

from forms.text_checks import CONTROL, has_control
from survey.text import Catalogue

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "field_control_character": ("Trường “{field}”: có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL); vui lòng xoá "
                          "ký tự đó rồi gửi lại",
                          "{field}: holds a control character (such as NUL) that text may not contain; remove it "
                          "and send again"),
    "control_character_here": ("Có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL); vui lòng xoá ký tự đó rồi gửi lại",
                               "Holds a control character (such as NUL) that text may not contain; remove it and "
                               "send again"),
    "lone_surrogate": ("Trường “{field}”: có ký tự không hợp lệ (nửa cặp surrogate UTF-16)",
                       "{field}: holds a lone surrogate, which is not text"),
}

CATALOGUE = Catalogue(MESSAGES)


def control_problem(field: str):
    """The problem of a field holding a control character, in the catalogue's two languages."""
    return CATALOGUE.problem("field_control_character", field=field)


def surrogate_problem(field: str):
    """The problem of a field holding half of a UTF-16 surrogate pair (JSON may escape one)."""
    return CATALOGUE.problem("lone_surrogate", field=field)


def register(app: Flask) -> None:
    hooks = app.before_request_funcs.setdefault(None, [])
    hooks.insert(0, check_location)
    hooks.append(check_form)


def check_location() -> ResponseReturnValue | None:
    if is_api():
        return None
    return refusal(fields_at_fault(list((request.view_args or {}).items())
                                   + list(request.args.items(multi=True))))


def check_form() -> ResponseReturnValue | None:
    if is_api() or request.method not in UNSAFE_METHODS:
        return None
    names = [(name, file.filename or "") for name, file in request.files.items(multi=True)]
    return refusal(fields_at_fault(list(request.form.items(multi=True)) + names))


def is_api() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def fields_at_fault(pairs: Iterable[tuple[str, object]]) -> list[str]:
    """The names, each once, of the pairs whose name or text value holds a control character."""
    found = (name for name, value in pairs if has_control(name) or (isinstance(value, str) and has_control(value)))
    return list(dict.fromkeys(CONTROL.sub("?", name) for name in found))


def refusal(fields: list[str]) -> ResponseReturnValue | None:
    if not fields:
        return None
    if request.accept_mimetypes.best == "application/json":  # the client shows each next to its field
        message = CATALOGUE.say("control_character_here")
        return jsonify(status="invalid", problems=[{"field": field, "message": message} for field in fields]), 400
    problems = [control_problem(field) for field in fields]
    return render_template("error.html", code=400, name="Bad Request", problems=problems), 400
