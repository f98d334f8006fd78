"""Checks on what a citizen page receives, made before anything reads the form (CSRF included):
a small body, UTF-8 text. NUL and other control characters are `survey.hygiene`'s, for every page."""
from urllib.parse import unquote_to_bytes

from flask import Flask, request

from survey.public.access import refuse
from survey.public.messages import t

MAX_BODY = 64 * 1024
"""A page of the longest questionnaire with long free-text answers is far below this."""
CITIZEN_BLUEPRINTS = frozenset({"public", "questionnaire", "posters"})


def register(app: Flask) -> None:
    # First of all request hooks: CSRF protection parses the form in its own hook.
    app.before_request_funcs.setdefault(None, []).insert(0, check_body)


def check_body() -> None:
    if request.method != "POST" or request.blueprint not in CITIZEN_BLUEPRINTS:
        return
    request.max_content_length = MAX_BODY  # reading more raises 413
    raw = request.get_data(cache=True)
    if request.mimetype == "application/x-www-form-urlencoded" and not readable(raw):
        refuse(t("bad_text"))
    if any("\ufffd" in value for value in request.form.values()):
        refuse(t("bad_text"))


def readable(body: bytes) -> bool:
    """Every name and value of a urlencoded body decodes as UTF-8."""
    for part in body.split(b"&"):
        try:
            unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True
