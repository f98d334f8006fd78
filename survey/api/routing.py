"""Declaring an endpoint once: its Flask route, its checks (token, scope, query, body) and its
entry in the OpenAPI document (`survey.api.openapi` reads OPERATIONS).

    @endpoint("GET", "/campaigns/<slug>", scope="campaigns:read", tag="campaigns",
              summary="One campaign", ok=Campaign)
    def campaign(slug: str) -> Campaign: ...

The view receives the path arguments, and `query=` / `body=` models already validated; it
returns a pydantic model (200), or (model, status) or (model, status, headers).
"""
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, request
from pydantic import BaseModel, ValidationError

from survey.api.auth import authenticate
from survey.api.errors import ApiError, validation_error
from survey.hygiene import CONTROL, control_problem, has_control, surrogate_problem

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


@dataclass(frozen=True)
class Operation:
    method: str
    rule: str
    endpoint: str
    summary: str
    description: str
    tag: str
    scope: str | None
    query: type[BaseModel] | None
    body: type[BaseModel] | None
    responses: dict[int, tuple[str, type[BaseModel] | None]] = field(default_factory=dict)


OPERATIONS: list[Operation] = []


def endpoint(method: str, rule: str, *, summary: str, tag: str, scope: str | None, ok: type[BaseModel],
             query: type[BaseModel] | None = None, body: type[BaseModel] | None = None,
             extra: Mapping[int, tuple[str, type[BaseModel] | None]] | None = None) -> Callable:
    """Register the view on the API blueprint and describe it; see the module docstring."""
    def decorate(view: Callable) -> Callable:
        status = 201 if method == "POST" else 200
        responses = {status: ("OK" if status == 200 else "Created", ok), **(extra or {})}
        OPERATIONS.append(Operation(method, rule, f"api.{view.__name__}", summary, (view.__doc__ or "").strip(),
                                    tag, scope, query, body, responses))

        @wraps(view)
        def handle(**path: Any):
            if scope is not None:
                authenticate(scope)
            if query is not None:
                path["query"] = parsed(query, request.args.to_dict(), "query")
            elif request.args:
                raise ApiError(400, "invalid", "this operation takes no query parameter", next(iter(request.args)))
            if body is not None:
                path["body"] = parsed(body, json_body(), "body")
            return answer(view(**path), status)
        blueprint.add_url_rule(rule, view_func=handle, methods=[method])
        return view
    return decorate


class InvalidRequest(Exception):
    """A query or body that does not fit its model; answered by `validation_error`."""

    def __init__(self, error: ValidationError, where: str):
        self.error, self.where = error, where


def parsed(model: type[BaseModel], data: Any, where: str) -> BaseModel:
    check_text(data, where)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidRequest(error, where) from None


def json_body() -> Any:
    if request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the body as application/json", "body")
    data = request.get_json(silent=True, cache=True)
    if data is None:
        raise ApiError(400, "malformed_json", "the body is not valid JSON", "body")
    return data


def check_text(value: Any, where: str) -> None:
    """No control character (NUL above all, which PostgreSQL text cannot hold) and no lone surrogate
    anywhere: a 400 with one problem per field at fault, in the catalogue's words."""
    found = dict(fields_at_fault(value, where))
    if found:
        problems = [{"field": field, "message": str(problem(field))} for field, problem in found.items()]
        raise ApiError(400, "invalid", problems[0]["message"], problems[0]["field"], problems)


def fields_at_fault(value: Any, where: str) -> Iterator[tuple[str, Callable]]:
    """(field, the problem it makes) for every text at fault, a field name with a control character
    shown with "?" in its place."""
    if isinstance(value, str):
        if has_control(value):
            yield CONTROL.sub("?", where), control_problem
        elif not _encodable(value):
            yield where, surrogate_problem
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from fields_at_fault(key, where)
            yield from fields_at_fault(item, f"{where}.{key}" if where != "body" else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from fields_at_fault(item, where)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def answer(result: Any, default_status: int):
    model, status, headers = (*tuple(result), None, None)[:3] if isinstance(result, tuple) else (result, None, None)
    return model.model_dump(mode="json"), status or default_status, headers or {}


def handle_invalid_request(error: InvalidRequest):
    return validation_error(error.error, error.where)
