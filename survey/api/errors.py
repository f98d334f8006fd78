"""JSON errors of the API: every 4xx is {"error": {"code", "message", "field", "problems"}}.

`problems` lists every problem found (one per field at most once each), each with its `field` and
`code`; `message` and `field` repeat the first, for clients that show one. The HTML error pages of
the rest of the site are untouched: these handlers answer only for paths under /api/.

The API is for machines: an operation's problem (`survey.errors.Problem`) goes out with its field
as the operation names it, its catalogue key as `code` for a program to act on, and its English
text as `message` for the person reading the log; a client shows its own words for the code.
"""
from flask import Response, jsonify, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from survey.errors import InvalidInput

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid",
         429: "rate_limited"}


class ApiError(Exception):
    """A refusal with its status, a machine-readable code, a message and the field at fault."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None,
                 problems: list[dict] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field
        self.problems = problems or [{"field": field, "code": code, "message": message}]


def is_api_request() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(error: ApiError) -> Response:
    body = {"error": {"code": error.code, "message": error.message, "field": error.field,
                      "problems": error.problems}}
    response = jsonify(body)
    response.status_code = error.status
    if error.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="survey"'
    return response


def http_error(error: HTTPException) -> Response:
    """Werkzeug's errors (404, 405, 413, 415, 429, bad JSON...) as JSON."""
    status = error.code or 500
    response = error_response(ApiError(status, CODES.get(status, "error"), error.description or error.name))
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def invalid_input(error: InvalidInput) -> Response:
    """An operation refused the input: every problem with its field (None: the whole request) and code."""
    problems = [{"field": p.field, "code": p.key, "message": str(p)} for p in error.problems]
    first = error.problems[0] if error.problems else None
    message, field = (str(first), first.field) if first else ("invalid input", None)
    return error_response(ApiError(400, "invalid", message, field, problems))


def validation_error(error: ValidationError, where: str) -> Response:
    """A request that does not fit its schema (pydantic): one problem per field, pydantic's error type
    (missing, string_too_short, ...) as its code."""
    problems = [{"field": ".".join(str(part) for part in detail["loc"]) or where, "code": detail["type"],
                 "message": detail["msg"]} for detail in error.errors(include_url=False)]
    return error_response(ApiError(400, "invalid", problems[0]["message"], problems[0]["field"], problems))

