"""Errors as RFC 9457 problem details (``application/problem+json``) in the API.

Validation errors list each offending field; registry errors map to their status:
``InvalidValue`` 422, ``NotFound`` 404, ``Conflict`` 409 (an edit conflict carries the current
ETag). Pages get the same statuses as HTML (see ``pages.errors``).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound, QuadhelixError
from quadhelix.web.deps import NotAllowed, NotSignedIn
from quadhelix.web.versioning import EditConflict, PreconditionRequired

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "urn:quadhelix:problem:"


class ProblemField(BaseModel):
    """One offending input: where it is, which field, and what is wrong with it."""

    location: str = Field(description="body, query, path or header")
    field: str
    pointer: str | None = Field(default=None, description="JSON Pointer into the request body")
    detail: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[ProblemField] = Field(default_factory=list)


class ProblemResponse(JSONResponse):
    media_type = MEDIA_TYPE


def problem(
    request: Request,
    status: int,
    *,
    kind: str | None = None,
    detail: str | None = None,
    errors: list[ProblemField] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    body = Problem(
        type=TYPE_BASE + kind if kind else "about:blank",
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors or [],
    )
    return ProblemResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


_LOCATIONS = ("body", "query", "path", "header", "cookie")


def _field(location: tuple[Any, ...]) -> tuple[str, str, str | None]:
    if location and location[0] in _LOCATIONS:
        where, parts = str(location[0]), [str(part) for part in location[1:]]
    else:
        where, parts = "body", [str(part) for part in location]
    field = ".".join(parts) or where
    pointer = "#/" + "/".join(parts) if where == "body" and parts else None
    return where, field, pointer


def validation_fields(errors: Any) -> list[ProblemField]:
    """One entry per Pydantic error; errors without a location prefix are in the body."""
    fields = []
    for error in errors:
        where, field, pointer = _field(tuple(error.get("loc", ())))
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        fields.append(ProblemField(location=where, field=field, pointer=pointer, detail=message))
    return fields


def invalid_value_field(error: InvalidValue, location: str = "body") -> ProblemField:
    field = error.field
    pointer = "#/" + field.replace(".", "/") if location == "body" else None
    return ProblemField(location=location, field=field, pointer=pointer, detail=error.reason)


def api_problem(request: Request, error: Exception) -> ProblemResponse:
    """The problem response for an exception raised while handling an API request."""
    if isinstance(error, RequestValidationError):
        return problem(
            request,
            422,
            kind="validation",
            detail="the request has invalid fields",
            errors=validation_fields(error.errors()),
        )
    if isinstance(error, ValidationError):
        return problem(
            request,
            422,
            kind="validation",
            detail="the request has invalid fields",
            errors=validation_fields(error.errors()),
        )
    if isinstance(error, InvalidValue):
        where = "query" if request.method in ("GET", "HEAD") else "body"
        return problem(
            request,
            422,
            kind="invalid-value",
            detail=str(error),
            errors=[invalid_value_field(error, where)],
        )
    if isinstance(error, NotFound):
        return problem(request, 404, kind="not-found", detail=str(error))
    if isinstance(error, EditConflict):
        return problem(
            request, 409, kind="edit-conflict", detail=str(error), headers={"ETag": error.current}
        )
    if isinstance(error, Conflict):
        return problem(request, 409, kind="conflict", detail=str(error))
    if isinstance(error, IntegrityError):
        return problem(
            request, 409, kind="conflict", detail="the change clashes with data in the registry"
        )
    if isinstance(error, DataError):
        return problem(
            request,
            422,
            kind="unstorable-value",
            detail="a value cannot be stored: it is too long or holds characters such as NUL",
        )
    if isinstance(error, PreconditionRequired):
        return problem(
            request,
            428,
            kind="precondition-required",
            detail="send the record's ETag in If-Match, so that no one else's change is lost",
        )
    if isinstance(error, NotSignedIn):
        return problem(
            request,
            401,
            kind="not-signed-in",
            detail=error.detail,
            headers={"WWW-Authenticate": 'Bearer realm="quadhelix"'},
        )
    if isinstance(error, NotAllowed):
        return problem(request, 403, kind="forbidden", detail=error.detail)
    if isinstance(error, QuadhelixError):
        return problem(request, 400, kind="bad-request", detail=str(error))
    if isinstance(error, HTTPException):
        headers = dict(error.headers) if error.headers else None
        detail = error.detail if isinstance(error.detail, str) else None
        return problem(request, error.status_code, detail=detail, headers=headers)
    raise error


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problem responses an operation can give."""
    return {
        status: {"model": Problem, "description": HTTPStatus(status).phrase} for status in statuses
    }


def use_problem_media_type(schema: dict[str, Any]) -> dict[str, Any]:
    """Document error responses as ``application/problem+json``, as they are sent."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[:1] in "45" and "application/json" in content:
                    content[MEDIA_TYPE] = content.pop("application/json")
    return schema
