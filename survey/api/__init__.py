"""The REST API for outside systems, under /api/v1: JSON only, bearer tokens (never cookies, so no
CSRF), JSON errors, a rate limit per token, and an OpenAPI 3.1 document at /api/v1/openapi.json.

Endpoints are declared with `routing.endpoint` in small modules (catalogue, responses,
invitations, results, par_index), which gives the document its operations.
"""
from flask import Flask, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from survey.api import catalogue, invitations, openapi, par_index, responses, results  # noqa: F401  (they declare endpoints)
from survey.api.auth import rate_key
from survey.api.errors import ApiError, error_response, http_error, invalid_input
from survey.api.routing import InvalidRequest, blueprint, check_text, handle_invalid_request
from survey.errors import InvalidInput
from survey.extensions import csrf, limiter, setting

MAX_BODY = 1024 * 1024


def register(app: Flask) -> None:
    app.register_blueprint(blueprint)


@blueprint.before_request
def check_request() -> None:
    """Bodies up to 1 MiB (413 beyond); no NUL in the path or the query (400)."""
    request.max_content_length = MAX_BODY
    check_text(request.view_args or {}, "path")
    check_text(request.args.to_dict(), "query")


@blueprint.after_request
def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


csrf.exempt(blueprint)
limiter.limit(setting("LIMIT_API_PER_TOKEN"), key_func=rate_key)(blueprint)
blueprint.register_error_handler(ApiError, error_response)
blueprint.register_error_handler(InvalidRequest, handle_invalid_request)
blueprint.register_error_handler(InvalidInput, invalid_input)
blueprint.register_error_handler(HTTPException, http_error)
