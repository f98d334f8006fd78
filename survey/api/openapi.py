"""The OpenAPI 3.1 document of the API, built from the declared endpoints (`routing.OPERATIONS`)
and the JSON Schemas pydantic gives their models; served at /api/v1/openapi.json."""
import re
from functools import cache
from typing import Any

from flask import jsonify
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from survey.api import schemas
from survey.api.routing import OPERATIONS, Operation, blueprint

REF = "#/components/schemas/{model}"
ARGUMENT = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
PATH_SCHEMAS = {None: {"type": "string", "minLength": 1}, "uuid": {"type": "string", "format": "uuid"},
                "int": {"type": "integer", "minimum": 0, "maximum": 2147483647}}
ERRORS = {400: "Bad input: every problem listed, with the field at fault; nothing written",
          401: "No API token, or an unknown or revoked one",
          403: "The token lacks the scope, or the unit is not its own",
          404: "No such record", 413: "The body is larger than 1 MiB", 415: "The body is not application/json",
          429: "Too many requests for this token; retry after the Retry-After delay"}
INFO = {
    "title": "Khảo sát sự hài lòng — API",
    "version": "1",
    "description": "Campaigns, questionnaires, units, responses, invitations and index results of the "
                   "citizen satisfaction survey service, and the province's PAR index (definitions, results, "
                   "scores), for outside systems. Authenticate with "
                   "`Authorization: Bearer <token>` (tokens are issued by administrators, each with scopes and "
                   "optionally a unit). Every error is "
                   "`{\"error\": {\"code\", \"message\", \"field\", \"problems\"}}`.",
}


@blueprint.get("/openapi.json")
def openapi_document():
    """This document (no token needed)."""
    return jsonify(document())


@cache
def document() -> dict:
    models = _models()
    _, definitions = models_json_schema([(m, mode) for m, mode in models], ref_template=REF)
    paths: dict[str, dict] = {}
    for operation in OPERATIONS:
        paths.setdefault(openapi_path(operation.rule), {})[operation.method.lower()] = _operation(operation)
    return {"openapi": "3.1.0", "info": INFO, "paths": paths,
            "components": {"schemas": definitions.get("$defs", {}),
                           "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                                          "description": "An API token: sv_ and 43 characters."}}}}


def _models() -> list[tuple[type[BaseModel], JsonSchemaMode]]:
    found: set[tuple[type[BaseModel], JsonSchemaMode]] = {(schemas.ErrorOut, "serialization")}
    for operation in OPERATIONS:
        found |= {(model, "serialization") for _, model in operation.responses.values() if model is not None}
        if operation.body is not None:
            found.add((operation.body, "validation"))
    return sorted(found, key=lambda pair: pair[0].__name__)


def openapi_path(rule: str) -> str:
    return "/api/v1" + ARGUMENT.sub(lambda m: "{" + m.group(2) + "}", rule)


def _operation(operation: Operation) -> dict:
    arguments = ARGUMENT.findall(operation.rule)
    described: dict[str, Any] = {"operationId": operation.endpoint.removeprefix("api."), "summary": operation.summary,
                 "description": operation.description, "tags": [operation.tag],
                 "parameters": [_path_parameter(converter or None, name) for converter, name in arguments]
                 + _query_parameters(operation.query),
                 "responses": _responses(operation, bool(arguments))}
    if operation.scope is not None:
        described["security"] = [{"bearer": [operation.scope]}]
        described["description"] += f"\n\nScope: `{operation.scope}`."
    if operation.body is not None:
        described["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": {"$ref": REF.format(model=operation.body.__name__)}}}}
    return described


def _path_parameter(converter: str | None, name: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": PATH_SCHEMAS[converter]}


def _query_parameters(model: type[BaseModel] | None) -> list[dict]:
    if model is None:
        return []
    schema = model.model_json_schema(mode="validation", ref_template=REF)
    required = set(schema.get("required", ()))
    parameters = []
    for name, prop in schema["properties"].items():
        prop = {key: value for key, value in prop.items() if key not in ("title", "description")}
        parameter = {"name": name, "in": "query", "required": name in required, "schema": prop}
        description = schema["properties"][name].get("description")
        parameters.append(parameter | ({"description": description} if description else {}))
    return parameters


def _responses(operation: Operation, has_path: bool) -> dict:
    answers = {str(status): _content(text, model) for status, (text, model) in operation.responses.items()}
    errors = [429]
    if operation.scope is not None:
        errors += [401, 403]
    if operation.query is not None or operation.body is not None or has_path:
        errors.append(400)
    if has_path:
        errors.append(404)
    if operation.body is not None:
        errors += [413, 415]
    return answers | {str(status): _content(ERRORS[status], schemas.ErrorOut) for status in sorted(errors)}


def _content(text: str, model: type[BaseModel] | None) -> dict:
    if model is None:
        return {"description": text}
    schema = {"$ref": REF.format(model=model.__name__)}
    return {"description": text, "content": {"application/json": {"schema": schema}}}
